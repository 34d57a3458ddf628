package se.dikta.structure.normalize;

import java.util.Set;

/**
 * A personnummer read in digit groups: "nitton åttiofyra noll tre tolv fyra fem sex sju" →
 * 19840312-4567, without century 840312-4567. Accepts an optional "streck" before the last four
 * digits. Ten digits starting with 0 are read as a personnummer only after a word such as
 * "personnummer" or "född", because otherwise they are a phone number.
 */
final class PersonnummerRule implements NormalizationRule {

    private static final Set<String> DASH = Set.of("streck", "bindestreck", "minus");
    private static final Set<String> CONTEXT = Set.of("personnummer", "personnumret", "personnumren", "pnr",
            "född", "födelsedatum", "samordningsnummer", "samordningsnumret");
    private static final int CONTEXT_WINDOW = 5;

    @Override
    public Match apply(Sentence s, int i) {
        StringBuilder digits = new StringBuilder(12);
        int dashAt = -1;
        Personnummer best = null;
        int bestEnd = -1;
        int j = i;
        while (digits.length() < 12) {
            if (s.isAny(j, DASH) && dashAt < 0 && j > i) {
                dashAt = digits.length();
                j++;
                continue;
            }
            SpokenNumber group = s.number(j, NumberScope.UNDER_HUNDRED);
            if (group == null) {
                break;
            }
            digits.append(group.value());
            j = group.to();
            Personnummer candidate = candidate(digits, dashAt);
            if (candidate != null && (best == null || candidate.century().length() > best.century().length())) {
                best = candidate;
                bestEnd = j;
            }
        }
        if (best == null) {
            return null;
        }
        boolean spokenAsPersonnummer = dashAt >= 0 || s.anyBefore(i, CONTEXT_WINDOW, CONTEXT);
        if (best.century().isEmpty() && best.digits().charAt(0) == '0' && !spokenAsPersonnummer) {
            return null;
        }
        String flag = best.checksumValid() ? null : WrittenToken.INVALID_CHECKSUM;
        return Match.of(new WrittenToken(best.written(), i, bestEnd, EntityType.PERSONNUMMER, flag));
    }

    private static Personnummer candidate(CharSequence digits, int dashAt) {
        Personnummer p = Personnummer.of(digits.toString());
        if (p == null || !p.hasPlausibleDate()) {
            return null;
        }
        return dashAt < 0 || dashAt == digits.length() - 4 ? p : null;
    }
}
