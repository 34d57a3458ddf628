package se.dikta.timelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The PDF for the tertial follow-up: title, period, method, the table and a bar chart of the mean
 * saved minutes per note with their 95 % intervals, drawn with PDFBox primitives (A4 portrait,
 * Helvetica, which covers Swedish letters through WinAnsi encoding; other characters print as "?").
 */
public final class TimeSavedPdf {

    public static final String CONTENT_TYPE = "application/pdf";

    private static final float MARGIN = PdfCanvas.MARGIN;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float ROW_HEIGHT = 13;
    private static final float[] COLUMNS = {100, 32, 40, 48, 52, 48, 45, 36, 38, 56};
    private static final String[] HEADINGS = {
        null, "Antal", "Ord", "Inspelad", "Redigering", "Baslinje", "Sparad", "Medel", "Median", "95 % KI"
    };
    private static final float[] POSITIVE = {0.16f, 0.45f, 0.33f};
    private static final float[] NEGATIVE = {0.75f, 0.25f, 0.2f};
    private static final float[] GREY = {0.55f, 0.55f, 0.55f};

    /** Made at the first report, not at start: PDFBox maps the standard fonts by scanning the system's fonts. */
    private PDType1Font regular;
    private PDType1Font bold;

    private synchronized void loadFonts() {
        if (regular == null) {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        }
    }

    /**
     * @param scope       whose notes, e.g. the unit's name, printed under the title
     * @param generatedAt when the report was made, printed in the footer of the first page
     */
    public byte[] render(TimeSaved report, String scope, ZonedDateTime generatedAt) {
        loadFonts();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Sparad dokumentationstid " + period(report.request()));
            info.setCreator("Dikta");
            try (PdfCanvas canvas = new PdfCanvas(doc)) {
                header(canvas, report, scope, generatedAt);
                table(canvas, report);
                chart(canvas, report);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render time-saved PDF", e);
        }
    }

    static String period(ReportRequest r) {
        Periods.Range tertial = Periods.tertialRange(r.from());
        if (tertial.from().equals(r.from()) && tertial.to().equals(r.to())) {
            return "tertial " + Periods.tertial(r.from()) + " (" + r.from() + " – " + r.to() + ")";
        }
        return r.from() + " – " + r.to();
    }

    private void header(PdfCanvas c, TimeSaved report, String scope, ZonedDateTime generatedAt) throws IOException {
        c.text(bold, 18, MARGIN, "Sparad dokumentationstid med diktering");
        c.down(24);
        c.text(regular, 11, MARGIN, "Period: " + period(report.request()));
        c.down(15);
        c.text(regular, 11, MARGIN, "Omfattning: " + scope + ", per " + report.request().groupBy().title().toLowerCase(Locale.ROOT));
        c.down(15);
        c.text(regular, 9, MARGIN, "Skapad " + generatedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " av Dikta");
        c.down(22);
        c.text(bold, 11, MARGIN, "Metod");
        c.down(14);
        for (String line : PdfCanvas.wrap(report.method().text(), regular, 9, WIDTH)) {
            c.text(regular, 9, MARGIN, line);
            c.down(11.5f);
        }
        c.down(8);
        c.text(regular, 9, MARGIN, "Tider i tabellen är summor i minuter; medel, median och konfidensintervall avser"
                + " sparade minuter per anteckning.");
        c.down(18);
    }

    private void table(PdfCanvas c, TimeSaved report) throws IOException {
        String firstHeading = report.request().groupBy().title();
        tableHeading(c, firstHeading);
        for (TimeSaved.Row row : report.rows()) {
            if (c.remaining() < ROW_HEIGHT * 2) {
                c.newPage();
                tableHeading(c, firstHeading);
            }
            tableRow(c, row, regular);
        }
        c.line(MARGIN, c.y() + ROW_HEIGHT - 3, MARGIN + WIDTH, GREY);
        tableRow(c, report.total(), bold);
        if (report.rows().stream().anyMatch(TimeSaved.Row::suppressed) || report.total().suppressed()) {
            c.down(4);
            c.text(regular, 8, MARGIN, "– = redovisas inte eftersom raden omfattar färre än "
                    + report.method().minWorkersPerRow() + " medarbetare.");
            c.down(12);
        }
        c.down(16);
    }

