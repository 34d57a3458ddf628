package se.dikta.structure.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.corpus.SectionCorpus;
import se.dikta.structure.entities.EntityCorpus;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.eval.HeldOutNote;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/** Lab (run by hand with -Dtest=BoundaryLab): boundary choices measured on Talbanken dev held out from training. */
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
        int devDocs = (int) Files.readString(root.resolve("models/nlp/dictation/talbanken-dev.plain.txt")).strip()
                .split("\n\\s*\n").length;
        DictationCorpus train = outside.part(i -> i >= devDocs);
        DictationCorpus dev = outside.part(i -> i < devDocs);
        WordClasses classes = WordClasses.harvest(corpus.notes(), outside.finiteVerbs(), lexicon.words("first-names"),
                lexicon.words("surnames"), lexicon.everydayWords("surnames"), new NumberWords(new SpokenNumberNormalizer()));
        List<List<List<String>>> noteRuns = new ArrayList<>();
        corpus.notes().forEach(note -> noteRuns.add(note.sentences().stream().map(s -> s.words()).toList()));
        BoundaryFeatures features = new BoundaryFeatures(classes,
                PosLexicon.learn(train.spoken(), train.tags(), train.finiteVerbs()), LengthPriors.NONE);
        List<List<List<String>>> own = new ArrayList<>();
        corpus.notes().forEach(note -> own.add(note.sentences().stream().map(s -> s.words()).toList()));
        own.addAll(entities.documents());
        List<List<List<String>>> runs = new ArrayList<>(own);
        runs.addAll(train.documents());
        long t0 = System.nanoTime();
        Path cached = Path.of(System.getProperty("lab.model", "/tmp/bnd-lab-model.bin"));
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
        System.out.printf("LAB note words %d; dev note-like %d of %d, held-out notes note-like %d of %d%n",
                priors.noteWords().size(), devDicts.stream().filter(d -> priors.forDictation(d.words()) == priors.notes()).count(),
                devDicts.size(), notes.stream().filter(d -> priors.forDictation(d.words()) == priors.notes()).count(), notes.size());
        System.out.printf("LAB prose prior only: dev %s notes %s%n", main(model, classes, devDicts, 4, d -> priors.prose()),
                main(model, classes, notes, 4, d -> priors.prose()));
        System.out.printf("LAB prior by kind:    dev %s notes %s%n", main(model, classes, devDicts, 4, priors::forDictation),
                main(model, classes, notes, 4, priors::forDictation));
        System.out.printf("LAB no prior:         dev %s notes %s%n", main(model, classes, devDicts, 4, d -> SentenceLengths.NONE),
                main(model, classes, notes, 4, d -> SentenceLengths.NONE));
    }

    private static String main(BoundaryModel model, WordClasses classes, List<Dict> dicts, int beam,
                               java.util.function.Function<List<String>, SentenceLengths> lengths) {
        BoundaryDecoder d = new BoundaryDecoder(model, beam);
        int[] c = new int[3];
        for (Dict x : dicts) {
            boolean[] ends = d.decode(x.words(), LabDecoder.constraints(x.words(), classes), 0.0, lengths.apply(x.words()));
            LabDecoder.count(ends, x.ends(), c);
        }
        return LabDecoder.prf(c);
    }

    private static String beam(BoundaryModel model, WordClasses classes, List<Dict> dicts) {
        BoundaryDecoder d = new BoundaryDecoder(model, 4);
        int[] c = new int[3];
        for (Dict x : dicts) {
            BoundaryDecoder.Constraint[] cs = LabDecoder.constraints(x.words(), classes);
            boolean[] ends = d.decode(x.words(), cs);
            LabDecoder.count(ends, x.ends(), c);
        }
        return LabDecoder.prf(c);
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

    /** Viterbi over open lengths with a sentence-length prior. */
    static final class LabDecoder {
        static final int MAX = 80;
        private final BoundaryModel model;
        private final WordClasses classes;
        private final Map<Dict, Map<Long, Double>> cache = new HashMap<>();

        LabDecoder(BoundaryModel model, WordClasses classes) {
            this.model = model;
            this.classes = classes;
        }

        static double[] prior(List<List<List<String>>> docs) {
            double[] c = new double[MAX + 1];
            double total = 0;
            for (List<List<String>> d : docs) {
                for (List<String> s : d) {
                    c[Math.min(MAX, s.size())]++;
                    total++;
                }
            }
            double[] log = new double[MAX + 2];
            double entropy = 0;
            for (int l = 1; l <= MAX; l++) {
                // smoothed with its neighbours, never zero
                double sm = (c[Math.max(1, l - 1)] + 2 * c[l] + c[Math.min(MAX, l + 1)]) / 4.0 + 0.5;
                log[l] = Math.log(sm / (total + 0.5 * MAX));
                entropy -= Math.exp(log[l]) * log[l];
            }
            // centred: an average sentence length neither rewards nor costs a cut, only unusual lengths do
            for (int l = 1; l <= MAX; l++) {
                log[l] += entropy;
            }
            log[MAX + 1] = entropy;
            return log;
        }

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

        String score(List<Dict> dicts, double[][] priors, double[] ws, double[] bs) {
            int[] c = new int[3];
            for (Dict x : dicts) {
                boolean[] best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < priors.length; k++) {
                    double[] score = new double[1];
                    boolean[] ends = decode(x, priors[k], ws[k], bs[k], score);
                    if (score[0] > bestScore) {
                        bestScore = score[0];
                        best = ends;
                    }
                }
                count(best, x.ends(), c);
            }
            return prf(c);
        }

        private double p(Dict x, BoundaryFeatures.Run run, int i, int length) {
            Map<Long, Double> m = cache.computeIfAbsent(x, k -> new HashMap<>());
            return m.computeIfAbsent(((long) i << 20) | length, k -> model.probability(run, i, length));
        }

        boolean[] decode(Dict x, double[] prior, double w, double bias, double[] total) {
            List<String> words = x.words();
            int n = words.size();
            BoundaryDecoder.Constraint[] cs = constraints(words, classes);
            BoundaryFeatures.Run run = model.prepare(words);
            // score[l] of hypotheses whose open sentence has l words after word i; back pointers
            double[] score = {0.0};
            List<int[]> back = new ArrayList<>(); // per position: for each state l, previous state
            List<double[]> scores = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                double[] next = new double[i + 3];
                int[] from = new int[i + 3];
                java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
                for (int l = 0; l < score.length; l++) {
                    if (score[l] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    int len = l + 1;
                    double p = cs[i] == BoundaryDecoder.Constraint.NEVER ? 0.0 : p(x, run, i, len);
                    if (p > 0) {
                        double lo = Math.log(p / (1 - p)) + bias;
                        double pb = 1 / (1 + Math.exp(-lo));
                        double s = score[l] + Math.log(Math.max(pb, 1e-9)) + w * prior[Math.min(MAX, len)];
                        if (s > next[0]) {
                            next[0] = s;
                            from[0] = l;
                        }
                        p = pb;
                    }
                    double s = score[l] + Math.log(Math.max(1 - p, 1e-9));
                    if (s > next[len]) {
                        next[len] = s;
                        from[len] = l;
                    }
                }
                prune(next, 16);
                back.add(from);
                score = next;
            }
            double best = Double.NEGATIVE_INFINITY;
            int state = 0;
            for (int l = 0; l < score.length; l++) {
                double s = score[l] + w * prior[Math.min(MAX, l + 1)];
                if (s > best) {
                    best = s;
                    state = l;
                }
            }
            boolean[] ends = new boolean[n - 1];
            int sentences = 1;
            for (int i = n - 2; i >= 0; i--) {
                ends[i] = state == 0;
                sentences += ends[i] ? 1 : 0;
                state = back.get(i)[state];
            }
            // compared across priors as a likelihood: without the centring constant
            total[0] = best - w * prior[MAX + 1] * sentences;
            return ends;
        }

        private static void prune(double[] s, int k) {
            double[] sorted = s.clone();
            java.util.Arrays.sort(sorted);
            double cut = sorted[Math.max(0, sorted.length - k)];
            for (int l = 0; l < s.length; l++) {
                if (s[l] < cut) {
                    s[l] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
