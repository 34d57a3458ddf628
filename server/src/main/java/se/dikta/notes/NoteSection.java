package se.dikta.notes;

import java.util.regex.Pattern;

/**
 * One section of a note: a key from the template ({@code KONTAKT}, {@code BEDOMNING}, ...) and its text.
 * Keys are upper-case ASCII so that they can name a search field.
 */
public record NoteSection(String key, String text) {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public NoteSection {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid section key '" + key + "'");
        }
        text = text == null ? "" : text;
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
