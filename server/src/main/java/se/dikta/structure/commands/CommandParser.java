package se.dikta.structure.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.commands.DictationItem.Command;
import se.dikta.structure.commands.DictationItem.Word;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.core.Transcript;

/**
 * Finds the dictation commands in a transcript. Command words are also ordinary Swedish words ("en viktig
 * punkt", "hon ska komma hem", "ett frågetecken kring"), so the punctuation words are read as commands only
 * when the {@link CommandModel} finds a command's neighbours; layout commands ("ny rad") only when the word
 * before does not make them a noun phrase. Thread-safe (immutable).
 */
public final class CommandParser {

    private static final Map<String, CommandKind> PUNCTUATION = Map.of(
            "punkt", CommandKind.FULL_STOP,
            "frågetecken", CommandKind.QUESTION_MARK,
            "utropstecken", CommandKind.EXCLAMATION_MARK,
            "kolon", CommandKind.COLON,
            "komma", CommandKind.COMMA);

    /** Words that make the next word a noun: "en ny rad", "ett nytt stycke", "den rubrik". */
    private static final Set<String> NOUN_MODIFIERS = Set.of(
            "en", "ett", "den", "det", "denna", "detta", "varje", "någon", "något", "ingen", "inget", "vilken",
            "vilket", "samma", "första", "andra", "tredje", "sista", "nästa", "enda", "annan", "annat", "ny", "nytt",
            "stor", "stort", "liten", "litet", "viktig", "viktigt", "viktigaste", "avgörande", "central", "centralt",
            "öppen", "öppet", "oklar", "oklart", "stora", "många", "flera", "några", "fler", "ytterligare",
            "egen", "eget", "nämnda", "aktuell", "aktuellt", "sådan", "sådant", "svag", "svagt");

    /** A punctuation word is a command when the command model gives it at least this probability. */
    private static final double COMMAND_THRESHOLD = 0.5;
    /**
     * In a dictation with spoken punctuation: the least probability for "komma" to be the command. The model is
     * trained with every object-less infinitive as a verb "komma", far more verbs than a speaker says, so a
     * speaker who dictates punctuation gets the comma below 0.5: on the cross-validation folds the synthetic
     * infinitives favour 0.3–0.5, their rate in real text every lower threshold (docs/structuring.md).
     */
    private static final double PUNCTUATING_COMMA = 0.2;
    /**
     * In a dictation without spoken sentence ends: the least probability for "komma" to be the command. A speaker
     * who says no "punkt" seldom says the comma, and the verb is common ("kan du i teorin komma åt").
     */
    private static final double PLAIN_COMMA = 0.95;
    /**
     * The same for "punkt" and the other punctuation nouns, trained with every noun slot that agrees with them: on
     * the cross-validation folds 0.01 and 0.03 make the fewest errors (sentence ends missed, nouns after "en"
     * lost), 0.03 keeps more nouns (model.CommandLab, docs/structuring.md).
     */
    private static final double PUNCTUATING_MARK = 0.03;
    /** A sure spoken sentence end for at most this many words: the speaker dictates punctuation. */
    private static final int PUNCTUATING_WORDS_PER_END = 40;
    private static final int MIN_SURE_ENDS = 1;
    /** How far ahead an inserted phrase may close: a few words ("i teorin", "enligt honom"). */
    private static final int PARENTHESIS_REACH = 6;
    private static final Set<String> COORDINATORS = Set.of("och", "eller", "samt", "men");

    private final HeadingVocabulary headings;
    private final NumberWords numbers;
    private final CommandModel model;

    public CommandParser(HeadingVocabulary headings, NumberWords numbers, CommandModel model) {
        this.headings = headings;
        this.numbers = numbers;
        this.model = model;
    }

    public List<DictationItem> parse(Transcript transcript) {
        List<String> words = transcript.words();
        List<DictationItem> items = new ArrayList<>();
        boolean punctuating = isPunctuating(words);
        int i = 0;
        while (i < words.size()) {
            Optional<Command> command = commandAt(words, i, punctuating);
            if (command.isPresent()) {
                items.add(command.get());
                i = command.get().to();
            } else {
                items.add(new Word(i, words.get(i)));
                i++;
            }
        }
        return items;
    }

    /**
     * Whether the speaker dictates punctuation: the words the model is sure are spoken sentence ends number at
     * least one for every {@link #PUNCTUATING_WORDS_PER_END} words of the dictation.
     */
    private boolean isPunctuating(List<String> words) {
        int sure = 0;
        for (int i = 1; i < words.size(); i++) {
            CommandKind kind = PUNCTUATION.get(words.get(i));
            if (kind != null && kind.endsSentence() && model.commandProbability(words, i) >= COMMAND_THRESHOLD) {
                sure++;
            }
        }
        return sure >= MIN_SURE_ENDS && words.size() <= sure * PUNCTUATING_WORDS_PER_END;
    }

