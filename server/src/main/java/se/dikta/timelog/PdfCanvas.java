package se.dikta.timelog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** A page cursor: writes top-down on A4 pages and starts a new page when asked. */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 50;

    private final PDDocument doc;
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(PDDocument doc) throws IOException {
        this.doc = doc;
        newPage();
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    float y() {
        return y;
    }

    float remaining() {
        return y - MARGIN;
    }

    void down(float amount) {
        y -= amount;
    }

    void text(PDType1Font font, float size, float x, String text) throws IOException {
        textAt(font, size, x, y, text);
    }

    void textRight(PDType1Font font, float size, float right, String text) throws IOException {
        String safe = printable(font, text);
        textAt(font, size, right - width(font, size, safe), y, safe);
    }

    void textCenter(PDType1Font font, float size, float centre, float atY, String text) throws IOException {
        String safe = printable(font, text);
        textAt(font, size, centre - width(font, size, safe) / 2, atY, safe);
    }

    private void textAt(PDType1Font font, float size, float x, float atY, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, atY);
        stream.showText(printable(font, text));
        stream.endText();
    }

    void rect(float x, float atY, float w, float h, float[] rgb) throws IOException {
        stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        stream.addRect(x, atY, w, h);
        stream.fill();
        stream.setNonStrokingColor(0f, 0f, 0f);
    }

    void line(float x1, float atY, float x2, float[] rgb) throws IOException {
        stream.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        stream.setLineWidth(0.6f);
        stream.moveTo(x1, atY);
        stream.lineTo(x2, atY);
        stream.stroke();
        stream.setStrokingColor(0f, 0f, 0f);
    }

    void vline(float x, float y1, float y2) throws IOException {
        stream.setLineWidth(0.6f);
        stream.moveTo(x, y1);
        stream.lineTo(x, y2);
        stream.stroke();
    }

    static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Replaces what WinAnsi cannot encode; the minus sign becomes a hyphen rather than "?". */
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.replace('\u2212', '-').codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    static String fit(String text, PDType1Font font, float size, float width) throws IOException {
        String safe = printable(font, text);
        if (width(font, size, safe) <= width) {
            return safe;
        }
        String cut = safe;
        while (!cut.isEmpty() && width(font, size, cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
