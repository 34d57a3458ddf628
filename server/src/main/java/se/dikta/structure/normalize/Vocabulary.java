package se.dikta.structure.normalize;

import java.util.List;
import java.util.Set;

/** Word lists the rules share. Immutable. */
final class Vocabulary {

    static final List<String> MONTHS = List.of("januari", "februari", "mars", "april", "maj", "juni", "juli",
            "augusti", "september", "oktober", "november", "december");

    static final Set<String> WEEKDAYS = Set.of("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag",
            "söndag", "måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen");

    /** Money: the number becomes an AMOUNT written in digits, the unit word kept. */
    static final Set<String> CURRENCIES = Set.of("kronor", "krona", "kr", "öre", "spänn", "euro", "dollar");

    /** Units of measure: the number is written in digits whatever its size. */
    static final Set<String> MEASURES = Set.of("procent", "promille", "procentenheter", "kilo", "kg", "gram",
            "hekto", "meter", "m", "km", "kilometer", "mil", "centimeter", "cm", "millimeter", "mm", "liter",
            "deciliter", "dl", "centiliter", "cl", "grader", "milligram", "mg", "kvadratmeter", "kvm");

    /** Nouns that count things; a number before them is a count, not an hour, year or street number. */
    static final Set<String> COUNT_NOUNS = Set.of("gånger", "gång", "dagar", "dag", "veckor", "vecka",
            "månader", "månad", "år", "timmar", "timme", "minuter", "minut", "sekunder", "barn", "personer",
            "person", "stycken", "st", "omgångar", "tillfällen", "nätter", "natt", "kvällar", "helger",
            "syskon", "elever", "klasser", "rum", "tabletter", "flaskor", "burkar", "öl", "glas", "cigaretter");

    static boolean isMonth(String word) {
        return MONTHS.contains(word);
    }

    static boolean isUnit(String word) {
        return CURRENCIES.contains(word) || MEASURES.contains(word) || COUNT_NOUNS.contains(word);
    }

    private Vocabulary() {
    }
}
