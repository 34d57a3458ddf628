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
 * punctuation mark of the written text is a command event with the word the speaker would say (a sentence end
 * also as "frågetecken"/"utropstecken"), and every slot where the word could stand as a word is a word event —
 * the same neighbours around an ordinary use: an infinitive that takes no object for "komma" (the verb never
 * does), a noun after a determiner, pronoun or article-led adjective that agrees in gender and form for
 * "punkt" (common gender: "en punkt", never "ett punkt", "de stora punkt" or "var stor punkt") and for the
 * neuter "frågetecken", "utropstecken", "kolon". Features: the neighbours and their classes, how far back a word
 * that governs an infinitive stands ("ska", "vill", "att", learned from the tags), and the stretch to the
 * nearest sentence-end word on either side with whether it holds a finite verb (a command closes one sentence
 * and opens the next). Immutable after training, shared by all threads.
 */
public final class CommandModel {

    /** Bump when features or training change so that cached models are not reused. */
    public static final String VERSION = "commands-6";

    static final String COMMAND = "C";
    static final String WORD = "W";
    private static final Map<String, String> MARK_WORDS = Map.of("PUNKT", "punkt", "KOMMA", "komma",
            "FRÅGETECKEN", "frågetecken", "UTROPSTECKEN", "utropstecken", "KOLON", "kolon");
    /** The verb: "komma" as a command is a comma, as a word the infinitive. */
    private static final String VERB_GROUP = "komma";
    /** "punkt": a common-gender noun ("en punkt", "varje punkt", never "ett punkt" or "stora punkt"). */
    private static final String COMMON_NOUN = "punkt";
    /** "frågetecken", "utropstecken", "kolon": neuter nouns ("ett frågetecken"); they share one set of weights. */
    private static final String NEUTER_NOUN = "tecken";
    private static final Set<String> SENTENCE_ENDS = Set.of("punkt", "frågetecken", "utropstecken");
    private static final String VERB_CLASS = "VERB";
    private static final int SEGMENT_REACH = 40;
    private static final Set<String> MODIFIER_TAGS = Set.of("DET", "PRON", "ADJ");
    /** "komma" takes no object: only infinitives followed by a particle, adverb, preposition or an end teach it. */
    private static final Set<String> INTRANSITIVE_NEXT = Set.of("ADP", "ADV", "PART", "SCONJ", "CCONJ", "CMD");
    private static final java.util.regex.Pattern DEFINITE_OR_PLURAL =
            java.util.regex.Pattern.compile(".{2,}(en|et|na|ar|or|er)");
    /** How far back an infinitive's governor ("ska", "vill", "att") may stand. */
    private static final int GOVERNOR_REACH = 6;
    private static final int ITERATIONS = 150;
    private static final int CUTOFF = 2;

    private final AbstractModel model;
    /** The coarse class of a word (the boundary model's word classes: VERB, FUNC, NAME ...). */
    private final UnaryOperator<String> classes;
    private final CommandCues cues;
    private final int commandIndex;