    private void tableHeading(PdfCanvas c, String first) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < COLUMNS.length; i++) {
            String heading = i == 0 ? first : HEADINGS[i];
            if (i == 0) {
                c.text(bold, 8, x, heading);
            } else {
                c.textRight(bold, 8, x + COLUMNS[i], heading);
            }
            x += COLUMNS[i];
        }
        c.down(4);
        c.line(MARGIN, c.y(), MARGIN + WIDTH, GREY);
        c.down(ROW_HEIGHT - 2);
    }

    private void tableRow(PdfCanvas c, TimeSaved.Row row, PDType1Font font) throws IOException {
        List<String> cells = new ArrayList<>();
        cells.add(PdfCanvas.fit(row.key(), font, 8, COLUMNS[0] - 4));
        if (row.suppressed()) {
            for (int i = 1; i < COLUMNS.length; i++) {
                cells.add("–");
            }
        } else {
            cells.add(Long.toString(row.notes()));
            cells.add(Long.toString(row.words()));
            cells.add(Figures.swedish(row.audioSeconds() / 60, 1));
            cells.add(Figures.swedish(row.editSeconds() / 60, 1));
            cells.add(Figures.swedish(row.baselineSeconds() / 60, 1));
            cells.add(Figures.swedish(row.savedSeconds() / 60, 1));
            cells.add(row.meanSavedMinutes() == null ? "" : Figures.swedish(row.meanSavedMinutes(), 2));
            cells.add(row.medianSavedMinutes() == null ? "" : Figures.swedish(row.medianSavedMinutes(), 2));
            cells.add(row.ci95() == null ? "" : Figures.swedish(row.ci95().low(), 2) + " – "
                    + Figures.swedish(row.ci95().high(), 2));
        }
        float x = MARGIN;
        for (int i = 0; i < COLUMNS.length; i++) {
            if (i == 0) {
                c.text(font, 8, x, cells.get(i));
            } else {
                c.textRight(font, 8, x + COLUMNS[i], cells.get(i));
            }
            x += COLUMNS[i];
        }
        c.down(ROW_HEIGHT);
    }

    /** Horizontal bars of the mean saved minutes per note, whiskers for the 95 % interval, zero axis. */
    private void chart(PdfCanvas c, TimeSaved report) throws IOException {
        List<TimeSaved.Row> bars = new ArrayList<>();
        report.rows().stream().filter(r -> !r.suppressed() && r.meanSavedMinutes() != null).forEach(bars::add);
        if (!report.total().suppressed() && report.total().meanSavedMinutes() != null) {
            bars.add(report.total());
        }
        if (bars.isEmpty()) {
            return;
        }
        double min = 0;
        double max = 0;
        for (TimeSaved.Row r : bars) {
            min = Math.min(min, r.ci95() == null ? r.meanSavedMinutes() : r.ci95().low());
            max = Math.max(max, r.ci95() == null ? r.meanSavedMinutes() : r.ci95().high());
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        float labelWidth = 120;
        float plotLeft = MARGIN + labelWidth;
        float plotWidth = WIDTH - labelWidth - 10;
        float barHeight = 10;
        float pitch = 15;
        double scale = plotWidth / (max - min);
        float zeroX = (float) (plotLeft + (0 - min) * scale);

        if (c.remaining() < 60 + pitch * Math.min(bars.size(), 5)) {
            c.newPage();
        }
        c.text(bold, 11, MARGIN, "Sparade minuter per anteckning (medel med 95 % konfidensintervall)");
        c.down(18);
        float top = c.y() + pitch;
        for (TimeSaved.Row r : bars) {
            if (c.remaining() < pitch + 20) {
                axis(c, top, zeroX, plotLeft, plotWidth, min, max);
                c.newPage();
                top = c.y() + pitch;
            }
            float y = c.y();
            c.text(r == report.total() ? bold : regular, 8, MARGIN, PdfCanvas.fit(r.key(), regular, 8, labelWidth - 6));
            double mean = r.meanSavedMinutes();
            float end = (float) (plotLeft + (mean - min) * scale);
            c.rect(Math.min(zeroX, end), y - 2, Math.abs(end - zeroX), barHeight, mean >= 0 ? POSITIVE : NEGATIVE);
            if (r.ci95() != null) {
                float low = (float) (plotLeft + (r.ci95().low() - min) * scale);
                float high = (float) (plotLeft + (r.ci95().high() - min) * scale);
                float mid = y - 2 + barHeight / 2;
                c.line(low, mid, high, new float[] {0, 0, 0});
                c.vline(low, mid - 3, mid + 3);
                c.vline(high, mid - 3, mid + 3);
            }
            c.down(pitch);
        }
        axis(c, top, zeroX, plotLeft, plotWidth, min, max);
    }

    private void axis(PdfCanvas c, float top, float zeroX, float plotLeft, float plotWidth, double min, double max)
            throws IOException {
        float bottom = c.y() + 6;
        c.vline(zeroX, bottom, top);
        c.line(plotLeft, bottom, plotLeft + plotWidth, GREY);
        c.text(regular, 7, plotLeft, Figures.swedish(min, 1) + " min");
        c.textRight(regular, 7, plotLeft + plotWidth, Figures.swedish(max, 1) + " min");
        c.textCenter(regular, 7, zeroX, bottom - 9, "0");
        c.down(20);
    }
}
