package se.dikta.structure.eval;

import java.util.Locale;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.eval.NlpEvaluation.Result;

/** Renders an evaluation result as the Markdown of docs/nlp-evaluation.md (also what the command prints). */
public final class EvaluationReport {

    private static final double SECTION_TARGET = 0.90;
    private static final double NORMALISATION_TARGET = 0.97;
    private static final double BOUNDARY_TARGET = 0.90;

    private EvaluationReport() {
    }

    /** @param examples how many normalisation mismatches to list (0 for none) */
    public static String markdown(Result r, String modelFingerprint, int examples) {
        StringBuilder md = new StringBuilder();
        md.append("# NLP evaluation on the held-out notes\n\n");
        md.append("Produced by `java -jar server/target/dikta.jar nlp evaluate` on models/nlp/heldout (")
                .append(r.notes()).append(" notes, ").append(r.sentences()).append(" sentences, ")
                .append(r.words()).append(" words). The held-out notes are never used for training (a test checks that no\n")
                .append("held-out sentence occurs in the training files). Models trained from models/nlp, fingerprint `")
                .append(modelFingerprint, 0, Math.min(12, modelFingerprint.length())).append("`.\n\n");
        md.append("The transcript of each note is its spoken sentences joined by single spaces: no word times, no\n")
                .append("dictation commands, so every sentence boundary must come from the boundary model.\n\n");

        md.append("## Summary\n\n| measure | target | model | keyword baseline |\n| --- | --- | --- | --- |\n");
        row(md, "sentence-boundary F1 (no word times)", BOUNDARY_TARGET, r.model().boundaries().f1(),
                r.baseline().boundaries().f1());
        row(md, "section accuracy (gold sentences)", SECTION_TARGET, r.model().sectionAccuracy(),
                r.baseline().sectionAccuracy());
        row(md, "section accuracy, categoriser alone (no neighbour step)", -1,
                r.model().sectionAccuracyWithoutNeighbours(), r.baseline().sectionAccuracy());
        row(md, "section accuracy end to end (per word, model boundaries)", -1, r.model().endToEndSectionAccuracy(),
                r.baseline().endToEndSectionAccuracy());
        row(md, "normalisation exact match (per gold sentence)", NORMALISATION_TARGET, r.model().normalisation(),
                r.baseline().normalisation());
        row(md, "entity F1, all types", -1, r.model().allEntities().f1(), r.baseline().allEntities().f1());
        md.append('\n');
        md.append("Boundary precision/recall: model ").append(f(r.model().boundaries().precision())).append(" / ")
                .append(f(r.model().boundaries().recall())).append(", baseline ")
                .append(f(r.baseline().boundaries().precision())).append(" / ")
                .append(f(r.baseline().boundaries().recall())).append(".\n\n");

        md.append("## Sections per key (gold sentences)\n\n")
                .append("| key | gold sentences | model P | model R | model F1 | baseline F1 |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (SectionKey key : SectionKey.values()) {
            Prf m = r.model().section(key);
            md.append("| ").append(key).append(" | ").append(m.support()).append(" | ").append(f(m.precision()))
                    .append(" | ").append(f(m.recall())).append(" | ").append(f(m.f1())).append(" | ")
                    .append(f(r.baseline().section(key).f1())).append(" |\n");
        }

        md.append("\n## Entities per type (exact text and type, per note)\n\n")
                .append("| type | gold | model P | model R | model F1 | baseline F1 |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (EntityCategory category : EntityCategory.values()) {
            Prf m = r.model().entity(category);
            md.append("| ").append(category).append(" | ").append(m.support()).append(" | ")
                    .append(f(m.precision())).append(" | ").append(f(m.recall())).append(" | ").append(f(m.f1()))
                    .append(" | ").append(f(r.baseline().entity(category).f1())).append(" |\n");
        }
        md.append("\nAn entity that opens its sentence, in the gold or the output, matches whatever the case of its first\n")
                .append("letter (\"Den 8 januari\" after a cut before the date is the gold \"den 8 januari\"): the cut is counted by\n")
                .append("the boundary score; inside a sentence a wrong capital is an error.\n")
                .append("\nThe baseline finds names, places and organisations by lexicon lookup only; DATE, TIME, AMOUNT,\n")
                .append("PERSONNUMMER and PHONE come from the same normaliser rules in both systems. Its sections come from\n")
                .append("the signal words of journal-sections.md, its boundaries from a break before a typical sentence opener,\n")
                .append("its written form is the spoken sentence with a capital letter and a full stop.\n");

        if (examples > 0 && !r.normalisationMismatches().isEmpty()) {
            md.append("\n## Written-form mismatches (first ").append(Math.min(examples, r.normalisationMismatches().size()))
                    .append(" of ").append(r.normalisationMismatches().size()).append(")\n\n");
            r.normalisationMismatches().stream().limit(examples).forEach(m -> md.append("- ").append(m.noteId())
                    .append(": expected `").append(m.expected()).append("`, got `").append(m.actual()).append("`\n"));
        }
        if (examples > 0 && !r.entityErrors().isEmpty()) {
            md.append("\n## Entity errors (first ").append(Math.min(examples, r.entityErrors().size())).append(" of ")
                    .append(r.entityErrors().size()).append(")\n\n");
            r.entityErrors().stream().limit(examples).forEach(e -> md.append("- ").append(e.noteId())
                    .append(e.missed() ? ": missed `" : ": spurious `").append(e.entity()).append("`\n"));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, double target, double model, double baseline) {
        md.append("| ").append(name).append(" | ").append(target < 0 ? "" : "≥ " + f(target)).append(" | ")
                .append(f(model)).append(" | ").append(f(baseline)).append(" |\n");
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
