package se.dikta.structure.commands;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import se.dikta.structure.corpus.TrainingSettings;
import java.util.function.UnaryOperator;

/**
 * Maximum-entropy model that tells whether a spoken punctuation word ("punkt", "komma", "frågetecken",
 * "utropstecken", "kolon") is a dictation command or an ordinary word ("en viktig punkt", "komma till ro"),
 * from its neighbours and their word classes. Learned from outside Swedish in dictation form: every
 * punctuation mark of the written text is a command event with the word the speaker would say, and every
 * noun slot (for "punkt" and the other nouns) and infinitive slot (for "komma") is a word event — the same
 * neighbours around an ordinary use. Immutable after training, shared by all threads.
 */
public final class CommandModel {

    /** Bump when features or training change so that cached models are not reused. */
    public static final String VERSION = "commands-5";

    static final String COMMAND = "C";
    static final String WORD = "W";
    private static final Map<String, String> MARK_WORDS = Map.of("PUNKT", "punkt", "KOMMA", "komma",
            "FRÅGETECKEN", "frågetecken", "UTROPSTECKEN", "utropstecken", "KOLON", "kolon");
    private static final List<String> NOUN_WORDS = List.of("punkt", "punkt", "frågetecken", "kolon", "utropstecken");
    /** Every third noun slot: nouns are many, and a speaker's "punkt" far more often the command. */
    private static final int NOUN_SAMPLE = 3;
    private static final int ITERATIONS = 150;
    private static final int MIN_CUE_COUNT = 3;
    private static final int CUTOFF = 2;

    private final AbstractModel model;
    /** The coarse class of a word (the boundary model's word classes: VERB, FUNC, NAME ...). */
    private final UnaryOperator<String> classes;
    private final Cues cues;
    private final int commandIndex;

    /**
     * @param cues what the tagged outside text shows about single words: see {@link #cues(List, List)}
     */
    public CommandModel(AbstractModel model, UnaryOperator<String> classes, Cues cues) {
        this.model = model;
        this.classes = classes;
        this.cues = cues;
        this.commandIndex = model.getIndex(COMMAND);
    }

    /** Whether {@code word} is one of the words this model decides about. */
    public static boolean isCandidate(String word) {
        return MARK_WORDS.containsValue(word);
    }

