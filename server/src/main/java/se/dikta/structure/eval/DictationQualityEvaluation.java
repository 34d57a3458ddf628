package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.dikta.structure.NoteStructurer;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.StructuredNote;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.eval.HeldOutNote.GoldSentence;
import se.dikta.structure.lint.SourceLint;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateCatalog;

/**
 * The figures of issue 16 on the held-out notes: self-correction detection (precision and recall of what
 * was taken out, exact spoken words), the missing-source warning (precision and recall against the notes'
 * {@code noSource} marks, on the gold sentences and sections), and the pipeline under recogniser noise
 * ({@link RecogniserNoise}) at several word error rates.
 */
public final class DictationQualityEvaluation {

    /** Word error rates of the noise evaluation; 0 is the clean transcript. */
    public static final double[] RATES = {0.0, 0.05, 0.10, 0.20};

    private static final long SEED = 16;

    private final NoteStructurer structurer;
    private final TemplateCatalog templates;
    private final NlpEvaluation evaluation;
    private final SourceLint sourceLint = new SourceLint();

    public DictationQualityEvaluation(NoteStructurer structurer, TemplateCatalog templates, NlpEvaluation evaluation) {
        this.structurer = structurer;
        this.templates = templates;
        this.evaluation = evaluation;
    }

    /** One noise level: the requested and the measured word error rate, and the main figures there. */
    public record NoiseRow(double rate, double measuredWer, double sectionAccuracy, double endToEnd,
                           double boundaryF1, double normalisation, double numberEntityF1) {
    }

    public record Result(Prf repairs, int markersLeftAlone, int nonRepairMarkers, List<String> repairErrors,
                         Prf sourceWarnings, int informationSentences, List<String> sourceErrors,
                         List<NoiseRow> noise, int confusionWords) {
    }

