package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words a Swedish recogniser confuses, derived from a vocabulary: two words are confusable when their
 * pronunciation keys are equal or one edit apart. The key folds the spellings of one sound ("sj", "skj",
 * "stj", "sk" before a front vowel → one letter; "tj", "k" before a front vowel; "dj", "gj", "hj", "lj" → "j";
 * double consonants; "o"/"å" and "e"/"ä"), so "sjuk"/"skjuk", "mötet"/"möte", "tretton"/"trettio" are near and
 * "berättar"/"kommun" are not. Number pairs a recogniser mixes up are added by hand. Immutable.
 */
public final class SwedishConfusions {

    /** Numbers heard as other numbers. */
    private static final List<List<String>> NUMBER_PAIRS = List.of(
            List.of("tretton", "trettio"), List.of("fjorton", "fyrtio"), List.of("femton", "femtio"),
            List.of("sexton", "sextio"), List.of("sjutton", "sjuttio"), List.of("arton", "åttio"),
            List.of("nitton", "nittio"), List.of("två", "tre"), List.of("sju", "sjuk"), List.of("tio", "tjugo"),
            List.of("elva", "tolv"), List.of("fyra", "fem"), List.of("halv", "kvart"));

    /** Words never produced as a confusion: dictation commands would add commands the speaker never said. */
    private static final Set<String> NEVER = Set.of("punkt", "komma", "kolon", "frågetecken", "utropstecken",
            "rubrik", "radera", "stryk", "nej", "förlåt");

    private final Map<String, List<String>> confusions;

    private SwedishConfusions(Map<String, List<String>> confusions) {
        this.confusions = confusions;
    }

    public static SwedishConfusions derive(Set<String> vocabulary) {
        Map<String, Set<String>> byDeletion = new HashMap<>();
        for (String word : new TreeSet<>(vocabulary)) {
            if (word.length() < 2 || NEVER.contains(word)) {
                continue;
            }
            String key = key(word);
            byDeletion.computeIfAbsent(key, k -> new TreeSet<>()).add(word);
            for (int i = 0; i < key.length(); i++) {
                byDeletion.computeIfAbsent(key.substring(0, i) + key.substring(i + 1), k -> new TreeSet<>()).add(word);
            }
        }
        Map<String, Set<String>> near = new HashMap<>();
        for (Set<String> group : byDeletion.values()) {
            if (group.size() < 2 || group.size() > 12) {
                continue; // very crowded keys are short words: too many and too arbitrary
            }
            for (String a : group) {
                for (String b : group) {
                    if (!a.equals(b)) {
                        near.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                    }
                }
            }
        }
        for (List<String> pair : NUMBER_PAIRS) {
            near.computeIfAbsent(pair.get(0), k -> new TreeSet<>()).add(pair.get(1));
            near.computeIfAbsent(pair.get(1), k -> new TreeSet<>()).add(pair.get(0));
        }
        Map<String, List<String>> result = new HashMap<>();
        near.forEach((word, others) -> result.put(word, List.copyOf(others)));
        return new SwedishConfusions(result);
    }

    /** The confusable words for {@code word} (sorted), empty when there are none. */
    public List<String> of(String word) {
        return confusions.getOrDefault(word, List.of());
    }

    public int size() {
        return confusions.size();
    }

    /** A rough pronunciation key of a Swedish spelling. */
    static String key(String word) {
        String w = word;
        w = w.replaceAll("(skj|stj|sj|sch)", "§");
        w = w.replaceAll("sk([eiyäö])", "§$1");
        w = w.replaceAll("(tj|kj)", "ç");
        w = w.replaceAll("k([eiyäö])", "ç$1");
        w = w.replaceAll("^(dj|gj|hj|lj)", "j");
        w = w.replaceAll("g([eiyäö])", "j$1");
        w = w.replace('å', 'o').replace('ä', 'e').replace("ck", "k").replace('z', 's').replace('c', 's');
        StringBuilder out = new StringBuilder();
        for (char c : w.toCharArray()) {
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** All words with at least one confusion, for the report. */
    public List<String> words() {
        return new ArrayList<>(new TreeSet<>(confusions.keySet()));
    }
}
