package se.dikta.structure.normalize;

import static se.dikta.structure.normalize.MorphemeKind.HUNDRED;
import static se.dikta.structure.normalize.MorphemeKind.MILLIARD;
import static se.dikta.structure.normalize.MorphemeKind.MILLION;
import static se.dikta.structure.normalize.MorphemeKind.TEEN;
import static se.dikta.structure.normalize.MorphemeKind.TENS;
import static se.dikta.structure.normalize.MorphemeKind.THOUSAND;
import static se.dikta.structure.normalize.MorphemeKind.UNIT;
import static se.dikta.structure.normalize.MorphemeKind.ZERO;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one recogniser word into Swedish number morphemes: "tjugofem" → [tjugo, fem],
 * "tretusenfemhundra" → [tre, tusen, fem, hundra], "tjugoförsta" → [tjugo, första]. A word is a
 * number word only if it splits completely into morphemes that form one valid number, so "sextio"
 * is 60 (never 6 + 10), and "sexuell", "tiotal" or "entre" are not numbers.
 */
final class NumberLexicon {

    private static final Node ROOT = buildTrie();

    /** The morphemes of {@code word}, or null when it is not a number word. */
    Morpheme[] decompose(String word) {
        if (!startsWithMorpheme(word)) {
            return null;
        }
        List<Morpheme> out = new ArrayList<>(4);
        return split(word, 0, NumberState.EMPTY, out) ? out.toArray(new Morpheme[0]) : null;
    }

    /** Cheap rejection of most ordinary words before any allocation. */
    private static boolean startsWithMorpheme(String word) {
        Node node = ROOT;
        for (int i = 0; i < word.length(); i++) {
            node = node.child(word.charAt(i));
            if (node == null) {
                return false;
            }
            if (node.morphemes != null) {
                return true;
            }
        }
        return false;
    }

    /** Depth-first split, longest morpheme first, pruned by the number grammar. */
    private static boolean split(String word, int from, NumberState state, List<Morpheme> out) {
        if (from == word.length()) {
            return true;
        }
        int[] ends = new int[12];
        Morpheme[][] found = new Morpheme[12][];
        int count = 0;
        Node node = ROOT;
        for (int i = from; i < word.length() && node != null; i++) {
            node = node.child(word.charAt(i));
            if (node != null && node.morphemes != null && count < ends.length) {
                ends[count] = i + 1;
                found[count++] = node.morphemes;
            }
        }
        for (int c = count - 1; c >= 0; c--) {
            NumberState next = state;
            for (Morpheme m : found[c]) {
                next = next.next(m);
                if (next == null) {
                    break;
                }
            }
            if (next == null) {
                continue;
            }
            int size = out.size();
            out.addAll(Arrays.asList(found[c]));
            if (split(word, ends[c], next, out)) {
                return true;
            }
            out.subList(size, out.size()).clear();
        }
        return false;
    }

    private static Node buildTrie() {
        Node root = new Node();
        add(root, ZERO, 0, false, "noll");
        add(root, UNIT, 1, false, "en", "ett");
        add(root, UNIT, 2, false, "två");
        add(root, UNIT, 3, false, "tre");
        add(root, UNIT, 4, false, "fyra");
        add(root, UNIT, 5, false, "fem");
        add(root, UNIT, 6, false, "sex");
        add(root, UNIT, 7, false, "sju");
        add(root, UNIT, 8, false, "åtta");
        add(root, UNIT, 9, false, "nio");
        add(root, TEEN, 10, false, "tio");
        add(root, TEEN, 11, false, "elva");
        add(root, TEEN, 12, false, "tolv");
        add(root, TEEN, 13, false, "tretton");
        add(root, TEEN, 14, false, "fjorton");
        add(root, TEEN, 15, false, "femton");
        add(root, TEEN, 16, false, "sexton");
        add(root, TEEN, 17, false, "sjutton");
        add(root, TEEN, 18, false, "arton", "aderton");
        add(root, TEEN, 19, false, "nitton");
        // Colloquial spellings ("tretti", "fyrti", "sjutti", "nitti", "tju") appear in recogniser output.
        add(root, TENS, 20, false, "tjugo", "tjugu", "tju");
        add(root, TENS, 30, false, "trettio", "tretti");
        add(root, TENS, 40, false, "fyrtio", "fyrti", "förti");
        add(root, TENS, 50, false, "femtio", "femti");
        add(root, TENS, 60, false, "sextio", "sexti");
        add(root, TENS, 70, false, "sjuttio", "sjutti");
        add(root, TENS, 80, false, "åttio", "åtti");
        add(root, TENS, 90, false, "nittio", "nitti");
        add(root, HUNDRED, 100, false, "hundra");
        add(root, THOUSAND, 1000, false, "tusen");
        add(root, MILLION, 0, false, "miljon", "miljoner");
        add(root, MILLIARD, 0, false, "miljard", "miljarder");
        put(root, "ettusen", new Morpheme(UNIT, 1, false), new Morpheme(THOUSAND, 1000, false));

        add(root, UNIT, 1, true, "första", "förste");
        add(root, UNIT, 2, true, "andra", "andre");
        add(root, UNIT, 3, true, "tredje");
        add(root, UNIT, 4, true, "fjärde");
        add(root, UNIT, 5, true, "femte");
        add(root, UNIT, 6, true, "sjätte");
        add(root, UNIT, 7, true, "sjunde");
        add(root, UNIT, 8, true, "åttonde");
        add(root, UNIT, 9, true, "nionde");
        add(root, TEEN, 10, true, "tionde");
        add(root, TEEN, 11, true, "elfte");
        add(root, TEEN, 12, true, "tolfte");
        add(root, TEEN, 13, true, "trettonde");
        add(root, TEEN, 14, true, "fjortonde");
        add(root, TEEN, 15, true, "femtonde");
        add(root, TEEN, 16, true, "sextonde");
        add(root, TEEN, 17, true, "sjuttonde");
        add(root, TEEN, 18, true, "artonde", "adertonde");
        add(root, TEEN, 19, true, "nittonde");
        add(root, TENS, 20, true, "tjugonde");
        add(root, TENS, 30, true, "trettionde");
        add(root, TENS, 40, true, "fyrtionde");
        add(root, TENS, 50, true, "femtionde");
        add(root, TENS, 60, true, "sextionde");
        add(root, TENS, 70, true, "sjuttionde");
        add(root, TENS, 80, true, "åttionde");
        add(root, TENS, 90, true, "nittionde");
        add(root, HUNDRED, 100, true, "hundrade");
        add(root, THOUSAND, 1000, true, "tusende");
        add(root, MILLION, 0, true, "miljonte");
        return root;
    }

    private static void add(Node root, MorphemeKind kind, int value, boolean ordinal, String... surfaces) {
        for (String surface : surfaces) {
            put(root, surface, new Morpheme(kind, value, ordinal));
        }
    }

    private static void put(Node root, String surface, Morpheme... morphemes) {
        Node node = root;
        for (int i = 0; i < surface.length(); i++) {
            node = node.childOrCreate(surface.charAt(i));
        }
        node.morphemes = morphemes;
    }

    /** Trie node; built once in the static initialiser and never changed afterwards. */
    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private Morpheme[] morphemes;

        Node child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        Node childOrCreate(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }
    }
}
