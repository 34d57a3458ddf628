package se.dikta.timelog;

import java.util.Locale;

/** The row dimension of a time-saved report and the time_log column it groups on. */
public enum GroupBy {
    WORKER("t.user_id", "Medarbetare"),
    UNIT("t.unit_id", "Enhet"),
    WEEK("t.iso_week", "Vecka"),
    MONTH("t.month_key", "Månad"),
    TERTIAL("t.tertial_key", "Tertial");

    private final String column;
    private final String title;

    GroupBy(String column, String title) {
        this.column = column;
        this.title = title;
    }

    String column() {
        return column;
    }

    /** Swedish column heading for exports. */
    public String title() {
        return title;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the query parameter; throws {@link IllegalArgumentException} for an unknown value. */
    public static GroupBy parse(String value) {
        for (GroupBy g : values()) {
            if (g.param().equals(value)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown groupBy: " + value);
    }
}
