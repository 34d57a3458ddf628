package se.dikta.structure.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.core.SectionKey;

/**
 * SOSFS 2014:5 asks that facts and assessments be kept apart: a sentence placed under INFORMATION or
 * OBSERVATION that carries evaluative language gets a warning, so the worker can move it to BEDOMNING or
 * attribute it to its source. Thread-safe (immutable).
 */
public final class FactAssessmentLint {

    private static final Set<String> EVALUATIVE = Set.of(
            "verkar", "verkade", "troligen", "troligtvis", "sannolikt", "antagligen", "förmodligen", "bedömer",
            "bedömning", "bedömningen", "uppenbart", "uppenbarligen", "tycks", "tycktes", "tydligen",
            "förefaller", "förefallande", "möjligen", "eventuellt", "misstänker", "misstänks", "uppfattar",
            "upplevs", "oroande", "bekymmersamt", "ohållbar", "ohållbart", "otillräcklig", "otillräckligt");

    private static final Set<SectionKey> FACT_SECTIONS = Set.of(SectionKey.INFORMATION, SectionKey.OBSERVATION);

    /** The evaluative word that triggered the warning and the message to show. */
    public record Finding(String word, String message) {
    }

    /** @param words the sentence's spoken words (lowercase) */
    public Optional<Finding> check(SectionKey section, List<String> words) {
        if (!FACT_SECTIONS.contains(section)) {
            return Optional.empty();
        }
        return words.stream()
                .filter(EVALUATIVE::contains)
                .findFirst()
                .map(word -> new Finding(word, message(section, word)));
    }

    private static String message(SectionKey section, String word) {
        return "Meningen står under " + section.defaultTitle() + " men innehåller det värderande ordet \"" + word
                + "\". Håll isär fakta och bedömning: flytta den till Bedömning eller ange vem uppgiften kommer från.";
    }
}
