package se.dikta.structure.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one sentence of recogniser words (lowercase Swedish, numbers spelled out) into written Swedish
 * tokens following swedish-written-forms.md: dates, times, years, ages, amounts, counts of 13 or more,
 * percent, personnummer, phone numbers, street numbers and law references. Each token keeps the range of
 * words it came from. Capital letters, punctuation and names are the pipeline's job.
 * <p>
 * Rules are tried at each word in a fixed order (identifiers first, then dates, times, law references,
 * years, other numbers); the first that matches consumes its words. Immutable and thread-safe.
 */
public final class SpokenNumberNormalizer {

    /** Words other than number words at which a rule can start. */
    private static final Set<String> TRIGGERS = Set.of("den", "klockan", "kvart", "halv", "paragraf",
            "paragrafen", "kapitel");

    private final SwedishNumberParser parser = new SwedishNumberParser();
    private final List<NormalizationRule> rules = List.of(new PersonnummerRule(), new PhoneNumberRule(),
            new DateRule(), new TimeRule(), new LawReferenceRule(), new YearRule(), new QuantityRule());

    public SpokenNumberNormalizer() {
    }

    public List<WrittenToken> normalize(List<String> words) {
        List<WrittenToken> written = new ArrayList<>(words.size());
        Sentence sentence = new Sentence(words, parser, written);
        int i = 0;
        while (i < words.size()) {
            NormalizationRule.Match match = mayStartRule(sentence, i) ? firstMatch(sentence, i) : null;
            if (match == null) {
                written.add(WrittenToken.word(words.get(i), i));
                i++;
            } else {
                written.addAll(match.tokens());
                i = match.end();
            }
        }
        return written;
    }

    /** True for a street name such as "storgatan" whose following number the normaliser writes in digits. */
    public boolean isStreetName(String word) {
        return StreetNames.isStreetName(word);
    }

    /** True when {@code word} on its own is a Swedish number word, cardinal or ordinal. */
    public boolean isNumberWord(String word) {
        return parser.isNumberWord(word);
    }

    private static boolean mayStartRule(Sentence s, int i) {
        String word = s.word(i);
        return s.isNumber(i) || s.joinedYear(i) > 0 || TRIGGERS.contains(word)
                || LawReferenceRule.ABBREVIATIONS.containsKey(word);
    }

    private NormalizationRule.Match firstMatch(Sentence sentence, int i) {
        for (NormalizationRule rule : rules) {
            NormalizationRule.Match match = rule.apply(sentence, i);
            if (match != null) {
                return match;
            }
        }
        return null;
    }
}
