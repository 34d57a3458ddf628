package se.dikta.structure.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.dikta.structure.core.NumberWords;
import se.dikta.structure.corpus.CorpusNote;
import se.dikta.structure.corpus.LabeledSentence;

/**
 * Coarse word classes for the boundary model, so that it generalises beyond the words it was trained on:
 * finite verbs (a fixed core plus every word the corpus shows in second position after a subject pronoun,
 * since Swedish main clauses put the finite verb second), person names from the lexicon, subject-like
 * sentence openers, number words and function words. Immutable.
 */
public final class WordClasses {

    private static final Set<String> PRONOUNS = Set.of("hon", "han", "hen", "vi", "jag", "de", "dom", "man");

    private static final Set<String> CORE_VERBS = Set.of(
            "är", "var", "har", "hade", "ska", "skall", "skulle", "kan", "kunde", "vill", "ville", "får", "fick",
            "kom", "kommer", "gick", "går", "såg", "ser", "sa", "sade", "säger", "blev", "blir", "finns", "fanns",
            "gör", "gjorde", "vet", "visste", "måste", "bor", "tar", "tog", "bedömer", "berättar", "uppger",
            "verkar", "tycks", "behöver", "önskar", "deltog", "träffade", "ringde");

    /** Words that follow a pronoun without being its verb ("hon själv", "han inte"). */
    private static final Set<String> NOT_VERBS = Set.of("inte", "också", "själv", "själva", "ofta", "alltid",
            "aldrig", "och", "som", "med", "i", "på", "att", "har", "ju", "nu", "då");

    private static final Set<String> OPENERS = Set.of(
            "hon", "han", "hen", "vi", "jag", "de", "dom", "man", "mamma", "pappa", "mamman", "pappan", "modern",
            "fadern", "barnet", "barnen", "pojken", "flickan", "sonen", "dottern", "undertecknad", "familjen",
            "föräldrarna", "skolan", "läraren", "mentorn", "kuratorn", "det", "detta", "där", "nästa", "syftet",
            "närvarande", "enligt", "under", "efter", "vid", "inför", "besöket", "samtalet", "mötet", "beslut",
            "uppföljning", "bistånd");

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "att", "och", "som", "men", "om", "när", "eller", "för", "i", "på", "med", "till", "av", "från", "hos",
            "vid", "efter", "än", "utan", "eftersom", "då", "så", "den", "en", "ett", "sin", "sitt", "sina",
            "hans", "hennes", "deras", "inte", "också", "sig", "honom", "henne", "dem", "över", "mot", "under");

    static final String VERB = "VERB";
    static final String PASSIVE = "PASSIVE";

    private final NumberWords numbers;
    private final Set<String> verbs;
    private final Set<String> names;
    private final Set<String> surnames;
    private final Set<String> everydaySurnames;

    public WordClasses(NumberWords numbers, Set<String> verbs, Set<String> names, Set<String> surnames) {
        this(numbers, verbs, names, surnames, Set.of());
    }

    /** @param everydaySurnames surnames that are everyday words too ("lind"): never cut from a first name before */
    public WordClasses(NumberWords numbers, Set<String> verbs, Set<String> names, Set<String> surnames,
                       Set<String> everydaySurnames) {
        this.numbers = numbers;
        this.verbs = Set.copyOf(verbs);
        this.names = Set.copyOf(names);
        this.surnames = Set.copyOf(surnames);
        this.everydaySurnames = Set.copyOf(everydaySurnames);
    }

    /** @param names lowercase first names and @param surnames surnames, from the lexicon */
    public static WordClasses harvest(List<CorpusNote> notes, Set<String> names, Set<String> surnames,
                                      NumberWords numbers) {
        return harvest(notes, Set.of(), names, surnames, numbers);
    }

    /** @param finiteVerbs finite verb forms known from outside text (dictation/finite-verbs.txt) */
    public static WordClasses harvest(List<CorpusNote> notes, Set<String> finiteVerbs, Set<String> names,
                                      Set<String> surnames, NumberWords numbers) {
        return harvest(notes, finiteVerbs, names, surnames, Set.of(), numbers);
    }

    public static WordClasses harvest(List<CorpusNote> notes, Set<String> finiteVerbs, Set<String> names,
                                      Set<String> surnames, Set<String> everydaySurnames, NumberWords numbers) {
        Set<String> verbs = new HashSet<>(CORE_VERBS);
        verbs.addAll(finiteVerbs);
        for (CorpusNote note : notes) {
            for (LabeledSentence sentence : note.sentences()) {
                List<String> w = sentence.words();
                if (w.size() > 1 && PRONOUNS.contains(w.get(0)) && !NOT_VERBS.contains(w.get(1))
                        && !numbers.isNumberWord(w.get(1))) {
                    verbs.add(w.get(1));
                }
            }
        }
        return new WordClasses(numbers, verbs, names, surnames, everydaySurnames);
    }

    public String of(String w) {
        if (numbers.isNumberWord(w)) {
            return "NUM";
        }
        if (verbs.contains(w)) {
            return VERB;
        }
        if (OPENERS.contains(w)) {
            return "OPEN";
        }
        if (FUNCTION_WORDS.contains(w)) {
            return "FUNC";
        }
        if (names.contains(w)) {
            return "NAME";
        }
        if (surnames.contains(w)) {
            return "SURNAME";
        }
        if (w.length() > 2 && w.endsWith("s") && names.contains(w.substring(0, w.length() - 1))) {
            return "NAMES"; // genitive: "melvins frånvaro"
        }
        if (w.length() > 4 && w.endsWith("as")) {
            return PASSIVE; // "beviljas", "kontaktas"
        }
        if (w.length() > 4 && (w.endsWith("ade") || w.endsWith("ar") || w.endsWith("er"))) {
            return "VLIKE";
        }
        if (w.length() > 4 && (w.endsWith("en") || w.endsWith("et") || w.endsWith("na"))) {
            return "DEF";
        }
        return "W";
    }

    /**
     * Two words no sentence boundary may separate: the parts of one spoken number (a phone number, "åtta | ett
     * tre fem") and a first name followed by a surname, also one that is an everyday word ("anna lind | berättar":
     * the verb-second features would otherwise read "lind berättar" as a new clause).
     */
    private static final Set<String> CLOCK_WORDS = Set.of("klockan", "halv", "kvart");

    public boolean belongTogether(String left, String right) {
        if (numbers.isNumberWord(left) && (numbers.isNumberWord(right) || numbers.isCardinalOne(right))) {
            return true;
        }
        if (CLOCK_WORDS.contains(left) && (numbers.isNumberWord(right) || numbers.isCardinalOne(right))) {
            return true; // "klockan halv | ett"
        }
        return names.contains(left) && (surnames.contains(right) || everydaySurnames.contains(right));
    }

}
