package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.dikta.structure.core.SectionKey;

/**
 * The plain keyword baseline the models are measured against: sections from the typical signal words of
 * journal-sections.md (first key whose word occurs, else INFORMATION), and a sentence break before a typical
 * sentence opener ("hon", "mamma", "vi" ...) once the sentence has three words and the word before is not a
 * conjunction.
 */
public final class KeywordBaseline {

    /** Checked in this order; the first key with a signal word in the sentence wins. */
    private static final List<Map.Entry<SectionKey, Set<String>>> SIGNALS = List.of(
            Map.entry(SectionKey.NARVARANDE, Set.of("närvarande", "deltog", "deltar")),
            Map.entry(SectionKey.SYFTE, Set.of("syftet", "syfte", "inför", "anledning")),
            Map.entry(SectionKey.BEDOMNING, Set.of("bedömer", "bedömning", "bedömningen", "uppfattar", "tycks",
                    "verkar", "sannolikt", "oro", "behöver")),
            Map.entry(SectionKey.PLANERING, Set.of("ska", "bokas", "nästa", "överenskommes", "beslutas", "skickas",
                    "följs", "planeras", "kommer")),
            Map.entry(SectionKey.INFORMATION, Set.of("berättar", "uppger", "säger", "meddelar", "enligt",
                    "framkommer", "rapporterar")),
            Map.entry(SectionKey.KONTAKT, Set.of("hembesök", "telefonsamtal", "besök", "nätverksmöte", "möte",
                    "klockan")),
            Map.entry(SectionKey.OBSERVATION, Set.of("såg", "satt", "luktade", "grät", "ser")));

    private static final Set<String> OPENERS = Set.of("hon", "han", "vi", "jag", "de", "mamma", "pappa",
            "undertecknad", "socialsekreteraren", "enligt", "nästa", "syftet", "närvarande", "det");

    private static final Set<String> CONJUNCTIONS = Set.of("att", "och", "som", "men", "när", "om", "eftersom",
            "då", "så", "där", "medan", "innan");

    public SectionKey section(List<String> words) {
        for (Map.Entry<SectionKey, Set<String>> entry : SIGNALS) {
            if (words.stream().anyMatch(entry.getValue()::contains)) {
                return entry.getKey();
            }
        }
        return SectionKey.INFORMATION;
    }

    /** Sentence ends as word counts: a value b means a sentence ends after words[b - 1]. */
    public List<Integer> boundaries(List<String> words) {
        List<Integer> ends = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < words.size(); i++) {
            if (length >= 3 && OPENERS.contains(words.get(i)) && !CONJUNCTIONS.contains(words.get(i - 1))) {
                ends.add(i);
                length = 0;
            }
            length++;
        }
        return ends;
    }
}
