package se.dikta.notes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting words the way a word processor does: runs of letters and digits, "19840312-4567" counts as one. */
public final class NoteText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’:.,/][\\p{L}\\p{N}]+)*");

    private NoteText() {
    }

    public static int words(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
