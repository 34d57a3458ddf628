package se.dikta.timelog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV export for Swedish Excel: UTF-8 with a byte-order mark (without it Excel reads the file as
 * Windows-1252 and breaks å, ä, ö), semicolons between fields and decimal commas, which is what Excel
 * expects under Swedish regional settings (there the comma is the decimal separator, so the list
 * separator is the semicolon). No thousands separators, CRLF line ends, RFC 4180 quoting.
 */
public final class TimeSavedCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    static final String BOM = "\uFEFF";
    static final String[] HEADER = {
        "Anteckningar", "Medarbetare (antal)", "Ord", "Inspelad tid (s)", "Redigeringstid (s)", "Baslinje (s)",
        "Sparad tid (s)", "Sparad tid per anteckning, medel (min)", "Sparad tid per anteckning, median (min)",
        "95 % KI nedre (min)", "95 % KI övre (min)", "Skrivhastighet (ord/min)", "Baslinje från", "Anmärkning"
    };

    private TimeSavedCsv() {
    }

    public static byte[] bytes(TimeSaved report) {
        StringBuilder out = new StringBuilder(BOM);
        List<String> header = new ArrayList<>();
        header.add(report.request().groupBy().title());
        header.addAll(List.of(HEADER));
        line(out, header);
        report.rows().forEach(r -> line(out, fields(r)));
        line(out, fields(report.total()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fields(TimeSaved.Row r) {
        List<String> f = new ArrayList<>();
        f.add(text(r.key()));
        if (r.suppressed()) {
            for (int i = 0; i < HEADER.length - 1; i++) {
                f.add("");
            }
            f.add("Redovisas inte: för få medarbetare");
            return f;
        }
        f.add(Long.toString(r.notes()));
        f.add(Integer.toString(r.workers()));
        f.add(Long.toString(r.words()));
        f.add(Figures.swedish(r.audioSeconds(), 1));
        f.add(Figures.swedish(r.editSeconds(), 1));
        f.add(Figures.swedish(r.baselineSeconds(), 1));
        f.add(Figures.swedish(r.savedSeconds(), 1));
        f.add(r.meanSavedMinutes() == null ? "" : Figures.swedish(r.meanSavedMinutes(), 2));
        f.add(r.medianSavedMinutes() == null ? "" : Figures.swedish(r.medianSavedMinutes(), 2));
        f.add(r.ci95() == null ? "" : Figures.swedish(r.ci95().low(), 2));
        f.add(r.ci95() == null ? "" : Figures.swedish(r.ci95().high(), 2));
        f.add(r.baselineWordsPerMinute() == null ? "" : Figures.swedish(r.baselineWordsPerMinute(), 1));
        f.add(sourceText(r.baseline().source()));
        f.add("");
        return f;
    }

    static String sourceText(String source) {
        switch (source) {
            case "worker": return "egen mätning";
            case "unit": return "enhetens mätning";
            case "mixed": return "blandat";
            default: return "standardvärde";
        }
    }

    /** A leading =, +, - or @ would make Excel evaluate a name as a formula. */
    private static String text(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(quote(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String quote(String field) {
        if (field.indexOf(';') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
