package se.dikta.structure.commands;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The features of the {@link CommandModel}: what stands around a punctuation word, as if a given candidate word
 * stood there. Stateless.
 */
final class CommandContext {

    private static final Set<String> SENTENCE_ENDS = Set.of("punkt", "frågetecken", "utropstecken");
    private static final String VERB_CLASS = "VERB";
    /** Finite-looking words the word classes do not know ("grälar", "glömmer"): ending in -ar, -er, -ade. */
    private static final Set<String> FINITE_CLASSES = Set.of(VERB_CLASS, "VLIKE");
    /** Subjects that follow their verb in a main clause with a fronted phrase ("som bäst är det", "grälar du"). */
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("jag", "du", "han", "hon", "hen", "vi", "ni", "de",
            "dom", "man", "det", "den", "detta");
    private static final int SEGMENT_REACH = 40;
    /** How far back an infinitive's governor ("ska", "vill", "att") may stand. */
    private static final int GOVERNOR_REACH = 6;
    /** How far ahead a verb-second inversion or the next "komma" is looked for. */
    private static final int AHEAD = 4;

    private CommandContext() {
    }

    /** The neighbours of position {@code i} as if {@code word} stood there. */
    static String[] of(List<String> words, int i, String word, UnaryOperator<String> classes, CommandCues cues) {
        return of(words, i, word, classes, cues, false);
    }

    /** @param blindGovernor read the word right before as a verb the cues do not know ("glömmer" for "brukar") */
    static String[] of(List<String> words, int i, String word, UnaryOperator<String> classes, CommandCues cues,
                       boolean blindGovernor) {
        String p1 = at(words, i - 1);
        String p2 = at(words, i - 2);
        String n1 = at(words, i + 1);
        String n2 = at(words, i + 2);
        String p1c = classOf(p1, classes);
        String p2c = classOf(p2, classes);
        String n1c = classOf(n1, classes);
        String n2c = classOf(n2, classes);
        String governor = governor(words, i, cues, blindGovernor, classes);
        String before = segment(words, i, -1, classes);
        String after = segment(words, i, 1, classes);
        boolean n1aft = cues.afterInfinitive().contains(n1);
        // the ending stands in for the word class of unknown words; a known finite verb's says nothing more
        String p1s = VERB_CLASS.equals(p1c) ? VERB_CLASS : suffix(p1);
        String clause = clauseStart(words, i, classes);
        boolean p1mod = cues.nounModifiers().contains(p1);
        String comma = nextComma(words, i);
        return new String[] {
            "w_before=" + word + "_" + before, "w_after=" + word + "_" + after,
            "w_before_after=" + word + "_" + before + "_" + after,
            "w=" + word, "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2,
            "w_p1=" + word + "_" + p1, "w_n1=" + word + "_" + n1, "p2p1=" + p2 + "_" + p1, "n1n2=" + n1 + "_" + n2,
            "p1c=" + p1c, "n1c=" + n1c, "p2c=" + p2c, "n2c=" + n2c,
            "w_p1c=" + word + "_" + p1c, "w_n1c=" + word + "_" + n1c, "p1c_n1c=" + p1c + "_" + n1c,
            "w_p2c_p1c=" + word + "_" + p2c + "_" + p1c, "w_n1c_n2c=" + word + "_" + n1c + "_" + n2c,
            "p1s=" + p1s, "w_p1s=" + word + "_" + p1s, "n1s=" + suffix(n1),
            "w_gov=" + word + "_" + governor, "w_p1_gov=" + word + "_" + p1 + "_" + governor,
            "w_p1mod=" + word + "_" + p1mod,
            "w_n1aft=" + word + "_" + n1aft,
            "w_n1c_gov=" + word + "_" + n1c + "_" + governor, "w_p1c_gov=" + word + "_" + p1c + "_" + governor,
            // a finite verb right before an infinitive's particle: "han glömmer komma hem", never "han glömmer, hem"
            "w_p1c_n1aft=" + word + "_" + p1c + "_" + n1aft,
            // a new main clause after: the verb before its subject, in a stretch that already had its verb
            "w_clause=" + word + "_" + clause + "_" + before.endsWith("V"), "w_p1mod_clause=" + word + "_" + p1mod + "_" + clause,
            // a subject and its verb right before: a main clause ("han glömmer komma hem") or a subordinate one
            // ending ("när han kom, ..."), told apart by the word before the subject
            "w_sv=" + word + "_" + (SUBJECT_PRONOUNS.contains(p2) && FINITE_CLASSES.contains(p1c) ? clauseOpener(at(words, i - 3)) : "-"),
            "w_comma=" + word + "_" + comma, "w_p1_comma=" + word + "_" + p1 + "_" + comma};
    }

