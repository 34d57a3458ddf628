package se.dikta.structure.entities;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.dikta.structure.corpus.CorpusSource;

/**
 * Written spellings of names, places and organisations ({@code lexicon/*.txt}): one entry a line in
 * recogniser form, optionally {@code spoken<TAB>written} ("bup<TAB>BUP"); without a written form each word is
 * capitalised. The file name gives the entity type (first-names, surnames → PERSON; places → PLACE;
 * organizations → ORGANIZATION). Immutable after loading.
 */
public final class Lexicon {

    /** Names that are also everyday words ("dag", "bo", "hans"): capitalised only with more evidence. */
    private static final Set<String> EVERYDAY_WORDS = Set.of(
            "dag", "bo", "liv", "per", "maj", "sol", "björn", "sten", "klara", "hans", "minna", "august", "mark",
            "frank", "lo", "berg", "lund", "strand", "hall", "ek", "lind", "holm", "falk", "blom", "fors", "ström",
            "nord", "hed", "björk", "gran", "ros", "mo", "stig", "april", "juni", "juli", "bror", "vide",
            "ask", "al", "alm", "lönn", "asp", "rask", "hjort", "lax", "orm", "svan", "vall", "kvist", "lilja");

    /**
     * A lexicon entry: the written form, the entity type it implies if any, whether it is also an everyday
     * word, and the list it came from (the file name without ".txt", e.g. "surnames").
     */
    public record Entry(String written, Optional<EntityCategory> category, boolean everydayWord, String list) {
    }

    /** An entry found in a word sequence, spanning {@code length} words. */
    public record Match(Entry entry, int length) {
    }

    private final Map<List<String>, Entry> entries;
    private final int longest;

    public Lexicon(Map<List<String>, Entry> entries) {
        this.entries = Map.copyOf(entries);
        this.longest = entries.keySet().stream().mapToInt(List::size).max().orElse(1);
    }

    public static Lexicon read(CorpusSource source) throws IOException {
        Map<List<String>, Entry> entries = new HashMap<>();
        for (String path : source.list("lexicon", ".txt")) {
            Optional<EntityCategory> category = categoryOfFile(path);
            String list = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.txt$", "");
            for (String line : source.read(path).split("\r?\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int tab = trimmed.indexOf('\t');
                String spoken = (tab < 0 ? trimmed : trimmed.substring(0, tab)).strip().toLowerCase(Locale.ROOT);
                String written = tab < 0 ? capitaliseWords(spoken) : trimmed.substring(tab + 1).strip();
                List<String> words = List.of(spoken.split("\\s+"));
                boolean everyday = words.size() == 1 && EVERYDAY_WORDS.contains(spoken);
                // The first file (in name order) to define a phrase wins, keeping the result deterministic.
                entries.putIfAbsent(words, new Entry(written, category, everyday, list));
            }
        }
        return new Lexicon(entries);
    }

    private static Optional<EntityCategory> categoryOfFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.contains("name")) {
            return Optional.of(EntityCategory.PERSON);
        }
        if (name.startsWith("place") || name.contains("street")) {
            return Optional.of(EntityCategory.PLACE);
        }
        if (name.startsWith("organi")) {
            return Optional.of(EntityCategory.ORGANIZATION);
        }
        return Optional.empty();
    }

    static String capitaliseWords(String spoken) {
        StringBuilder out = new StringBuilder(spoken.length());
        for (String word : spoken.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return out.toString();
    }

    /** The longest entry starting at {@code from}; a person name also in the genitive ("kenans" → "Kenans"). */
    public Optional<Match> match(List<String> words, int from) {
        for (int len = Math.min(longest, words.size() - from); len >= 1; len--) {
            Entry entry = entries.get(words.subList(from, from + len));
            if (entry != null) {
                return Optional.of(new Match(entry, len));
            }
        }
        String word = words.get(from);
        if (word.length() > 2 && word.endsWith("s")) {
            Entry base = entries.get(List.of(word.substring(0, word.length() - 1)));
            if (base != null && !base.everydayWord() && base.category().orElse(null) == EntityCategory.PERSON) {
                return Optional.of(new Match(new Entry(base.written() + "s", base.category(), false, base.list()), 1));
            }
        }
        return Optional.empty();
    }

    /**
     * For each word, the lexicon lists it belongs to ("lex=first-names", "lex=organizations", and
     * "lex=everyday" for names that are also everyday words): extra context for the name finder.
     */
    public String[][] contexts(List<String> words) {
        String[][] contexts = new String[words.size()][];
        Arrays.fill(contexts, new String[0]);
        for (int i = 0; i < words.size(); i++) {
            Optional<Match> match = match(words, i);
            if (match.isPresent()) {
                Entry entry = match.get().entry();
                String[] features = entry.everydayWord()
                        ? new String[] {"lex=" + entry.list(), "lex=everyday"} : new String[] {"lex=" + entry.list()};
                for (int k = i; k < i + match.get().length(); k++) {
                    contexts[k] = features;
                }
            }
        }
        return contexts;
    }

    /**
     * This lexicon with more entries (a unit's local names), which win over entries for the same words. The
     * list name of an addition should be one the name finder was trained with ("surnames", "places",
     * "organizations") so that it gives the same context.
     */
    public Lexicon plus(Map<List<String>, Entry> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<List<String>, Entry> all = new HashMap<>(entries);
        all.putAll(more);
        return new Lexicon(all);
    }

    /** Single-word entries of a list ("first-names", "surnames") that are not also everyday words. */
    public Set<String> words(String list) {
        Set<String> words = new HashSet<>();
        entries.forEach((phrase, entry) -> {
            if (phrase.size() == 1 && !entry.everydayWord() && entry.list().equals(list)) {
                words.add(phrase.get(0));
            }
        });
        return words;
    }

    /** Single-word entries of a list that are everyday words too ("lind", "berg" among the surnames). */
    public Set<String> everydayWords(String list) {
        Set<String> words = new HashSet<>();
        entries.forEach((phrase, entry) -> {
            if (phrase.size() == 1 && entry.everydayWord() && entry.list().equals(list)) {
                words.add(phrase.get(0));
            }
        });
        return words;
    }

    public int size() {
        return entries.size();
    }
}
