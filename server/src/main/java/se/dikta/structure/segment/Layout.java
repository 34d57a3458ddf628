package se.dikta.structure.segment;

/** The break a dictated layout command puts before a sentence. */
public enum Layout {
    NONE(" "),
    LINE("\n"),
    PARAGRAPH("\n\n");

    private final String separator;

    Layout(String separator) {
        this.separator = separator;
    }

    /** What goes between the previous sentence of the same section and this one. */
    public String separator() {
        return separator;
    }

    public Layout max(Layout other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