    /**
     * Where a new main clause starts right after position {@code i}: "sv" for a subject pronoun and its finite verb
     * ("... punkt det är ..."), or how many words ahead a finite verb stands before its subject pronoun ("... punkt
     * som bäst är det", "... punkt grälar du": the verb second after a fronted phrase), which no noun phrase or
     * relative clause continues into. "none" when neither shows within reach before an end word.
     */
    static String clauseStart(List<String> words, int i, UnaryOperator<String> classes) {
        if (i + 2 < words.size() && SUBJECT_PRONOUNS.contains(words.get(i + 1))
                && FINITE_CLASSES.contains(classes.apply(words.get(i + 2)))) {
            return "sv";
        }
        for (int k = i + 1; k <= i + AHEAD && k + 1 < words.size(); k++) {
            if (SENTENCE_ENDS.contains(words.get(k))) {
                break;
            }
            if (FINITE_CLASSES.contains(classes.apply(words.get(k))) && SUBJECT_PRONOUNS.contains(words.get(k + 1))) {
                return Integer.toString(k - i);
            }
        }
        return "none";
    }

    /**
     * Whether a sentence-end word at {@code i}, read as a noun, would leave two main clauses with nothing between
     * them: the stretch back to the last spoken sentence end opens with a main clause, its verb second, and holds
     * no conjunction, subordinator (learned from the tags) or comma ("det är nu bara oklart i vilken"), and a
     * finite verb and its subject follow right after ("grälar du"). A fronted phrase or clause before an inverted
     * verb comes after a linker ("och vid en punkt bröt han ihop") or opens the sentence ("när hon nådde en punkt
     * kände hon sig lugn").
     */
    static boolean joinsTwoMainClauses(List<String> words, int i, UnaryOperator<String> classes, CommandCues cues) {
        if (i + 2 >= words.size() || !FINITE_CLASSES.contains(classes.apply(words.get(i + 1)))
                || !SUBJECT_PRONOUNS.contains(words.get(i + 2))) {
            return false;
        }
        int start = i;
        while (start > 0 && i - start < SEGMENT_REACH && !SENTENCE_ENDS.contains(words.get(start - 1))) {
            start--;
        }
        for (int k = start; k < i; k++) {
            if (cues.linkers().contains(words.get(k)) || words.get(k).equals("komma")) {
                return false;
            }
        }
        // a main clause opens the stretch: its verb second ("det är", "nu är"), not after a clause opener ("när hon nådde")
        return i - start > 2 && FINITE_CLASSES.contains(classes.apply(words.get(start + 1)));
    }

    /** How many words ahead the next "komma" stands within the sentence: a comma closing a parenthesis ("och, i slutändan, måste han"). */
    private static String nextComma(List<String> words, int i) {
        for (int k = i + 1; k <= i + AHEAD && k < words.size(); k++) {
            String w = words.get(k);
            if (w.equals("komma")) {
                return Integer.toString(k - i);
            }
            if (SENTENCE_ENDS.contains(w)) {
                break;
            }
        }
        return "none";
    }

    /**
     * How many words back the nearest word that governs an infinitive stands ("ska", "vill", "att": learned
     * from the tagged text), within the clause: not across another command word. "none" when there is none:
     * an infinitive "komma" needs one ("hon vill komma hem", "slappna av och komma till ro").
     */
    private static String governor(List<String> words, int i, CommandCues cues, boolean blind,
                                   UnaryOperator<String> classes) {
        for (int k = i - 1; k >= Math.max(0, i - GOVERNOR_REACH); k--) {
            String w = words.get(k);
            if (CommandModel.isCandidate(w)) {
                break;
            }
            if (cues.governors().contains(w) && !(blind && k == i - 1)) {
                return Integer.toString(Math.min(i - k, 4));
            }
        }
        // a finite verb right after its subject may govern an infinitive the text never showed it with ("han glömmer")
        return SUBJECT_PRONOUNS.contains(at(words, i - 2)) && FINITE_CLASSES.contains(classes.apply(at(words, i - 1)))
                ? "finite" : "none";
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
            verb |= FINITE_CLASSES.contains(classes.apply(w));
        }
        String bucket = length >= SEGMENT_REACH ? "far" : length <= 2 ? Integer.toString(length)
                : length <= 5 ? "3-5" : length <= 10 ? "6-10" : "11+";
        return bucket + (verb ? "V" : "-");
    }

    /** The word before a subject: a sentence start or end word reads as one ("|"), so a main clause shows. */
    private static String clauseOpener(String w) {
        return w.equals("<s>") || SENTENCE_ENDS.contains(w) ? "|" : w;
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
