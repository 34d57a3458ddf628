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
 * punkt", "hon ska komma hem", "ett frågetecken kring"), so each is read as a command only when its
 * neighbours do not show the ordinary use. Thread-safe (immutable).
 */
public final class CommandParser {

    private static final Map<String, CommandKind> PUNCTUATION = Map.of(
            "punkt", CommandKind.FULL_STOP,
            "frågetecken", CommandKind.QUESTION_MARK,
            "utropstecken", CommandKind.EXCLAMATION_MARK,
            "kolon", CommandKind.COLON,
            "komma", CommandKind.COMMA);

    /** Words that make the next word a noun: "en punkt", "varje punkt", "ett stort frågetecken". */
    private static final Set<String> NOUN_MODIFIERS = Set.of(
            "en", "ett", "den", "det", "denna", "detta", "varje", "någon", "något", "ingen", "inget", "vilken",
            "vilket", "samma", "första", "andra", "tredje", "sista", "nästa", "enda", "annan", "annat", "ny", "nytt",
            "stor", "stort", "liten", "litet", "viktig", "viktigt", "viktigaste", "avgörande", "central", "centralt",
            "öppen", "öppet", "oklar", "oklart", "stora", "många", "flera", "några", "fler", "ytterligare",
            "egen", "eget", "nämnda", "aktuell", "aktuellt", "sådan", "sådant", "svag", "svagt");

    /** Words after which "komma" is the verb: "ska komma", "att komma", "vill inte komma". */
    private static final Set<String> VERB_TRIGGERS = Set.of(
            "ska", "skall", "skulle", "kan", "kunde", "vill", "ville", "måste", "får", "fick", "behöver", "behövde",
            "brukar", "brukade", "bör", "borde", "lär", "hann", "hinner", "försöker", "försökte", "att", "kommer",
            "tänker", "tänkte", "vågar", "vågade", "orkar", "orkade", "slipper", "slapp", "önskar", "önskade",
            "hoppas", "planerar", "låter", "lät", "lyckas", "lyckades", "kunna", "vilja", "behöva", "få",
            "beräknas", "förväntas", "väntas", "antas", "tros", "sägs", "verkar", "tycks", "råkar");

    /** Adverbs and subject pronouns that may stand between a modal verb and "komma": "kan hon inte komma". */
    private static final Set<String> BETWEEN = Set.of(
            "inte", "också", "ju", "nog", "gärna", "kanske", "snart", "då", "sedan", "sen", "alltid", "aldrig", "väl",
            "ändå", "även", "bara", "redan", "själv", "själva", "hellre", "troligen", "förmodligen", "igen", "ej",
            "hon", "han", "hen", "de", "dom", "vi", "jag", "du", "man", "det");

    /** Particles of phrasal verbs: "komma hem", "komma överens", "komma ihåg". */
    private static final Set<String> PARTICLES = Set.of(
            "hit", "dit", "hem", "tillbaka", "överens", "ihåg", "iväg", "igång", "ifrån", "undan", "förbi", "fram",
            "tillrätta", "ikapp", "loss", "åt");

    private final HeadingVocabulary headings;
    private final NumberWords numbers;

    public CommandParser(HeadingVocabulary headings, NumberWords numbers) {
        this.headings = headings;
        this.numbers = numbers;
    }

    public List<DictationItem> parse(Transcript transcript) {
        List<String> words = transcript.words();
        List<DictationItem> items = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Optional<Command> command = commandAt(words, i);
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

    private Optional<Command> commandAt(List<String> words, int i) {
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
                if (kind != null && isCommandUse(kind, words, i)) {
                    return command(kind, i, i + 1);
                }
            }
        }
        return Optional.empty();
    }

    private boolean isCommandUse(CommandKind kind, List<String> words, int i) {
        String prev = i > 0 ? words.get(i - 1) : "";
        String next = i + 1 < words.size() ? words.get(i + 1) : "";
        if (kind == CommandKind.COMMA) {
            if (i == 0) {
                return false; // "komma" opening the dictation is the verb
            }
            return !isVerbKomma(words, i) && !PARTICLES.contains(next)
                    && !(numbers.isNumberWord(prev) && numbers.isNumberWord(next));
        }
        // Adjectives in -ig ("viktig punkt"), but not the pronouns "mig", "dig", "sig".
        boolean adjective = prev.endsWith("ig") && prev.length() > 3;
        return !modifiesNext(words, i) && !adjective;
    }

    /**
     * The word before {@code i} makes word {@code i} a noun ("en punkt", "ett nytt stycke") — unless it is the
     * last word of a spoken number, date or time ("klockan ett punkt", "paragraf ett ny rad").
     */
    private boolean modifiesNext(List<String> words, int i) {
        String prev = i > 0 ? words.get(i - 1) : "";
        return NOUN_MODIFIERS.contains(prev) && !numbers.endsWrittenNumber(words, i);
    }

    private boolean isVerbKomma(List<String> words, int i) {
        for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
            String w = words.get(j);
            if (VERB_TRIGGERS.contains(w)) {
                return true;
            }
            if (!BETWEEN.contains(w)) {
                return false;
            }
        }
        return false;
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
