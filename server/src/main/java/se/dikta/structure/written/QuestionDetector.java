package se.dikta.structure.written;

import java.util.List;
import java.util.Set;

/**
 * Decides whether an undictated sentence end is a question mark, from Swedish question word order: a
 * question word followed by the finite verb ("hur länge orkar hon"), or a sentence opened by a finite verb
 * and its subject ("kan han klara sig"). Declaratives that merely start with a question word keep their full
 * stop ("hur det går följs upp", "vad som hände är oklart"). Thread-safe.
 */
public final class QuestionDetector {

    private static final Set<String> QUESTION_WORDS = Set.of("hur", "varför", "vad", "vem", "vilka", "vilken",
            "vilket", "vems");

    /** Words that may stand between the question word and the verb: "hur länge", "hur mycket". */
    private static final Set<String> QUESTION_MODIFIERS = Set.of("länge", "mycket", "ofta", "många", "mycken",
            "stor", "gammal", "gamla", "långt", "snart");

    private static final Set<String> FINITE_VERBS = Set.of("är", "var", "har", "hade", "kan", "kunde", "ska",
            "skall", "skulle", "vill", "ville", "får", "fick", "finns", "fanns", "behöver", "bör", "borde", "måste",
            "orkar", "klarar", "vet", "tycker", "känner", "går", "gick", "kommer", "blir", "blev", "gör", "gjorde");

    private static final Set<String> SUBJECTS = Set.of("han", "hon", "hen", "de", "dom", "vi", "jag", "du", "det",
            "man", "mamma", "pappa", "barnet", "barnen", "familjen", "föräldrarna");

    public boolean isQuestion(List<String> words) {
        if (words.size() < 2) {
            return false;
        }
        String first = words.get(0);
        if (QUESTION_WORDS.contains(first)) {
            int verbAt = QUESTION_MODIFIERS.contains(words.get(1)) ? 2 : 1;
            return verbAt < words.size() && FINITE_VERBS.contains(words.get(verbAt));
        }
        return FINITE_VERBS.contains(first) && SUBJECTS.contains(words.get(1));
    }
}
