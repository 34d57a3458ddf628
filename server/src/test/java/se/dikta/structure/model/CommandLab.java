package se.dikta.structure.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.dikta.structure.TrainedModels;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.commands.CommandParser;
import se.dikta.structure.commands.DictationItem;
import se.dikta.structure.commands.HeadingVocabulary;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.corpus.DictationCorpus;
import se.dikta.structure.corpus.DirectoryCorpusSource;
import se.dikta.structure.eval.CommandEvaluation;
import se.dikta.structure.eval.OutsideText;
import se.dikta.structure.normalize.SpokenNumberNormalizer;

/**
 * Lab, run by hand ({@code -Dtest=CommandLab -Dlab=true}): the command model's cross-validated figures on the
 * training treebanks (what choices are made on), then the commands the model trained on all text leaves as words
 * in the outside text (measured only). Not a test: it pins nothing.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class CommandLab {

    @Test
    void measure() throws Exception {
        NumberWords numbers = new NumberWords(new SpokenNumberNormalizer());
        DirectoryCorpusSource source = new DirectoryCorpusSource(TrainedModels.repoRoot().resolve("models/nlp"));
        long t0 = System.nanoTime();
        List<CommandFolds.Fold> folds = CommandFolds.train(source, numbers, 3);
        CommandEvaluation.Result cv = new CommandEvaluation(numbers).evaluate(folds);
        sweep(folds);
        System.out.printf(Locale.ROOT, "LAB cv P %.4f R %.4f (%.0f s)%n", cv.spoken().precision(), cv.spoken().recall(),
                (System.nanoTime() - t0) / 1e9);
        cv.commands().forEach((k, c) -> System.out.printf(Locale.ROOT, "LAB cmd %-60s %5d %.4f%n", k, c[0], (double) c[1] / c[0]));
        cv.wordUses().forEach((k, c) -> System.out.printf(Locale.ROOT, "LAB word %-60s %5d %.4f%n", k, c[0], (double) c[1] / c[0]));
        cv.lostWords().forEach(s -> System.out.println("LAB lost: " + s));

        CommandModel model = TrainedModels.models().commands(); // the product's, trained on all text
        CommandParser parser = new CommandParser(new HeadingVocabulary(Map.of()), numbers, model);
        OutsideText text = OutsideText.read(TrainedModels.repoRoot().resolve("models/nlp/heldout/outside"));
        int[] left = new int[2];
        int[] lost = new int[2];
        for (boolean spoken : new boolean[] {true, false}) {
            for (OutsideText.Dictation d : text.dictations(spoken)) {
                List<String> words = d.transcript();
                boolean[] command = new boolean[words.size()];
                for (DictationItem item : parser.parse(new Transcript(words, List.of()))) {
                    if (item instanceof DictationItem.Command c && c.kind().mark() != null) {
                        command[c.from()] = true;
                    }
                }
                for (int i = 0; i < words.size(); i++) {
                    if (!CommandModel.isCandidate(words.get(i))) {
                        continue;
                    }
                    boolean gold = d.gold().get(i) == null;
                    if (gold != command[i]) {
                        int k = words.get(i).equals("komma") ? 1 : 0;
                        (gold ? left : lost)[k]++;
                        System.out.printf(Locale.ROOT, "LAB outside %s %s %.4f: %s [%s] %s%n", spoken ? "spoken" : "plain",
                                gold ? "LEFT" : "LOST", model.commandProbability(words, i),
                                String.join(" ", words.subList(Math.max(0, i - 6), i)), words.get(i),
                                String.join(" ", words.subList(i + 1, Math.min(words.size(), i + 5))));
                    }
                }
            }
        }
        System.out.printf("LAB outside left punkt %d komma %d; words lost punkt %d komma %d%n", left[0], left[1], lost[0],
                lost[1]);
    }

    /** The "punkt" decisions in punctuated text at several thresholds: sentence ends missed, nouns after "en" lost. */
    private static void sweep(List<CommandFolds.Fold> folds) {
        List<Double> commands = new ArrayList<>();
        List<Double> nouns = new ArrayList<>();
        List<Double> commas = new ArrayList<>();
        List<Double> infinitives = new ArrayList<>();
        for (CommandFolds.Fold fold : folds) {
            DictationCorpus text = fold.heldOut();
            for (int d = 0; d < text.spoken().size(); d++) {
                List<String> tokens = text.spoken().get(d);
                List<String> tags = text.tags().get(d);
                List<String> said = tokens.stream().map(t -> t.equals("PUNKT") ? "punkt" : t.equals("KOMMA") ? "komma"
                        : t.equals("KOLON") ? "kolon" : t.equals("FRÅGETECKEN") ? "frågetecken"
                        : t.equals("UTROPSTECKEN") ? "utropstecken" : t.toLowerCase(Locale.ROOT)).toList();
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i).equals("PUNKT")) {
                        commands.add(fold.model().commandProbability(said, i));
                    }
                }
                List<String> changed = new ArrayList<>(said);
                List<Integer> slots = new ArrayList<>();
                int last = -8;
                for (int i = 1; i < tokens.size(); i++) {
                    if (tags.get(i).equals("NOUN") && tokens.get(i - 1).equals("en") && i - last >= 8) {
                        changed.set(i, "punkt");
                        slots.add(i);
                        last = i;
                    }
                }
                for (int i : slots) {
                    nouns.add(fold.model().commandProbability(changed, i));
                }
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i).equals("KOMMA")) {
                        commas.add(fold.model().commandProbability(said, i));
                    }
                }
                List<String> verbs = new ArrayList<>(said);
                List<Integer> verbSlots = new ArrayList<>();
                last = -8;
                for (int i = 1; i < tokens.size(); i++) {
                    if (tags.get(i).equals("INF") && (i + 1 == tokens.size() || java.util.Set.of("ADP", "ADV", "PART",
                            "SCONJ", "CCONJ", "CMD").contains(tags.get(i + 1))) && i - last >= 8) {
                        verbs.set(i, "komma");
                        verbSlots.add(i);
                        last = i;
                    }
                }
                for (int i : verbSlots) {
                    infinitives.add(fold.model().commandProbability(verbs, i));
                }
            }
        }
        for (double t : new double[] {0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5}) {
            long missed = commands.stream().filter(p -> p < t).count();
            long lost = nouns.stream().filter(p -> p >= t).count();
            System.out.printf(Locale.ROOT, "LAB sweep %.3f: ends missed %d of %d, nouns lost %d of %d, errors %d%n", t,
                    missed, commands.size(), lost, nouns.size(), missed + lost);
        }
        for (double t : new double[] {0.02, 0.05, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5}) {
            long missed = commas.stream().filter(p -> p < t).count();
            long lost = infinitives.stream().filter(p -> p >= t).count();
            System.out.printf(Locale.ROOT, "LAB komma %.3f: commas missed %d of %d, verbs lost %d of %d, errors %d%n", t,
                    missed, commas.size(), lost, infinitives.size(), missed + lost);
        }
    }
}
