package se.dikta.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishMinimalStemmer;

/**
 * Splits Swedish compounds into known words: "barnavårdsutredningen" → barn, vård, utredningen; "hembesök" →
 * hem, besök. A split needs a head of at least four letters and a modifier of at least three, both known words
 * (the head also in an inflected form: "utredningen"), the modifier possibly with a linking letter
 * ("arbets-", "barna-") or itself a compound. The longest head wins. Words come from
 * {@code /search/compound-words.txt}, generated from the training corpus by
 * {@code models/search/build-compound-dictionary.py}; Swedish stop words never count as parts.
 *
 * <p>Which compounds are <em>known</em> ({@link #isKnown}: indexed as one term when written apart) is wider than
 * the corpus: also every compound of the general word lists ({@code /search/known-compounds.txt}, hunspell-sv and
 * wswedish, same script) that splits into exactly two known words that are not compounds — "vårdplan" is vård + plan although the corpus
 * only has "vårdplanering". Those words never become parts themselves, so splitting is unchanged. Immutable.
 */
public final class CompoundSplitter {

    static final String RESOURCE = "/search/compound-words.txt";
    static final String COMPOUNDS_RESOURCE = "/search/known-compounds.txt";

    private static final int MIN_WORD = 7;
    static final int MIN_HEAD = 4;
    private static final int MIN_MODIFIER = 3;
    private static final String LINKING = "saeuo";
    private static final String[] ENDINGS = {"arna", "erna", "orna", "ens", "ets", "en", "et", "na", "ar", "er",
        "or", "n", "t", "s"};

    private final Set<String> words;
    private final Map<String, List<String>> byStem;
    /** Stems of the known words and known compounds. */
    private final Set<String> stems;
    /** The known words and the two-part compounds of the word lists. */
    private final Set<String> compounds;
    /** Stateless. */
    private final SwedishMinimalStemmer stemmer = new SwedishMinimalStemmer();

    public CompoundSplitter(Set<String> words) {
        this(words, Set.of());
    }

    /**
     * @param words the known words compounds split into (and known compounds themselves)
     * @param compounds further known compounds: those that split into exactly two of {@code words}, neither itself
     *        a compound, are kept
     */
    public CompoundSplitter(Set<String> words, Set<String> compounds) {
        CharArraySet stop = SwedishAnalyzer.getDefaultStopSet();
        Set<String> known = new HashSet<>();
        for (String w : words) {
            if (w.length() >= MIN_MODIFIER && !stop.contains(w)) {
                known.add(w);
            }
        }
        this.words = Set.copyOf(known);
        Map<String, List<String>> stems = new HashMap<>();
        for (String w : this.words) {
            char[] chars = w.toCharArray();
            String stem = new String(chars, 0, stemmer.stem(chars, chars.length));
            if (!stem.equals(w)) {
                stems.computeIfAbsent(stem, k -> new ArrayList<>()).add(w);
            }
        }
        stems.replaceAll((k, v) -> List.copyOf(v));
        this.byStem = Map.copyOf(stems);
        Set<String> wordStems = new HashSet<>();
        for (String w : this.words) {
            wordStems.add(stem(stemmer, w));
        }
        for (String c : compounds) {
            List<String> parts = split(c);
            // Two simple words only: "barnbarnsbarn" (barn-barn-barn) is read as a longer compound's split.
            if (parts.size() == 2 && split(parts.get(0)).isEmpty() && split(parts.get(1)).isEmpty()) {
                wordStems.add(stem(stemmer, c));
                known.add(c);
            }
        }
        this.stems = Set.copyOf(wordStems);
        this.compounds = Set.copyOf(known);
    }

    private static String stem(SwedishMinimalStemmer stemmer, String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, stemmer.stem(chars, chars.length));
    }

    /**
     * A word of the dictionary, or an inflection of one (same stem, or a stem that is the word: the minimal stemmer
     * takes "vårdplan" to "vårdpla" but "vårdplanen" to "vårdplan"): only such compounds are indexed when written
     * apart ({@link CompoundJoinFilter}) — joining every two known words would index nearly every word pair.
     */
    boolean isKnown(String word) {
        if (compounds.contains(word)) {
            return true;
        }
        String stem = stem(stemmer, word);
        return stems.contains(stem) || compounds.contains(stem);
    }

    /**
     * The known words a term at a note position stands for as a compound's modifier: itself, and the words
     * that stem to it ("boendet" is also indexed as "boend", which a search for "boendepersonal" meets as
     * "boende"). Empty when none.
     */
    List<String> modifiersFor(String term) {
        List<String> same = byStem.getOrDefault(term, List.of());
        if (!words.contains(term)) {
            return same;
        }
        List<String> all = new ArrayList<>(same);
        all.add(term);
        return all;
    }

    /** The splitter over the word list packaged with the server. */
    public static CompoundSplitter packaged() {
        return Packaged.SPLITTER;
    }

    /** Loaded once, on first use (checking the word lists' compounds takes a few hundred ms); immutable. */
    private static final class Packaged {
        static final CompoundSplitter SPLITTER = new CompoundSplitter(wordList(RESOURCE), wordList(COMPOUNDS_RESOURCE));
    }

    private static Set<String> wordList(String resource) {
        try (InputStream in = CompoundSplitter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of a compound (lower-case word), modifier parts first; empty when it is not one. */
    public List<String> split(String word) {
        if (word.length() < MIN_WORD) {
            return List.of();
        }
        for (int k = MIN_MODIFIER; k <= word.length() - MIN_HEAD; k++) {
            String head = word.substring(k);
            if (!isHead(head)) {
                continue;
            }
            List<String> modifier = modifier(word.substring(0, k));
            if (!modifier.isEmpty()) {
                List<String> parts = new ArrayList<>(modifier);
                parts.add(head);
                return parts;
            }
        }
        return List.of();
    }

    /**
     * Whether {@code modifier} followed by {@code head} (with or without a linking letter) can split into exactly
     * these two parts: a cheap necessary condition checked before {@link #split} on the joined word.
     */
    boolean mayJoin(String modifier, String head) {
        return modifier.length() >= MIN_MODIFIER && head.length() >= MIN_HEAD
                && modifier.length() + head.length() >= MIN_WORD - 1 && words.contains(modifier) && isHead(head);
    }

    private List<String> modifier(String m) {
        if (words.contains(m)) {
            return List.of(m);
        }
        String bare = m.substring(0, m.length() - 1);
        if (LINKING.indexOf(m.charAt(m.length() - 1)) >= 0 && bare.length() >= MIN_MODIFIER) {
            if (words.contains(bare)) {
                return List.of(bare);
            }
            List<String> inner = split(bare);
            if (!inner.isEmpty()) {
                return inner;
            }
        }
        return split(m);
    }

    private boolean isHead(String head) {
        if (words.contains(head)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (head.endsWith(ending) && head.length() - ending.length() >= MIN_HEAD
                    && words.contains(head.substring(0, head.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }
}