    /**
     * @param cues what the tagged outside text shows about single words: see {@link CommandCues#of(List, List)}
     */
    public CommandModel(AbstractModel model, UnaryOperator<String> classes, CommandCues cues) {
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
                                     CommandCues cues) throws IOException {
        List<Event> events = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            List<String> tokens = runs.get(r);
            List<String> words = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                String tag = tags.get(r).get(i);
                if (MARK_WORDS.containsKey(token)) {
                    String group = group(MARK_WORDS.get(token));
                    events.add(new Event(COMMAND, context(words, i, group, classes, cues)));
                    if (group.equals(COMMON_NOUN)) {
                        // any sentence end may be said as "frågetecken" or "utropstecken" too
                        events.add(new Event(COMMAND, context(words, i, NEUTER_NOUN, classes, cues)));
                    }
                } else if (isCandidate(token)) {
                    events.add(new Event(WORD, context(words, i, group(token), classes, cues)));
                } else if (tag.equals("INF") && (i + 1 == tokens.size() || INTRANSITIVE_NEXT.contains(tags.get(r).get(i + 1)))) {
                    events.add(new Event(WORD, context(words, i, VERB_GROUP, classes, cues)));
                } else if (tag.equals("NOUN") && i > 0 && MODIFIER_TAGS.contains(tags.get(r).get(i - 1))
                        && (!tags.get(r).get(i - 1).equals("ADJ") || i > 1 && MODIFIER_TAGS.contains(tags.get(r).get(i - 2)))) {
                    // a bare adjective takes no singular count noun: "en stor punkt", never "var stor punkt"
                    String noun = nounSlot(words.get(i - 1), words.get(i));
                    if (noun != null) {
                        events.add(new Event(WORD, context(words, i, noun, classes, cues)));
                    }
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

    public static CommandModel read(InputStream in, UnaryOperator<String> classes, CommandCues cues)
            throws IOException {
        return new CommandModel(new GenericModelReader(new BinaryFileDataReader(in)).getModel(), classes, cues);
    }

    /** The feature name of a candidate word: the verb "komma", the common noun "punkt", or the neuter nouns. */
    static String group(String word) {
        return switch (word) {
            case "komma" -> VERB_GROUP;
            case "punkt" -> COMMON_NOUN;
            default -> NEUTER_NOUN;
        };
    }

    /**
     * Which punctuation noun could stand where a noun follows this determiner, pronoun or adjective, by Swedish
     * agreement: none after a definite or plural form in -a ("de stora", "många"), a neuter noun after a neuter
     * form in -t ("ett", "det", "nytt"), "punkt" after the rest ("en", "varje", "viktig"); and none where the
     * noun there has a definite or plural ending ("de barnen", "det huset", "mina vänner").
     */
    private static String nounSlot(String modifier, String noun) {
        if (modifier.endsWith("a") || DEFINITE_OR_PLURAL.matcher(noun).matches()) {
            return null;
        }
        return modifier.endsWith("t") ? NEUTER_NOUN : COMMON_NOUN;
    }

    public void write(OutputStream out) throws IOException {
        new GenericModelWriter(model, new DataOutputStream(out)).persist();
    }

    /** Probability that {@code words[i]} is said as a command. */
    public double commandProbability(List<String> words, int i) {
        return model.eval(context(words, i, group(words.get(i)), classes, cues))[commandIndex];
    }

    /** The neighbours of position {@code i} as if {@code word} stood there. */
    static String[] context(List<String> words, int i, String word, UnaryOperator<String> classes, CommandCues cues) {
        String p1 = at(words, i - 1);
        String p2 = at(words, i - 2);
        String n1 = at(words, i + 1);
        String n2 = at(words, i + 2);
        String p1c = classOf(p1, classes);
        String p2c = classOf(p2, classes);
        String n1c = classOf(n1, classes);
        String n2c = classOf(n2, classes);
        String governor = governor(words, i, cues);
        String before = segment(words, i, -1, classes);
        String after = segment(words, i, 1, classes);
        return new String[] {
            "w_before=" + word + "_" + before, "w_after=" + word + "_" + after,
            "w_before_after=" + word + "_" + before + "_" + after,
            "w=" + word, "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2,
            "w_p1=" + word + "_" + p1, "w_n1=" + word + "_" + n1, "p2p1=" + p2 + "_" + p1, "n1n2=" + n1 + "_" + n2,
            "p1c=" + p1c, "n1c=" + n1c, "p2c=" + p2c, "n2c=" + n2c,
            "w_p1c=" + word + "_" + p1c, "w_n1c=" + word + "_" + n1c, "p1c_n1c=" + p1c + "_" + n1c,
            "w_p2c_p1c=" + word + "_" + p2c + "_" + p1c, "w_n1c_n2c=" + word + "_" + n1c + "_" + n2c,
            "p1s=" + suffix(p1), "w_p1s=" + word + "_" + suffix(p1), "n1s=" + suffix(n1),
            "w_gov=" + word + "_" + governor, "w_p1_gov=" + word + "_" + p1 + "_" + governor,
            "w_p1mod=" + word + "_" + cues.nounModifiers().contains(p1),
            "w_n1aft=" + word + "_" + cues.afterInfinitive().contains(n1),
            "w_n1c_gov=" + word + "_" + n1c + "_" + governor};
    }

    /**
     * How many words back the nearest word that governs an infinitive stands ("ska", "vill", "att": learned
     * from the tagged text), within the clause: not across another command word. "none" when there is none:
     * an infinitive "komma" needs one ("hon vill komma hem", "slappna av och komma till ro").
     */
    private static String governor(List<String> words, int i, CommandCues cues) {
        for (int k = i - 1; k >= Math.max(0, i - GOVERNOR_REACH); k--) {
            String w = words.get(k);
            if (isCandidate(w)) {
                break;
            }
            if (cues.governors().contains(w)) {
                return Integer.toString(Math.min(i - k, 4));
            }
        }
        return "none";
    }

    /**
     * The stretch of words between position {@code i} and the nearest sentence-end word in direction {@code step}
     * ("punkt", "frågetecken", "utropstecken"): its length, bucketed, and whether it holds a finite verb. Read as a
     * command, a "punkt" closes a sentence and opens one, each with its verb ("när jag hittar en | punkt | som bäst
     * är ..."); a noun "punkt" leaves a stretch without one ("en ny punkt | på dagordningen").
     */
    private static String segment(List<String> words, int i, int step, UnaryOperator<String> classes) {
        int length = 0;
        boolean verb = false;
        for (int k = i + step; k >= 0 && k < words.size() && length < SEGMENT_REACH; k += step) {
            String w = words.get(k);
            if (SENTENCE_ENDS.contains(w)) {
                break;
            }
            length++;
            verb |= VERB_CLASS.equals(classes.apply(w));
        }
        String bucket = length >= SEGMENT_REACH ? "far" : length <= 2 ? Integer.toString(length)
                : length <= 5 ? "3-5" : length <= 10 ? "6-10" : "11+";
        return bucket + (verb ? "V" : "-");
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
