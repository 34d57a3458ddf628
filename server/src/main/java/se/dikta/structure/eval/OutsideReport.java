package se.dikta.structure.eval;

import java.util.Locale;
import java.util.Map;
import se.dikta.structure.eval.OutsideEvaluation.Condition;

/** The outside-text figures as Markdown, for {@code nlp evaluate} and docs/nlp-evaluation.md. */
public final class OutsideReport {

    private OutsideReport() {
    }

    public static String markdown(OutsideEvaluation.Result result, String source) {
        return markdown(result, source, Map.of());
    }

    /**
     * @param partNames what each part of the text is (by the first letter of its document ids), for the table of
     *                  boundaries by part; a part without a name is shown by its letter
     */
    public static String markdown(OutsideEvaluation.Result result, String source, Map<String, String> partNames) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Outside text (held out, never trained on)\n\n");
        md.append("Held-out ").append(source).append(": ").append(result.sentences())
                .append(" sentences, grouped into dictations of consecutive sentences, in recogniser form (lower case, "
                        + "no digits, no punctuation); once as they are and once with the punctuation said (\"punkt\" "
                        + "at every sentence end, \"komma\" at every comma). Proper nouns and false capitals count "
                        + "words that open neither a gold nor an output sentence.\n\n");
        md.append("| measure | target | no spoken punctuation | spoken punctuation |\n| --- | --- | --- | --- |\n");
        Condition plain = result.plain();
        Condition spoken = result.spoken();
        row(md, "dictations / words", "", plain.dictations() + " / " + plain.words(),
                spoken.dictations() + " / " + spoken.words());
        row(md, "boundary precision", "≥ 0.95 spoken", f(plain.boundaries().precision()), f(spoken.boundaries().precision()));
        row(md, "boundary recall", "≥ 0.98 spoken", f(plain.boundaries().recall()), f(spoken.boundaries().recall()));
        row(md, "boundary F1", "≥ 0.60 unspoken", f(plain.boundaries().f1()), f(spoken.boundaries().f1()));
        row(md, "proper nouns with a capital", "≥ 60 %", pct(plain.properNounsCapitalised(), plain.properNouns()),
                pct(spoken.properNounsCapitalised(), spoken.properNouns()));
        row(md, "false capitals (lower-case words capitalised)", "≤ 0.5 %",
                pct(plain.falseCapitals(), plain.lowerCaseWords()), pct(spoken.falseCapitals(), spoken.lowerCaseWords()));
        row(md, "spoken commands (punkt, komma, ...)", "", "–", Integer.toString(spoken.commandsSaid()));
        row(md, "\"punkt\" said as a command left as a word", "0", "–", Integer.toString(spoken.punktLeft()));
        row(md, "\"komma\" said as a command left as a word", "", "–", Integer.toString(spoken.kommaLeft()));
        row(md, "\"komma\" words (the verb) lost", "", Integer.toString(plain.kommaWordsLost()),
                Integer.toString(spoken.kommaWordsLost()));
        parts(md, plain, spoken, partNames);
        md.append("\nFalse capitals, examples: ").append(String.join(", ", spoken.falseCapitalExamples())).append('\n');
        md.append("\nProper nouns left in lower case, examples: ").append(String.join(", ", spoken.missedNames()))
                .append('\n');
        if (!spoken.leakExamples().isEmpty()) {
            md.append("\n\"punkt\" or \"komma\" left in the text (spoken condition; some are the verb):\n\n");
            spoken.leakExamples().forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    private static void parts(StringBuilder md, Condition plain, Condition spoken, Map<String, String> partNames) {
        if (plain.boundariesByPart().size() < 2) {
            return;
        }
        md.append("\nBoundaries by part of the text (each dictation lies within one part):\n\n");
        md.append("| part | no spoken punctuation: P / R / F1 | spoken punctuation: P / R |\n| --- | --- | --- |\n");
        plain.boundariesByPart().forEach((part, prf) -> {
            Prf said = spoken.boundariesByPart().get(part);
            md.append("| ").append(partNames.getOrDefault(part, part)).append(" | ").append(f(prf.precision()))
                    .append(" / ").append(f(prf.recall())).append(" / ").append(f(prf.f1())).append(" | ")
                    .append(said == null ? "–" : f(said.precision()) + " / " + f(said.recall())).append(" |\n");
        });
    }

    private static void row(StringBuilder md, String measure, String target, String a, String b) {
        md.append("| ").append(measure).append(" | ").append(target).append(" | ").append(a).append(" | ").append(b)
                .append(" |\n");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(int a, int b) {
        return String.format(Locale.ROOT, "%.1f %% (%d of %d)", b == 0 ? 0.0 : 100.0 * a / b, a, b);
    }
}