    /** @param noise null to skip the noise evaluation */
    public Result evaluate(List<HeldOutNote> notes, RecogniserNoise noise, int confusionWords) {
        Prf repairs = new Prf();
        List<String> repairErrors = new ArrayList<>();
        int leftAlone = 0;
        int nonRepairs = 0;
        Prf sources = new Prf();
        List<String> sourceErrors = new ArrayList<>();
        int information = 0;
        for (HeldOutNote note : notes) {
            Template template = templates.find(note.template())
                    .orElseGet(() -> templates.find("journalanteckning").orElseThrow());
            StructuredNote structured = structurer.structure(new Transcript(note.transcript(), List.of()), template);
            Map<String, Integer> gold = new HashMap<>();
            note.sentences().forEach(s -> s.repairs().forEach(r -> gold.merge(r, 1, Integer::sum)));
            for (StructuredNote.Removed removed : structured.removed()) {
                if (!StructuredNote.Removed.REPAIR.equals(removed.reason())) {
                    continue;
                }
                if (gold.getOrDefault(removed.spoken(), 0) > 0) {
                    gold.merge(removed.spoken(), -1, Integer::sum);
                    repairs.add(1, 0, 0);
                } else {
                    repairs.add(0, 1, 0);
                    repairErrors.add(note.id() + ": spurious `" + removed.spoken() + "`");
                }
            }
            gold.forEach((r, left) -> {
                for (int i = 0; i < left; i++) {
                    repairs.add(0, 0, 1);
                    repairErrors.add(note.id() + ": missed `" + r + "`");
                }
            });
            int offset = 0;
            List<GoldSentence> sentences = note.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                GoldSentence s = sentences.get(i);
                int from = offset;
                offset += s.words().size();
                if (s.repairs().isEmpty() && hasMarker(s.words())) {
                    nonRepairs++;
                    int end = offset;
                    boolean touched = structured.removed().stream().anyMatch(r ->
                            StructuredNote.Removed.REPAIR.equals(r.reason()) && r.words().from() < end
                                    && r.words().to() > from);
                    if (!touched) {
                        leftAlone++;
                    }
                }
                if (!"INFORMATION".equals(s.section())) {
                    continue;
                }
                information++;
                List<String> previous = i > 0 && "INFORMATION".equals(sentences.get(i - 1).section())
                        ? sentences.get(i - 1).words() : List.of();
                boolean fired = sourceLint.check(SectionKey.INFORMATION, s.words(), previous).isPresent();
                sources.add(fired && s.noSource() ? 1 : 0, fired && !s.noSource() ? 1 : 0,
                        !fired && s.noSource() ? 1 : 0);
                if (fired != s.noSource()) {
                    sourceErrors.add(note.id() + (fired ? ": warned although a source is named `" : ": no warning for `")
                            + s.spoken() + "`");
                }
            }
        }
        List<NoiseRow> rows = new ArrayList<>();
        if (noise != null) {
            for (double rate : RATES) {
                rows.add(noiseRow(notes, noise, rate));
            }
        }
        return new Result(repairs, leftAlone, nonRepairs, repairErrors, sources, information, sourceErrors, rows,
                confusionWords);
    }

    private NoiseRow noiseRow(List<HeldOutNote> notes, RecogniserNoise noise, double rate) {
        List<HeldOutNote> noisy = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        for (HeldOutNote note : notes) {
            HeldOutNote corrupted = rate == 0 ? note : noise.corrupt(note, rate, SEED);
            noisy.add(corrupted);
            clean.addAll(note.transcript());
            heard.addAll(corrupted.transcript());
        }
        NlpEvaluation.Result r = evaluation.evaluate(noisy);
        Prf numbers = new Prf();
        for (EntityCategory c : List.of(EntityCategory.DATE, EntityCategory.TIME, EntityCategory.AMOUNT,
                EntityCategory.PERSONNUMMER, EntityCategory.PHONE)) {
            numbers.addAll(r.model().entity(c));
        }
        return new NoiseRow(rate, RecogniserNoise.wordErrorRate(clean, heard), r.model().sectionAccuracy(),
                r.model().endToEndSectionAccuracy(), r.model().boundaries().f1(), r.model().normalisation(),
                numbers.f1());
    }

    private static boolean hasMarker(List<String> words) {
        return words.contains("nej") || words.contains("förlåt") || String.join(" ", words).contains("jag menar");
    }

    /** The figures as Markdown sections for docs/nlp-evaluation.md. */
    public static String markdown(Result r, int examples) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Self-corrections (repairs)\n\n")
                .append("What a repair takes out (the taken-back phrase and the marker, exact spoken words) against the\n")
                .append("notes' `repairs`. Precision ").append(f(r.repairs().precision())).append(", recall ")
                .append(f(r.repairs().recall())).append(", F1 ").append(f(r.repairs().f1())).append(" (")
                .append(r.repairs().support()).append(" gold repairs). Sentences with a marker that is not a repair (\"hon svarade nej\",\n")
                .append("\"sa förlåt\"): ").append(r.markersLeftAlone()).append(" of ").append(r.nonRepairMarkers())
                .append(" left alone.\n");
        md.append("\n## Missing source in Information (SOSFS 2014:5)\n\n")
                .append("The warning on the ").append(r.informationSentences())
                .append(" gold INFORMATION sentences against the notes' `noSource` marks: precision ")
                .append(f(r.sourceWarnings().precision())).append(", recall ").append(f(r.sourceWarnings().recall()))
                .append(" (").append(r.sourceWarnings().support()).append(" sentences without a source).\n");
        if (!r.noise().isEmpty()) {
            md.append("\n## Recogniser errors\n\n")
                    .append("Held-out transcripts corrupted as a recogniser would (seeded): substitutions from a confusion list\n")
                    .append("derived from the training vocabulary (").append(r.confusionWords())
                    .append(" words with a confusable neighbour, plus number pairs such as\n")
                    .append("tretton/trettio), deleted short function words, compounds split or joined; no spoken punctuation.\n")
                    .append("Gold sections and written forms unchanged.\n\n")
                    .append("| word error rate | measured | section accuracy (gold sentences) | end to end | boundary F1 | normalisation exact | dates, times, amounts, numbers F1 |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (NoiseRow row : r.noise()) {
                md.append("| ").append(String.format(Locale.ROOT, "%.0f %%", row.rate() * 100)).append(" | ")
                        .append(f(row.measuredWer())).append(" | ").append(f(row.sectionAccuracy())).append(" | ")
                        .append(f(row.endToEnd())).append(" | ").append(f(row.boundaryF1())).append(" | ")
                        .append(f(row.normalisation())).append(" | ").append(f(row.numberEntityF1())).append(" |\n");
            }
        }
        if (examples > 0) {
            r.repairErrors().stream().limit(examples).forEach(e -> md.append("\n- repair ").append(e));
            r.sourceErrors().stream().limit(examples).forEach(e -> md.append("\n- source ").append(e));
            md.append('\n');
        }
        return md.toString();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
