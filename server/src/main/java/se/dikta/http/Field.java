package se.dikta.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of a request (a JSON body member or a query parameter) and everything it must satisfy: type,
 * presence, length, range and format. Fields are declared once per route, in the route's {@code *Api}
 * adapter, as a {@link RequestSpec}; {@code column} names the database column a text is stored in, so a
 * test can hold each declared length against the real schema.
 *
 * @param mandatory the field must be present (and a text not blank)
 * @param maxLength for text, the most characters (UTF-16 units, never fewer than the column's code points)
 * @param min smallest value of a number, or fewest characters of a text
 * @param max largest value of a number
 * @param column {@code table.column} the text ends up in, when it is stored as it is
 */
public record Field(String name, Type type, boolean mandatory, int maxLength, long min, long max,
        Optional<Pattern> pattern, String formatHint, Optional<String> column) {

    /** What a field holds. */
    public enum Type { TEXT, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, DATE }

    /** An optional text of at most {@code maxLength} characters; blank counts as absent. */
    public static Field text(String name, int maxLength) {
        return new Field(name, Type.TEXT, false, maxLength, 0, Long.MAX_VALUE, Optional.empty(), null, Optional.empty());
    }

    /** An optional whole number from {@code min} to {@code max}. */
    public static Field integer(String name, long min, long max) {
        return new Field(name, Type.INTEGER, false, 0, min, max, Optional.empty(), null, Optional.empty());
    }

    /** An optional number (decimals allowed) from {@code min} to {@code max}. */
    public static Field number(String name, long min, long max) {
        return new Field(name, Type.NUMBER, false, 0, min, max, Optional.empty(), null, Optional.empty());
    }

    /** An optional {@code ÅÅÅÅ-MM-DD} date in the plausible years of {@link se.dikta.calendar.OfficeCalendar#parseDate}. */
    public static Field date(String name) {
        return new Field(name, Type.DATE, false, 10, 0, 0, Optional.empty(), null, Optional.empty());
    }

    public static Field bool(String name) {
        return new Field(name, Type.BOOLEAN, false, 0, 0, 0, Optional.empty(), null, Optional.empty());
    }

    /** An optional JSON object (its members are checked by the route). */
    public static Field object(String name) {
        return new Field(name, Type.OBJECT, false, 0, 0, 0, Optional.empty(), null, Optional.empty());
    }

    /** An optional JSON array of at most {@code maxItems} entries (checked one by one by the route). */
    public static Field array(String name, int maxItems) {
        return new Field(name, Type.ARRAY, false, maxItems, 0, 0, Optional.empty(), null, Optional.empty());
    }

    public Field required() {
        return new Field(name, type, true, maxLength, min, max, pattern, formatHint, column);
    }

    /** A text must also have at least {@code chars} characters. */
    public Field minLength(int chars) {
        return new Field(name, type, mandatory, maxLength, chars, max, pattern, formatHint, column);
    }

    /** A text must match {@code regex} whole; {@code hint} tells the person how to write it (Swedish). */
    public Field pattern(String regex, String hint) {
        return new Field(name, type, mandatory, maxLength, min, max, Optional.of(Pattern.compile(regex)), hint, column);
    }

    /** The {@code table.column} this text is stored in as it is. */
    public Field column(String tableDotColumn) {
        return new Field(name, type, mandatory, maxLength, min, max, pattern, formatHint, Optional.of(tableDotColumn));
    }
}
