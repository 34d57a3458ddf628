package se.dikta.structure.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.corpus.SectionCorpus;
import se.dikta.structure.entities.EntityCorpus;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.eval.HeldOutNote;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/**
 * Lab, run by hand ({@code -Dtest=BoundaryLab -Dlab=true}; {@code -Dlab.model=FILE} caches the trained model between
 * runs, delete it after changing features or data): boundary choices measured on Talbanken's dev part held out
 * from training, and on the held-out notes. Not a test: it pins nothing.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class BoundaryLab {

    record Dict(List<String> words, List<Integer> ends) {
    }

    @Test
    void measure() throws Exception {
        Path root = TrainedModels.repoRoot();
        DirectoryCorpusSource source = new DirectoryCorpusSource(root.resolve("models/nlp"));
        SectionCorpus corpus = SectionCorpus.read(source);
        Lexicon lexicon = Lexicon.read(source);
        EntityCorpus entities = EntityCorpus.read(source);
        DictationCorpus outside = DictationCorpus.read(source);
        // each file's documents follow those of the files sorted before it (DictationCorpus reads them in order)
        Map<String, int[]> ranges = new HashMap<>();
        int first = 0;
        for (String path : source.list("dictation", ".plain.txt")) {
            int n = documentCount(root.resolve("models/nlp").resolve(path));
            ranges.put(path.substring("dictation/".length(), path.length() - ".plain.txt".length()), new int[] {first, first + n});
            first += n;
        }
        int[] devRange = ranges.get("talbanken-dev");
        DictationCorpus trainAll = outside.part(i -> i < devRange[0] || i >= devRange[1]);
        DictationCorpus dev = outside.part(i -> i >= devRange[0] && i < devRange[1]);
        // lab.extra: a further source whose odd documents are a second dev part and whose even documents are
        // trained on with lab.extraTrain=true (its documents are otherwise left out of the training text)
        int[] extra = ranges.getOrDefault(System.getProperty("lab.extra", "none"), new int[] {0, 0});
        boolean extraTrain = Boolean.getBoolean("lab.extraTrain");
        DictationCorpus dev2 = outside.part(i -> i >= extra[0] && i < extra[1] && (i - extra[0]) % 2 == 1);
        java.util.Set<Integer> keep = new java.util.HashSet<>();
        for (int i = 0, t = 0; i < outside.documents().size(); i++) {
            if (i < devRange[0] || i >= devRange[1]) {
                boolean isExtra = i >= extra[0] && i < extra[1];
                if (!isExtra || extraTrain && (i - extra[0]) % 2 == 0) {
                    keep.add(t);
                }
                t++;
            }
        }
        DictationCorpus train = trainAll.part(keep::contains);
        List<List<List<String>>> own = new ArrayList<>();
        corpus.notes().forEach(note -> own.add(note.sentences().stream().map(s -> s.words()).toList()));
        own.addAll(entities.documents());
        List<List<List<String>>> runs = new ArrayList<>(Boolean.getBoolean("lab.proseOnly") ? List.of() : own);
        runs.addAll(train.documents());
        WordClasses classes = WordClasses.harvest(corpus.notes(), outside.finiteVerbs(), lexicon.words("first-names"),
                lexicon.words("surnames"), lexicon.everydayWords("surnames"), new NumberWords(new SpokenNumberNormalizer()));
        BoundaryFeatures features = new BoundaryFeatures(classes,
                PosLexicon.learn(train.spoken(), train.tags(), train.finiteVerbs()), LengthPriors.NONE);
        long t0 = System.nanoTime();
        Path cached = Path.of(System.getProperty("lab.model", "target/boundary-lab-model.bin"));
        BoundaryModel model;
        if (Files.exists(cached)) {
            try (var in = Files.newInputStream(cached)) {
                model = BoundaryModel.read(in, features);
            }
        } else {
            model = BoundaryModel.train(runs, features);
            try (var out = Files.newOutputStream(cached)) {
                model.write(out);
            }
        }
        System.out.printf("LAB trained in %d ms on %d runs%n", (System.nanoTime() - t0) / 1_000_000, runs.size());

        List<Dict> devDicts = new ArrayList<>();
        for (List<List<String>> doc : dev.documents()) {
            for (int s = 0; s < doc.size(); s += 9) {
                devDicts.add(dict(doc.subList(s, Math.min(doc.size(), s + 9))));
            }
        }
        List<Dict> notes = new ArrayList<>();
        for (HeldOutNote n : HeldOutNote.readAll(root.resolve("models/nlp/heldout"))) {
            notes.add(dict(n.sentences().stream().map(HeldOutNote.GoldSentence::words).toList()));
        }
        LengthPriors priors = LengthPriors.learn(own, train.documents());
        // the held-out notes here are cut by the model of all text, not by the notes' own model as in the product
        System.out.printf("LAB note words %d; dev note-like %d of %d, held-out notes note-like %d of %d%n",
                priors.noteWords().size(), devDicts.stream().filter(d -> priors.forDictation(d.words()) == priors.notes()).count(),
                devDicts.size(), notes.stream().filter(d -> priors.forDictation(d.words()) == priors.notes()).count(), notes.size());
        System.out.printf("LAB prose prior only: dev %s notes %s%n", main(model, classes, devDicts, 4, d -> priors.prose()),
                main(model, classes, notes, 4, d -> priors.prose()));
        System.out.printf("LAB prior by kind:    dev %s notes %s%n", main(model, classes, devDicts, 4, priors::forDictation),
                main(model, classes, notes, 4, priors::forDictation));
        if (!dev2.documents().isEmpty()) {
            List<Dict> dev2Dicts = new ArrayList<>();
            for (List<List<String>> doc : dev2.documents()) {
                for (int s = 0; s < doc.size(); s += 9) {
                    dev2Dicts.add(dict(doc.subList(s, Math.min(doc.size(), s + 9))));
                }
            }
            System.out.printf("LAB second dev part (%d dictations): prose prior %s, no prior %s%n", dev2Dicts.size(),
                    main(model, classes, dev2Dicts, 4, d -> priors.prose()),
                    main(model, classes, dev2Dicts, 4, d -> SentenceLengths.NONE));
        }
        System.out.printf("LAB no prior:         dev %s notes %s%n", main(model, classes, devDicts, 4, d -> SentenceLengths.NONE),
                main(model, classes, notes, 4, d -> SentenceLengths.NONE));
    }

    private static int documentCount(Path plain) throws java.io.IOException {
        return Files.readString(plain).strip().split("\n\\s*\n").length;
    }

    private static String main(BoundaryModel model, WordClasses classes, List<Dict> dicts, int beam,
                               java.util.function.Function<List<String>, SentenceLengths> lengths) {
        BoundaryDecoder d = new BoundaryDecoder(model, beam);
        int[] c = new int[3];
        for (Dict x : dicts) {
            boolean[] ends = d.decode(x.words(), Scoring.constraints(x.words(), classes), 0.0, lengths.apply(x.words()));
            Scoring.count(ends, x.ends(), c);
        }
        return Scoring.prf(c);
    }

    private static Dict dict(List<List<String>> sentences) {
        List<String> words = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (List<String> s : sentences) {
            words.addAll(s);
            ends.add(words.size());
        }
        ends.remove(ends.size() - 1);
        return new Dict(words, ends);
    }

    /** Scoring helpers. */
    static final class Scoring {

        static BoundaryDecoder.Constraint[] constraints(List<String> words, WordClasses classes) {
            BoundaryDecoder.Constraint[] cs = new BoundaryDecoder.Constraint[words.size() - 1];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = classes.belongTogether(words.get(i), words.get(i + 1))
                        ? BoundaryDecoder.Constraint.NEVER : BoundaryDecoder.Constraint.FREE;
            }
            return cs;
        }

        static void count(boolean[] ends, List<Integer> gold, int[] c) {
            List<Integer> predicted = new ArrayList<>();
            for (int i = 0; i < ends.length; i++) {
                if (ends[i]) {
                    predicted.add(i + 1);
                }
            }
            int tp = (int) predicted.stream().filter(gold::contains).count();
            c[0] += tp;
            c[1] += predicted.size() - tp;
            c[2] += gold.size() - tp;
        }

        static String prf(int[] c) {
            double p = c[0] / (double) (c[0] + c[1]);
            double r = c[0] / (double) (c[0] + c[2]);
            return String.format("P/R/F %.3f/%.3f/%.3f", p, r, 2 * p * r / (p + r));
        }
    }
}