    private Optional<Command> commandAt(List<String> words, int i, boolean punctuating) {
        String w = words.get(i);
        String prev = i > 0 ? words.get(i - 1) : "";
        switch (w) {
            case "radera", "stryk" -> {
                if (isAt(words, i + 1, "senaste", "meningen") || isAt(words, i + 1, "sista", "meningen")) {
                    return command(CommandKind.DELETE_LAST_SENTENCE, i, i + 3);
                }
                if (w.equals("stryk") && isAt(words, i + 1, "det")) {
                    return command(CommandKind.DELETE_LAST_SENTENCE, i, i + 2);
                }
            }
            case "nej" -> {
                if (isAt(words, i + 1, "stryk", "det")) {
                    return command(CommandKind.DELETE_LAST_SENTENCE, i, i + 3);
                }
            }
            case "ta" -> {
                if (isAt(words, i + 1, "bort", "senaste", "meningen") || isAt(words, i + 1, "bort", "sista", "meningen")) {
                    return command(CommandKind.DELETE_LAST_SENTENCE, i, i + 4);
                }
            }
            case "ny" -> {
                if (isAt(words, i + 1, "rad") && !modifiesNext(words, i)) {
                    return command(CommandKind.NEW_LINE, i, i + 2);
                }
            }
            case "nytt" -> {
                if (isAt(words, i + 1, "stycke") && !modifiesNext(words, i)) {
                    return command(CommandKind.NEW_PARAGRAPH, i, i + 2);
                }
            }
            case "rubrik" -> {
                if (!modifiesNext(words, i) && i + 1 < words.size()) {
                    return headings.match(words, i + 1)
                            .map(m -> new Command(CommandKind.HEADING, i, i + 1 + m.length(), m.key()));
                }
            }
            default -> {
                CommandKind kind = PUNCTUATION.get(w);
                if (kind != null && isCommandUse(kind, words, i, punctuating)) {
                    return command(kind, i, i + 1);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The command model decides from the neighbours ("med att sköta det punkt" is a command, "en viktig punkt i
     * planen" and "komma till ro" are words). Two readings come before it: a word between two number words is
     * the decimal comma the normaliser writes ("två komma fem"), and a word right after a spoken number, date or
     * time is the command ("klockan ett punkt"), since the model has seen few spelled-out numbers. A speaker
     * who has been dictating punctuation gets the benefit of the doubt: "komma" is the command unless the
     * model is fairly sure of the verb, "punkt" (and the other punctuation nouns) unless it is sure of the noun.
     */
    private boolean isCommandUse(CommandKind kind, List<String> words, int i, boolean punctuating) {
        String prev = i > 0 ? words.get(i - 1) : "";
        String next = i + 1 < words.size() ? words.get(i + 1) : "";
        if (i == 0) {
            return kind != CommandKind.COMMA; // "komma" opening the dictation is the verb
        }
        if (kind == CommandKind.COMMA && numbers.isNumberWord(prev) && numbers.isNumberWord(next)) {
            return false;
        }
        if (numbers.endsWrittenNumber(words, i)) {
            return true; // "klockan ett punkt"
        }
        if (!punctuating) {
            return model.commandProbability(words, i) >= (kind == CommandKind.COMMA ? PLAIN_COMMA : COMMAND_THRESHOLD);
        }
        if (kind == CommandKind.COMMA) {
            return model.commandProbability(words, i) >= PUNCTUATING_COMMA || firstOfPair(words, i)
                    || opensParenthesis(words, i);
        }
        // a speaker who says the sentence ends says this one: read as a noun it would run two main clauses together
        return model.commandProbability(words, i) >= PUNCTUATING_MARK
                || kind.endsSentence() && model.joinsTwoMainClauses(words, i);
    }

    /**
     * Decided with the words ahead: a "komma" the model reads as the verb opens an inserted phrase when the phrase
     * closes a few words on with a comma right before the verb "komma" ("kan du komma i teorin komma komma åt":
     * "kan du, i teorin, komma åt"). Read as the verb it would be a second infinitive of the same verb without
     * "och" between. Of a pair "komma komma" one is the comma: the one the model finds likelier the command.
     */
    private boolean opensParenthesis(List<String> words, int i) {
        for (int j = i + 3; j <= i + PARENTHESIS_REACH && j < words.size(); j++) {
            String w = words.get(j - 1);
            if (PUNCTUATION.containsKey(w) && PUNCTUATION.get(w).endsSentence() || COORDINATORS.contains(w)) {
                return false;
            }
            if (w.equals("komma") && words.get(j).equals("komma")) {
                double verb = model.commandProbability(words, j);
                return verb < PUNCTUATING_COMMA && verb < model.commandProbability(words, j - 1);
            }
        }
        return false;
    }

    /** The first of a pair "komma komma" that the model finds likelier the command than the second. */
    private boolean firstOfPair(List<String> words, int i) {
        return i + 1 < words.size() && words.get(i + 1).equals("komma")
                && model.commandProbability(words, i) > model.commandProbability(words, i + 1);
    }

    /**
     * The word before {@code i} makes word {@code i} a noun ("en punkt", "ett nytt stycke") — unless it is the
     * last word of a spoken number, date or time ("klockan ett punkt", "paragraf ett ny rad").
     */
    private boolean modifiesNext(List<String> words, int i) {
        String prev = i > 0 ? words.get(i - 1) : "";
        return NOUN_MODIFIERS.contains(prev) && !numbers.endsWrittenNumber(words, i);
    }

    private static boolean isAt(List<String> words, int from, String... expected) {
        if (from + expected.length > words.size()) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (!words.get(from + k).equals(expected[k])) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Command> command(CommandKind kind, int from, int to) {
        return Optional.of(new Command(kind, from, to, null));
    }
}