    /**
     * @param runs tokens of dictations in the spoken condition, command tokens in upper case ("PUNKT")
     * @param tags parallel part-of-speech tags: NOUN and INF mark the slots of an ordinary use, CMD a command
     */
    public static CommandModel train(List<List<String>> runs, List<List<String>> tags, UnaryOperator<String> classes,
                                     Cues cues) throws IOException {
        List<Event> events = new ArrayList<>();
        int nouns = 0;
        int nounSlots = 0;
        for (int r = 0; r < runs.size(); r++) {
            List<String> tokens = runs.get(r);
            List<String> words = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                String tag = tags.get(r).get(i);
                if (MARK_WORDS.containsKey(token)) {
                    events.add(new Event(COMMAND, context(words, i, MARK_WORDS.get(token), classes, cues)));
                } else if (isCandidate(token)) {
                    events.add(new Event(WORD, context(words, i, token, classes, cues)));
                } else if (tag.equals("INF")) {
                    events.add(new Event(WORD, context(words, i, "komma", classes, cues)));
                } else if (tag.equals("NOUN") && nounSlots++ % NOUN_SAMPLE == 0) {
                    events.add(new Event(WORD, context(words, i, NOUN_WORDS.get(nouns++ % NOUN_WORDS.size()), classes, cues)));
                }
            }
        }
        if (events.stream().noneMatch(e -> e.getOutcome().equals(WORD))) {
            // A corpus without outside text shows no ordinary use: one empty word event keeps the model two-sided.
            events.add(new Event(WORD, new String[] {"none"}));
        }
        if (events.stream().noneMatch(e -> e.getOutcome().equals(COMMAND))) {
            events.add(new Event(COMMAND, new String[] {"none"}));
        }
        EventTrainer trainer = TrainerFactory.getEventTrainer(TrainingSettings.maxent(ITERATIONS, CUTOFF), new HashMap<>());
        MaxentModel trained = trainer.train(ObjectStreamUtils.createObjectStream(events));
        return new CommandModel((AbstractModel) trained, classes, cues);
    }

    public static CommandModel read(InputStream in, UnaryOperator<String> classes, Cues cues)
            throws IOException {
        return new CommandModel(new GenericModelReader(new BinaryFileDataReader(in)).getModel(), classes, cues);
    }

    /**
     * What the tagged text shows about single words (each seen at least three times): the words mostly before
     * a noun (determiners and adjectives: "en", "varje", "viktig"), and the words that often follow an
     * infinitive (particles and objects: "hem", "överens", "ihåg").
     */
    public record Cues(Set<String> nounModifiers, Set<String> afterInfinitive) {
        public Cues {
            nounModifiers = Set.copyOf(nounModifiers);
            afterInfinitive = Set.copyOf(afterInfinitive);
        }
    }

    public static Cues cues(List<List<String>> runs, List<List<String>> tags) {
        Map<String, int[]> counts = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            List<String> tokens = runs.get(r);
            for (int i = 0; i < tokens.size(); i++) {
                if (tags.get(r).get(i).equals("CMD")) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(tokens.get(i), k -> new int[3]);
                c[0]++;
                c[1] += i + 1 < tokens.size() && tags.get(r).get(i + 1).equals("NOUN") ? 1 : 0;
                c[2] += i > 0 && tags.get(r).get(i - 1).equals("INF") ? 1 : 0;
            }
        }
        Set<String> modifiers = new HashSet<>();
        Set<String> afterInfinitive = new HashSet<>();
        counts.forEach((word, c) -> {
            if (c[0] >= MIN_CUE_COUNT && 2 * c[1] >= c[0]) {
                modifiers.add(word);
            }
            if (c[0] >= MIN_CUE_COUNT && 4 * c[2] >= c[0]) {
                afterInfinitive.add(word);
            }
        });
        return new Cues(modifiers, afterInfinitive);
    }

    /** Whether the data shows {@code word} mostly before a noun ("en", "varje", "viktig"). */
    public boolean modifiesNoun(String word) {
        return cues.nounModifiers().contains(word);
    }

    public void write(OutputStream out) throws IOException {
        new GenericModelWriter(model, new DataOutputStream(out)).persist();
    }

    /** Probability that {@code words[i]} is said as a command. */
    public double commandProbability(List<String> words, int i) {
        return model.eval(context(words, i, words.get(i), classes, cues))[commandIndex];
    }

    /** The neighbours of position {@code i} as if {@code word} stood there. */
    static String[] context(List<String> words, int i, String word, UnaryOperator<String> classes, Cues cues) {
        String p1 = at(words, i - 1);
        String p2 = at(words, i - 2);
        String n1 = at(words, i + 1);
        String n2 = at(words, i + 2);
        String p1c = classOf(p1, classes);
        String p2c = classOf(p2, classes);
        String n1c = classOf(n1, classes);
        String n2c = classOf(n2, classes);
        return new String[] {
            "w=" + word, "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2,
            "w_p1=" + word + "_" + p1, "w_n1=" + word + "_" + n1, "p2p1=" + p2 + "_" + p1, "n1n2=" + n1 + "_" + n2,
            "p1c=" + p1c, "n1c=" + n1c, "p2c=" + p2c, "n2c=" + n2c,
            "w_p1c=" + word + "_" + p1c, "w_n1c=" + word + "_" + n1c, "p1c_n1c=" + p1c + "_" + n1c,
            "w_p2c_p1c=" + word + "_" + p2c + "_" + p1c, "w_n1c_n2c=" + word + "_" + n1c + "_" + n2c,
            "p1s=" + suffix(p1), "w_p1s=" + word + "_" + suffix(p1), "n1s=" + suffix(n1)};
    }

    private static String classOf(String w, UnaryOperator<String> classes) {
        return w.startsWith("<") ? w : classes.apply(w);
    }

    private static String at(List<String> words, int k) {
        if (k < 0) {
            return "<s>";
        }
        return k < words.size() ? words.get(k) : "</s>";
    }

    private static String suffix(String w) {
        return w.length() <= 3 ? w : w.substring(w.length() - 3);
    }
}
