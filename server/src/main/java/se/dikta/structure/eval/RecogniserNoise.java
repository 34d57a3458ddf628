package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import se.dikta.structure.eval.HeldOutNote.GoldSentence;

/**
 * Corrupts held-out transcripts the way a recogniser does, seeded, at a chosen word error rate: substitutions
 * from {@link SwedishConfusions}, deleted short function words, compounds split in two ("hembesök" → "hem
 * besök", two errors: a substitution and an insertion) and, rarely, two words joined. The transcripts carry
 * no spoken punctuation already. Gold sections, written forms and entities stay as they were, so the
 * evaluation shows what the errors cost. Immutable.
 */
public final class RecogniserNoise {

    /** Short words a recogniser drops. */
    private static final Set<String> FUNCTION_WORDS = Set.of("att", "och", "i", "på", "en", "ett", "det", "som",
            "är", "av", "för", "med", "till", "har", "om", "den", "de", "hon", "han", "var", "men", "så", "inte");

    private final SwedishConfusions confusions;
    private final Set<String> vocabulary;

    public RecogniserNoise(SwedishConfusions confusions, Set<String> vocabulary) {
        this.confusions = confusions;
        this.vocabulary = Set.copyOf(vocabulary);
    }

    /**
     * The note with its sentences' spoken words corrupted: errors are placed at random word positions until
     * they make {@code rate} (0..1) of the note's words, seeded by {@code seed} and the note.
     */
    public HeldOutNote corrupt(HeldOutNote note, double rate, long seed) {
        Random random = new Random(seed * 31 + note.id().hashCode());
        List<List<String>> clean = note.sentences().stream().map(GoldSentence::words).toList();
        List<List<List<String>>> slots = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        int total = 0;
        for (int s = 0; s < clean.size(); s++) {
            List<List<String>> sentence = new ArrayList<>();
            for (int w = 0; w < clean.get(s).size(); w++) {
                sentence.add(null);
                positions.add(new int[] {s, w});
            }
            slots.add(sentence);
            total += clean.get(s).size();
        }
        Collections.shuffle(positions, random);
        int budget = (int) Math.round(rate * total);
        int errors = 0;
        for (int[] at : positions) {
            if (errors >= budget) {
                break;
            }
            errors += corruptAt(clean.get(at[0]), slots.get(at[0]), at[1], random);
        }
        List<GoldSentence> sentences = new ArrayList<>();
        for (int s = 0; s < clean.size(); s++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < clean.get(s).size(); w++) {
                List<String> slot = slots.get(s).get(w);
                words.addAll(slot == null ? List.of(clean.get(s).get(w)) : slot);
            }
            GoldSentence g = note.sentences().get(s);
            sentences.add(new GoldSentence(String.join(" ", words.isEmpty() ? g.words() : words), g.written(),
                    g.section(), g.entities(), g.repairs(), g.noSource()));
        }
        return new HeldOutNote(note.id(), note.caseType(), note.template(), sentences);
    }

    /** Puts one error at word {@code w} if one fits there; returns the number of word errors made (0..2). */
    private int corruptAt(List<String> words, List<List<String>> slots, int w, Random random) {
        if (slots.get(w) != null) {
            return 0;
        }
        String word = words.get(w);
        int first = random.nextInt(10); // about 5 substitutions : 3 deletions : 2 compound splits or joins
        int kind = first < 5 ? 0 : first < 8 ? 1 : 2;
        for (int attempt = 0; attempt < 3; attempt++, kind = (kind + 1) % 3) {
            if (kind == 0 && !confusions.of(word).isEmpty()) {
                List<String> options = confusions.of(word);
                slots.set(w, List.of(options.get(random.nextInt(options.size()))));
                return 1;
            }
            if (kind == 1 && FUNCTION_WORDS.contains(word)) {
                slots.set(w, List.of());
                return 1;
            }
            if (kind == 2) {
                List<String> split = split(word);
                if (!split.isEmpty()) {
                    slots.set(w, split);
                    return 2;
                }
                if (w + 1 < words.size() && slots.get(w + 1) == null && vocabulary.contains(word + words.get(w + 1))) {
                    slots.set(w, List.of(word + words.get(w + 1)));
                    slots.set(w + 1, List.of());
                    return 2;
                }
            }
        }
        return 0;
    }

    /** A compound split where both parts are known words ("barnavårdsutredning" → "barnavårds utredning"). */
    private List<String> split(String word) {
        for (int k = 3; k <= word.length() - 3; k++) {
            String head = word.substring(0, k);
            String tail = word.substring(k);
            if (vocabulary.contains(tail) && (vocabulary.contains(head)
                    || head.endsWith("s") && vocabulary.contains(head.substring(0, head.length() - 1)))) {
                return List.of(head, tail);
            }
        }
        return List.of();
    }

    /** The word error rate actually applied: edit distance between the word lists over the clean length. */
    public static double wordErrorRate(List<String> clean, List<String> noisy) {
        int[] prev = new int[noisy.size() + 1];
        int[] cur = new int[noisy.size() + 1];
        for (int j = 0; j <= noisy.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= clean.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= noisy.size(); j++) {
                int sub = prev[j - 1] + (clean.get(i - 1).equals(noisy.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return clean.isEmpty() ? 0 : (double) prev[noisy.size()] / clean.size();
    }
}
