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
 * and opens the next), a new main clause right after (subject and verb, or the verb before its subject), the
 * next "komma" within a few words (a parenthesis), a subject and its verb right before ({@link CommandContext}).
 * Cases the treebank text lacks are made from it ({@link CommandExamples}). Immutable after training, shared by
 * all threads.
 */
public final class CommandModel {

    /** Bump when features or training change so that cached models are not reused. */
    public static final String VERSION = "commands-10";

    static final String COMMAND = "C";
    static final String WORD = "W";
    private static final Map<String, String> MARK_WORDS = Map.of("PUNKT", "punkt", "KOMMA", "komma",
            "FRÅGETECKEN", "frågetecken", "UTROPSTECKEN", "utropstecken", "KOLON", "kolon");
    /** The verb: "komma" as a command is a comma, as a word the infinitive. */
    static final String VERB_GROUP = "komma";
    /** "punkt": a common-gender noun ("en punkt", "varje punkt", never "ett punkt" or "stora punkt"). */
    private static final String COMMON_NOUN = "punkt";
    /** "frågetecken", "utropstecken", "kolon": neuter nouns ("ett frågetecken"); they share one set of weights. */
    private static final String NEUTER_NOUN = "tecken";
    private static final Set<String> MODIFIER_TAGS = Set.of("DET", "PRON", "ADJ");
    /** "komma" takes no object: only infinitives followed by a particle, adverb, preposition or an end teach it. */
    private static final Set<String> INTRANSITIVE_NEXT = Set.of("ADP", "ADV", "PART", "SCONJ", "CCONJ", "CMD");
    private static final java.util.regex.Pattern DEFINITE_OR_PLURAL =
            java.util.regex.Pattern.compile(".{2,}(en|et|na|ar|or|er)");
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
                    events.add(new Event(COMMAND, CommandContext.of(words, i, group, classes, cues)));
                    if (group.equals(COMMON_NOUN)) {
                        // any sentence end may be said as "frågetecken" or "utropstecken" too
                        events.add(new Event(COMMAND, CommandContext.of(words, i, NEUTER_NOUN, classes, cues)));
                    }
                } else if (isCandidate(token)) {
                    events.add(new Event(WORD, CommandContext.of(words, i, group(token), classes, cues)));
                } else if (tag.equals("INF") && (i + 1 == tokens.size() || INTRANSITIVE_NEXT.contains(tags.get(r).get(i + 1)))) {
                    events.add(new Event(WORD, CommandContext.of(words, i, VERB_GROUP, classes, cues)));
                } else if (tag.equals("NOUN") && i > 0 && MODIFIER_TAGS.contains(tags.get(r).get(i - 1))
                        && (!tags.get(r).get(i - 1).equals("ADJ") || i > 1 && MODIFIER_TAGS.contains(tags.get(r).get(i - 2)))) {
                    // a bare adjective takes no singular count noun: "en stor punkt", never "var stor punkt"
                    String noun = nounSlot(words.get(i - 1), words.get(i));
                    if (noun != null) {
                        events.add(new Event(WORD, CommandContext.of(words, i, noun, classes, cues)));
                    }
                }
            }
            CommandExamples.add(tokens, tags.get(r), words, classes, cues, events);
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

    /** See {@link CommandContext#joinsTwoMainClauses}: read as a noun, the word at {@code i} leaves a run-on sentence. */
    public boolean joinsTwoMainClauses(List<String> words, int i) {
        return CommandContext.joinsTwoMainClauses(words, i, classes, cues);
    }

    /** Probability that {@code words[i]} is said as a command. */
    public double commandProbability(List<String> words, int i) {
        return model.eval(CommandContext.of(words, i, group(words.get(i)), classes, cues))[commandIndex];
    }

}
