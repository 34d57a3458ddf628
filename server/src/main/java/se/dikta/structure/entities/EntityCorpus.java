package se.dikta.structure.entities;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import se.dikta.structure.corpus.CorpusSource;

/**
 * The name-finder training sentences of {@code entities/*.txt} (OpenNLP format, a blank line between
 * documents), and the ordinary words they show: words seen outside every name and never inside one
 * ("inte", "barnläkare", "erbjuds"), which the name finder's guesses must not capitalise.
 */
public record EntityCorpus(List<NameSample> samples) {

    public EntityCorpus {
        samples = List.copyOf(samples);
    }

    public static EntityCorpus read(CorpusSource source) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        for (String path : source.list("entities", ".txt")) {
            boolean newDocument = true;
            String[] lines = source.read(path).split("\r?\n");
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty()) {
                    newDocument = true;
                    continue;
                }
                try {
                    samples.add(NameSample.parse(line, newDocument));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(path + ":" + (n + 1) + ": " + e.getMessage(), e);
                }
                newDocument = false;
            }
        }
        return new EntityCorpus(samples);
    }

    /** The sentences as plain words, grouped by document, in file order. */
    public List<List<List<String>>> documents() {
        List<List<List<String>>> documents = new ArrayList<>();
        for (NameSample sample : samples) {
            if (sample.isClearAdaptiveDataSet() || documents.isEmpty()) {
                documents.add(new ArrayList<>());
            }
            documents.get(documents.size() - 1).add(List.of(sample.getSentence()));
        }
        return documents;
    }

    public Set<String> ordinaryWords() {
        Set<String> outside = new HashSet<>();
        Set<String> inside = new HashSet<>();
        for (NameSample sample : samples) {
            String[] tokens = sample.getSentence();
            boolean[] inName = new boolean[tokens.length];
            for (Span span : sample.getNames()) {
                for (int i = span.getStart(); i < span.getEnd(); i++) {
                    inName[i] = true;
                }
            }
            for (int i = 0; i < tokens.length; i++) {
                (inName[i] ? inside : outside).add(tokens[i]);
            }
        }
        outside.removeAll(inside);
        return outside;
    }
}
