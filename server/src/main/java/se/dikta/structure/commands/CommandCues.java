package se.dikta.structure.commands;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tagged outside text shows about single words (each seen at least three times), for the command model:
 * the words mostly before a noun (determiners and adjectives: "en", "varje", "viktig"), the words that often
 * follow an infinitive, or as a particle or adverb a finite verb (particles and objects: "hem", "överens",
 * "ihåg"), and the words an infinitive often follows within three words of the same clause ("ska", "vill", "att",
 * "försöker"). Immutable.
 */
public record CommandCues(Set<String> nounModifiers, Set<String> afterInfinitive, Set<String> governors,
                          Set<String> linkers) {

    private static final int MIN_CUE_COUNT = 3;
    /** A particle or adverb such as "hem" follows finite verbs too ("kom hem", "komma hem"); a subject does not count. */
    private static final Set<String> PARTICLE_TAGS = Set.of("ADV", "PART");
    private static final int GOVERNED_WITHIN = 3;
    /** Conjunctions and subordinators ("och", "men", "att", "om", "som" as a relative): they link one clause to another. */
    private static final Set<String> LINKER_TAGS = Set.of("CONJ", "CCONJ", "SCONJ");

    public CommandCues {
        nounModifiers = Set.copyOf(nounModifiers);
        afterInfinitive = Set.copyOf(afterInfinitive);
        governors = Set.copyOf(governors);
        linkers = Set.copyOf(linkers);
    }

    /**
     * @param runs tokens of dictations in the spoken condition, command tokens in upper case
     * @param tags parallel part-of-speech tags (INF for infinitives, CMD for command tokens, X for a word of
     *             text without tags, which is not counted)
     */
    public static CommandCues of(List<List<String>> runs, List<List<String>> tags) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Integer> linked = new HashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            List<String> tokens = runs.get(r);
            for (int i = 0; i < tokens.size(); i++) {
                String tag = tags.get(r).get(i);
                if (tag.equals("CMD") || tag.equals("X")) {
                    continue; // a command, or a word of untagged text: no evidence either way
                }
                int[] c = counts.computeIfAbsent(tokens.get(i), k -> new int[4]);
                c[0]++;
                c[1] += i + 1 < tokens.size() && tags.get(r).get(i + 1).equals("NOUN") ? 1 : 0;
                c[2] += i > 0 && (tags.get(r).get(i - 1).equals("INF")
                        || tags.get(r).get(i - 1).equals("VERB") && PARTICLE_TAGS.contains(tags.get(r).get(i))) ? 1 : 0;
                c[3] += governsInfinitive(tags.get(r), i) ? 1 : 0;
                linked.merge(tokens.get(i), LINKER_TAGS.contains(tags.get(r).get(i)) ? 1 : 0, Integer::sum);
            }
        }
        Set<String> modifiers = new HashSet<>();
        Set<String> afterInfinitive = new HashSet<>();
        Set<String> governors = new HashSet<>();
        Set<String> linkers = new HashSet<>();
        counts.forEach((word, c) -> {
            if (c[0] >= MIN_CUE_COUNT && 5 * linked.get(word) >= c[0]) {
                linkers.add(word);
            }
            if (c[0] >= MIN_CUE_COUNT && 2 * c[1] >= c[0]) {
                modifiers.add(word);
            }
            if (c[0] >= MIN_CUE_COUNT && 4 * c[2] >= c[0]) {
                afterInfinitive.add(word);
            }
            if (c[0] >= MIN_CUE_COUNT && 5 * c[3] >= 2 * c[0]) {
                governors.add(word);
            }
        });
        return new CommandCues(modifiers, afterInfinitive, governors, linkers);
    }

    /** An infinitive follows within three words of the same clause ("ska inte komma", "att kunna"). */
    private static boolean governsInfinitive(List<String> tags, int i) {
        for (int k = i + 1; k <= i + GOVERNED_WITHIN && k < tags.size() && !tags.get(k).equals("CMD"); k++) {
            if (tags.get(k).equals("INF")) {
                return true;
            }
        }
        return false;
    }
}
