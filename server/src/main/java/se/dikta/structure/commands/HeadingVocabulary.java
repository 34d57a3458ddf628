package se.dikta.structure.commands;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.dikta.structure.core.SectionKey;

/** The spoken names of sections that may follow "rubrik": the default titles, common synonyms and template titles. */
public final class HeadingVocabulary {

    /** Synonyms a social worker is likely to say; the template titles are added on top. */
    private static final Map<SectionKey, List<String>> SYNONYMS = Map.of(
            SectionKey.KONTAKT, List.of("kontakt", "kontakten", "kontakttyp", "typ av kontakt", "besök", "samtal",
                    "tid och plats"),
            SectionKey.NARVARANDE, List.of("närvarande", "närvarande personer", "deltagare", "deltagande",
                    "medverkande", "närvaro"),
            SectionKey.SYFTE, List.of("syfte", "syftet", "syfte med kontakten", "syftet med kontakten", "syfte med besöket",
                    "syftet med besöket", "anledning", "anledning till kontakten", "ärende"),
            SectionKey.INFORMATION, List.of("information", "informationen", "uppgifter", "inhämtad information",
                    "samtalets innehåll", "vad som framkom", "framkommande uppgifter"),
            SectionKey.OBSERVATION, List.of("iakttagelser", "iakttagelse", "observation", "observationer",
                    "egna iakttagelser"),
            SectionKey.BEDOMNING, List.of("bedömning", "bedömningen", "analys", "min bedömning",
                    "socialsekreterarens bedömning", "handläggarens bedömning", "sammanfattande bedömning"),
            SectionKey.PLANERING, List.of("planering", "planeringen", "fortsatt planering", "plan", "åtgärder",
                    "överenskommelse", "överenskommelser", "nästa steg"));

    private final Map<List<String>, SectionKey> phrases = new HashMap<>();
    private final int longest;

    /**
     * @param templateTitles the section titles of the template being dictated; they win over the default
     *                       names ("samtal" is the contact in a phone-call template but the talk in a home visit)
     */
    public HeadingVocabulary(Map<String, SectionKey> templateTitles) {
        templateTitles.forEach(this::add);
        for (SectionKey key : SectionKey.values()) {
            add(key.defaultTitle(), key);
        }
        for (SectionKey key : SectionKey.values()) {
            SYNONYMS.get(key).forEach(name -> add(name, key));
        }
        longest = phrases.keySet().stream().mapToInt(List::size).max().orElse(1);
    }

    private void add(String title, SectionKey key) {
        List<String> words = List.of(title.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        // The first registration wins; iteration orders above are fixed so the result is deterministic.
        phrases.putIfAbsent(words, key);
    }

    /** A heading name starting at {@code from}: the section and the number of words it spans (longest match). */
    public Optional<Match> match(List<String> words, int from) {
        for (int len = Math.min(longest, words.size() - from); len >= 1; len--) {
            SectionKey key = phrases.get(words.subList(from, from + len));
            if (key != null) {
                return Optional.of(new Match(key, len));
            }
        }
        return Optional.empty();
    }

    public record Match(SectionKey key, int length) {
    }
}
