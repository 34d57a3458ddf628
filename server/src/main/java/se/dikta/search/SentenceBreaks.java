package se.dikta.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries of a journal note for snippets: after a sentence's terminator ({@code . ! ? …}, possibly
 * followed by closing quotes or brackets) and the white space after it, and after a line break. A full stop
 * followed by a lower-case word ("t.ex. skolan", "kl. 14") does not end a sentence.
 *
 * <p><b>Why not the JDK's sentence iterator.</b> The highlighter asks for the boundaries around every match
 * (preceding and following, several times per passage to reach the passage length), and the rule-based JDK
 * iterator re-runs its state machine, backwards too, for each question: about half of the snippets' cost for a
 * page of 20 notes. Journal text needs only these few rules, so the boundaries are found in one forward scan when
 * the text is set, and every question is a binary search.
 */
final class SentenceBreaks extends BreakIterator {

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int count = 1;
    private int current;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        int begin = newText.getBeginIndex();
        int end = newText.getEndIndex();
        char[] chars = new char[end - begin];
        int i = 0;
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            chars[i++] = c;
        }
        newText.first();
        scan(chars, begin);
        current = 0;
    }

    private void scan(char[] chars, int begin) {
        int[] found = new int[8];
        int n = 0;
        found[n++] = begin;
        int i = 0;
        while (i < chars.length) {
            char c = chars[i];
            int boundary = -1;
            if (c == '\n' || c == '\r' || c == '\u2029') {
                int j = i + 1;
                while (j < chars.length && Character.isWhitespace(chars[j])) {
                    j++;
                }
                boundary = j;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i + 1;
                while (j < chars.length && (isTerminator(chars[j]) || isClosing(chars[j]))) {
                    j++;
                }
                int afterTerminators = j;
                while (j < chars.length && Character.isWhitespace(chars[j])) {
                    j++;
                }
                boolean spaced = j > afterTerminators || j == chars.length;
                boolean abbreviation = c == '.' && j < chars.length && Character.isLowerCase(chars[j])
                        || c == '.' && j < chars.length && Character.isDigit(chars[j]);
                boundary = spaced && !abbreviation ? j : -1;
                i = afterTerminators - 1;
            }
            if (boundary > 0 && boundary < chars.length) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = begin + boundary;
                i = boundary;
            } else {
                i++;
            }
        }
        if (found[n - 1] != begin + chars.length) {
            if (n == found.length) {
                found = Arrays.copyOf(found, n + 1);
            }
            found[n++] = begin + chars.length;
        }
        bounds = found;
        count = n;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '»' || c == '”' || c == '’';
    }

    @Override
    public int first() {
        current = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        current = count - 1;
        return bounds[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= count) {
            current = target < 0 ? 0 : count - 1;
            return DONE;
        }
        current = target;
        return bounds[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        check(offset);
        // index of the first boundary > offset
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        i = i >= 0 ? i + 1 : -i - 1;
        if (i >= count) {
            current = count - 1;
            return DONE;
        }
        current = i;
        return bounds[i];
    }

    @Override
    public int preceding(int offset) {
        check(offset);
        // index of the last boundary < offset
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        i = (i >= 0 ? i : -i - 1) - 1;
        if (i < 0) {
            current = 0;
            return DONE;
        }
        current = i;
        return bounds[i];
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        if (i >= 0) {
            current = i;
            return true;
        }
        following(offset);
        return false;
    }

    @Override
    public int current() {
        return bounds[current];
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    private void check(int offset) {
        if (offset < bounds[0] || offset > bounds[count - 1]) {
            throw new IllegalArgumentException("offset " + offset + " outside the text");
        }
    }
}
