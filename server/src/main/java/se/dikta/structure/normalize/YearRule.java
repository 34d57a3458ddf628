package se.dikta.structure.normalize;

import java.util.Set;

/**
 * Years outside a date: "tjugo tjugotvå" → 2022, "år tjugo nitton" → "år 2019", "nitton åttiofyra" → 1984.
 * A cardinal such as "två tusen tjugo" is a year only when said the year way ("nittonhundraåttio"),
 * after a word that introduces a year ("år", "i", "sedan", "hösten" …) or at the end of the sentence;
 * otherwise it is a quantity (2 020).
 */
final class YearRule implements NormalizationRule {

    private static final Set<String> YEAR_CONTEXT = Set.of("år", "året", "i", "sedan", "från", "till", "under",
            "före", "efter", "innan", "mellan", "född", "födda", "fött", "hösten", "våren", "sommaren", "vintern",
            "början", "slutet", "mitten", "januari", "februari", "mars", "april", "maj", "juni", "juli",
            "augusti", "september", "oktober", "november", "december", "julen", "påsken");

    @Override
    public Match apply(Sentence s, int i) {
        SpokenYear year = SpokenYear.centuryPair(s, i);
        if (year == null) {
            year = SpokenYear.cardinal(s, i);
            if (year != null && !saidAsYear(s, i, year)) {
                return null;
            }
        }
        return year == null ? null
                : Match.of(new WrittenToken(year.written(), i, year.to(), EntityType.DATE, null));
    }

    private static boolean saidAsYear(Sentence s, int i, SpokenYear year) {
        SpokenNumber n = s.number(i, NumberScope.FULL);
        return n.hundredStyle() || s.isAny(i - 1, YEAR_CONTEXT) || year.to() == s.size();
    }
}
