package se.dikta.structure.normalize;

/**
 * A phone number read digit by digit or in groups, starting with "noll":
 * "noll sju noll ett två tre fyra fem sex sju" → 070-123 45 67; groups such as "etthundratjugotre" or
 * "fyrtiofem" add their digits. The longest run of up to ten digits that forms a valid number wins.
 */
final class PhoneNumberRule implements NormalizationRule {

    private static final int MAX_DIGITS = 10;

    @Override
    public Match apply(Sentence s, int i) {
        if (!s.isMorpheme(i, MorphemeKind.ZERO, 0)) {
            return null;
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        String best = null;
        int bestEnd = -1;
        int j = i;
        while (true) {
            SpokenNumber group = s.number(j, NumberScope.UNDER_THOUSAND);
            if (group == null || digits.length() + digitCount(group.value()) > MAX_DIGITS) {
                break;
            }
            digits.append(group.value());
            j = group.to();
            String written = PhoneNumber.written(digits.toString());
            if (written != null) {
                best = written;
                bestEnd = j;
            }
        }
        return best == null ? null : Match.of(new WrittenToken(best, i, bestEnd, EntityType.PHONE, null));
    }

    private static int digitCount(long value) {
        return value < 10 ? 1 : value < 100 ? 2 : 3;
    }
}
