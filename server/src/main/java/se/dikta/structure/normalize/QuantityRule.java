package se.dikta.structure.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers that are not dates, times, years or identifiers. Digits for: amounts ("tre tusen fem hundra
 * kronor" → AMOUNT "3 500 kronor"), measures ("femtio procent" → "50 procent"), decimals before a unit
 * ("två komma fem procent" → "2,5 procent"), ages ("sju år gammal" → "7 år gammal"), street numbers
 * ("storgatan tolv b" → "storgatan 12 B"), everything of 13 or more ("tjugo tre dagar" → "23 dagar"),
 * ordinals of 13 or more ("tjugoförsta gången" → "21:a gången"), and a small number paired with one of
 * those ("tio och tolv år" → "10 och 12 år"). Numbers under 13 without a unit stay words ("tre barn",
 * "en pojke", "ett möte").
 */
final class QuantityRule implements NormalizationRule {

    private static final Set<String> AGE_ADJECTIVES = Set.of("gammal", "gamla", "gammalt");
    /** Verbs before "N år" that make it an age even for "ett år". */
    private static final Set<String> AGE_VERBS = Set.of("är", "blir", "fyller", "fyllde", "var", "blev");
    /** Words before "N år" that make it a duration ("i tre år", "för två år sedan", "om ett år"). */
    private static final Set<String> DURATION_BEFORE = Set.of("i", "för", "om", "under", "efter", "inom",
            "sedan", "varje", "senaste", "kommande", "närmaste", "sista", "än", "per", "hela", "alla", "de");
    private static final Set<String> DURATION_AFTER = Set.of("sedan", "senare", "tidigare", "framåt",
            "tillbaka", "kvar", "efteråt", "till");
    private static final Set<String> AGE_UNITS = Set.of("månader", "månad", "veckor", "vecka", "dagar", "dag");
    private static final Set<String> STREET_LETTERS = Set.of("a", "b", "c", "d", "e", "f", "g", "h");
    private static final Set<String> NUMBER_NOUNS = Set.of("nummer", "nr");
    private static final Set<String> PAIRING = Set.of("och", "eller", "till");
    private static final Set<String> MULTIPLIER_WORDS = Set.of("miljon", "miljoner", "miljard", "miljarder");
    private static final int MAX_STREET_NUMBER = 9999;
    private static final int SMALLEST_IN_DIGITS = 13;

    @Override
    public Match apply(Sentence s, int i) {
        SpokenNumber n = s.number(i, NumberScope.FULL);
        if (n == null) {
            return null;
        }
        if (n.ordinal()) {
            return n.value() >= SMALLEST_IN_DIGITS ? plain(WrittenNumbers.ordinal(n), i, n.to()) : words(s, n);
        }
        if ((StreetNames.endsBefore(s, i) || s.isAny(i - 1, NUMBER_NOUNS)) && n.value() <= MAX_STREET_NUMBER
                && !Vocabulary.isUnit(s.word(n.to()))) {
            return streetNumber(s, n);
        }
        String number = written(n);
        int end = n.to();
        boolean decimal = false;
        if (s.is(end, "komma")) {
            int fractionEnd = fractionEnd(s, end + 1);
            if (fractionEnd > end + 1 && isUnitAfterDecimal(s.word(fractionEnd))) {
                number = number + "," + digits(s, end + 1, fractionEnd);
                end = fractionEnd;
                decimal = true;
                if (MULTIPLIER_WORDS.contains(s.word(end))) {
                    number += " " + s.word(end);
                    end++;
                }
            }
        }
        String unit = s.word(end);
        if (Vocabulary.CURRENCIES.contains(unit)) {
            return new Match(List.of(new WrittenToken(number + " " + unit, i, end + 1, EntityType.AMOUNT, null)),
                    end + 1);
        }
        return decimal || inDigits(s, n) ? plain(number, i, end) : words(s, n);
    }

    /**
     * Whether a cardinal is written in digits: before a unit, as an age, from 13 on, or when paired with
     * such a number so both are written alike ("tio och tolv år" → "10 och 12 år", "fem eller sex procent").
     */
    private static boolean inDigits(Sentence s, SpokenNumber n) {
        String next = s.word(n.to());
        if (Vocabulary.CURRENCIES.contains(next) || Vocabulary.MEASURES.contains(next) || isAge(s, n)) {
            return true;
        }
        if (n.value() >= SMALLEST_IN_DIGITS) {
            return !(n.value() == 1000 && next.equals("tack"));
        }
        if (!PAIRING.contains(next)) {
            return false;
        }
        SpokenNumber partner = s.cardinal(n.to() + 1, NumberScope.FULL, 0, Long.MAX_VALUE);
        return partner != null && inDigits(s, partner);
    }

    /** Grouped digits, or "2 miljoner" for a round number of millions. */
    private static String written(SpokenNumber n) {
        if (n.endsWithMultiplier() && n.last().kind() != MorphemeKind.THOUSAND) {
            long unit = n.last().kind() == MorphemeKind.MILLION ? 1_000_000L : 1_000_000_000L;
            if (n.value() % unit == 0) {
                long count = n.value() / unit;
                String word = n.last().kind() == MorphemeKind.MILLION
                        ? count == 1 ? "miljon" : "miljoner"
                        : count == 1 ? "miljard" : "miljarder";
                return WrittenNumbers.grouped(count) + " " + word;
            }
        }
        return WrittenNumbers.grouped(n.value());
    }

    /** "sju år gammal", "pojken sju år", "hon är ett år", but not "i tre år" or "för två år sedan". */
    private static boolean isAge(Sentence s, SpokenNumber n) {
        String unit = s.word(n.to());
        boolean old = s.isAny(n.to() + 1, AGE_ADJECTIVES);
        if (AGE_UNITS.contains(unit)) {
            return old;
        }
        if (!unit.equals("år")) {
            return false;
        }
        if (old) {
            return true;
        }
        if (s.isAny(n.from() - 1, DURATION_BEFORE) || s.isAny(n.to() + 1, DURATION_AFTER)) {
            return false;
        }
        return n.value() != 1 || s.isAny(n.from() - 1, AGE_VERBS);
    }

    private static Match streetNumber(Sentence s, SpokenNumber n) {
        boolean letter = s.isAny(n.to(), STREET_LETTERS);
        String text = n.value() + (letter ? " " + s.word(n.to()).toUpperCase(Locale.ROOT) : "");
        return plain(text, n.from(), letter ? n.to() + 1 : n.to());
    }

    private static boolean isUnitAfterDecimal(String word) {
        return Vocabulary.CURRENCIES.contains(word) || Vocabulary.MEASURES.contains(word)
                || MULTIPLIER_WORDS.contains(word);
    }

    /** End of the digit groups after "komma" ("två komma fem", "noll komma noll fem"). */
    private static int fractionEnd(Sentence s, int from) {
        int j = from;
        SpokenNumber group;
        while ((group = s.cardinal(j, NumberScope.UNDER_HUNDRED, 0, 99)) != null) {
            j = group.to();
        }
        return j;
    }

    private static String digits(Sentence s, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int j = from; j < to; ) {
            SpokenNumber group = s.cardinal(j, NumberScope.UNDER_HUNDRED, 0, 99);
            sb.append(group.value());
            j = group.to();
        }
        return sb.toString();
    }

    private static Match plain(String text, int from, int to) {
        return Match.of(new WrittenToken(text, from, to, null, null));
    }

    /** The number's words unchanged, one token each. */
    private static Match words(Sentence s, SpokenNumber n) {
        List<WrittenToken> tokens = new ArrayList<>(n.words());
        for (int j = n.from(); j < n.to(); j++) {
            tokens.add(WrittenToken.word(s.original(j), j));
        }
        return new Match(tokens, n.to());
    }
}
