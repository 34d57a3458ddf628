package se.dikta.structure.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.dikta.structure.core.SectionKey;

/**
 * The section-labelled sentences of {@code sections/*.tsv}: {@code KEY<TAB>sentence} a line, a blank line
 * between notes, sentences in dictation order (which is what lets the boundary model and the sequence step
 * learn from them).
 */
public record SectionCorpus(List<CorpusNote> notes) {

    public SectionCorpus {
        notes = List.copyOf(notes);
    }

    public static SectionCorpus read(CorpusSource source) throws IOException {
        List<CorpusNote> notes = new ArrayList<>();
        for (String path : source.list("sections", ".tsv")) {
            notes.addAll(parse(path, source.read(path)));
        }
        return new SectionCorpus(notes);
    }

    static List<CorpusNote> parse(String path, String text) {
        List<CorpusNote> notes = new ArrayList<>();
        List<LabeledSentence> current = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    notes.add(new CorpusNote(path + "#" + (notes.size() + 1), current));
                    current = new ArrayList<>();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String where = path + ":" + (n + 1);
            if (tab < 0) {
                throw new IllegalArgumentException(where + ": expected KEY<TAB>sentence");
            }
            SectionKey key = SectionKey.parse(line.substring(0, tab))
                    .orElseThrow(() -> new IllegalArgumentException(where + ": unknown section key"));
            String sentence = line.substring(tab + 1).strip().toLowerCase(Locale.ROOT);
            if (sentence.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty sentence");
            }
            current.add(new LabeledSentence(key, List.of(sentence.split("\\s+"))));
        }
        if (!current.isEmpty()) {
            notes.add(new CorpusNote(path + "#" + (notes.size() + 1), current));
        }
        return notes;
    }

    public List<LabeledSentence> sentences() {
        return notes.stream().flatMap(note -> note.sentences().stream()).toList();
    }
}
