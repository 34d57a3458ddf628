package se.dikta.structure.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import opennlp.tools.ml.model.Event;

/**
 * Training cases of the {@link CommandModel} that written treebank text holds too few of, made from its own
 * sentences by Swedish grammar rather than from word lists:
 * <ul>
 *   <li>a comma said after "och" before an inserted phrase ("och, i slutändan, måste han"): written Swedish
 *   seldom has it, translated news and speakers often do, and otherwise every "och komma" reads as the verb;</li>
 *   <li>an infinitive right after a finite verb that governs it, read once more as if that verb were one the text
 *   does not show with an infinitive ("han glömmer komma hem" like "han brukar komma hem"), so that a finite verb
 *   right before counts for the verb "komma" without a known governor.</li>
 * </ul>
 */
final class CommandExamples {

    private static final Set<String> ADVERBIAL_START = Set.of("ADV", "ADP");
    private static final Set<String> PHRASE_HEADS = Set.of("NOUN", "PROPN", "PRON", "NUM");
    private static final Set<String> INTRANSITIVE_NEXT = Set.of("ADP", "ADV", "PART", "SCONJ", "CCONJ", "CMD");
    private static final int MAX_PHRASE = 3;

    private CommandExamples() {
    }

    static void add(List<String> tokens, List<String> tags, List<String> words, UnaryOperator<String> classes,
                    CommandCues cues, List<Event> events) {
        for (int j = 0; j + 1 < tokens.size(); j++) {
            int end = words.get(j).equals("och") ? phraseEnd(tags, j + 1) : -1;
            if (end > 0) {
                List<String> parenthesis = new ArrayList<>(words.subList(0, j + 1));
                parenthesis.add(CommandModel.VERB_GROUP);
                parenthesis.addAll(words.subList(j + 1, end + 1));
                parenthesis.add(CommandModel.VERB_GROUP);
                parenthesis.addAll(words.subList(end + 1, words.size()));
                events.add(new Event(CommandModel.COMMAND,
                        CommandContext.of(parenthesis, j + 1, CommandModel.VERB_GROUP, classes, cues)));
            }
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tags.get(i).equals("INF") && cues.governors().contains(words.get(i - 1))
                    && "VERB".equals(classes.apply(words.get(i - 1)))
                    && (i + 1 == tokens.size() || INTRANSITIVE_NEXT.contains(tags.get(i + 1)))) {
                events.add(new Event(CommandModel.WORD,
                        CommandContext.of(words, i, CommandModel.VERB_GROUP, classes, cues, true)));
            }
        }
    }

    /**
     * The last position of an adverbial phrase starting at {@code from} — an adverb, or a preposition up to its
     * noun — that a word, not a command, follows; -1 when there is none within a few words.
     */
    private static int phraseEnd(List<String> tags, int from) {
        if (!ADVERBIAL_START.contains(tags.get(from))) {
            return -1;
        }
        int end = -1;
        if (tags.get(from).equals("ADV")) {
            end = from;
        } else {
            for (int k = from + 1; k < Math.min(tags.size(), from + MAX_PHRASE); k++) {
                if (tags.get(k).equals("CMD")) {
                    return -1;
                }
                if (PHRASE_HEADS.contains(tags.get(k))) {
                    end = k;
                    break;
                }
            }
        }
        return end >= 0 && end + 1 < tags.size() && !tags.get(end + 1).equals("CMD") ? end : -1;
    }
}
