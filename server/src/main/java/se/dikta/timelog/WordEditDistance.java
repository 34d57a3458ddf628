package se.dikta.timelog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of the structured proposal the worker changed before signing: the Levenshtein distance
 * counted in words (insertions, deletions and substitutions of whole words). Punctuation and spacing
 * are ignored so that moving a comma does not count as a changed word; case is kept, since
 * correcting a name's capital letter is a real correction.
 */
public final class WordEditDistance {

    /** Words as the notes count them (NoteText): "19840312-4567", "14.00" and "BUP-kontakt" are one word each. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’:.,/][\\p{L}\\p{N}]+)*");

    private WordEditDistance() {
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    public static int count(String text) {
        return words(text).size();
    }

    public static int between(String proposal, String finalText) {
        return between(words(proposal), words(finalText));
    }

    /** Two-row dynamic programme: O(n·m) time, O(m) memory. */
    static int between(List<String> a, List<String> b) {
        if (a.isEmpty()) {
            return b.size();
        }
        if (b.isEmpty()) {
            return a.size();
        }
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            String word = a.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (word.equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
