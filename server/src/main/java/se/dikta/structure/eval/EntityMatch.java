package se.dikta.structure.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import se.dikta.structure.entities.EntityCategory;

/**
 * Matches the entities a system found with the gold ones of a note: same type and text; the case of the first
 * letter counts only where neither opens its sentence. A sentence's first letter is capitalised whatever it is,
 * so "Den 8 januari" after a cut before the date is the gold "den 8 januari", and "polisen" after a missed cut the
 * gold "Polisen" that opened a sentence: the cut is the boundary score's error, not the entity's.
 */
final class EntityMatch {

    /** An entity: its type, its written text, whether it opens its sentence. */
    record Item(EntityCategory type, String text, boolean opensSentence) {

        String key() {
            return type.name() + "|" + text;
        }

        String folded() {
            return type.name() + "|" + (text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1));
        }
    }

    /** The found entities that match a gold one, the found ones that match none, the gold ones nothing matched. */
    record Outcome(List<Item> matched, List<Item> spurious, List<Item> missed) {
    }

    private EntityMatch() {
    }

    static Outcome match(List<Item> gold, List<Item> found) {
        List<Item> missed = new ArrayList<>(gold);
        List<Item> matched = new ArrayList<>();
        List<Item> rest = new ArrayList<>();
        for (Item f : found) {
            if (take(missed, g -> g.key().equals(f.key()))) {
                matched.add(f);
            } else {
                rest.add(f);
            }
        }
        List<Item> spurious = new ArrayList<>();
        for (Item f : rest) {
            if (take(missed, g -> (g.opensSentence() || f.opensSentence()) && g.folded().equals(f.folded()))) {
                matched.add(f);
            } else {
                spurious.add(f);
            }
        }
        return new Outcome(matched, spurious, missed);
    }

    private static boolean take(List<Item> items, Predicate<Item> test) {
        for (int k = 0; k < items.size(); k++) {
            if (test.test(items.get(k))) {
                items.remove(k);
                return true;
            }
        }
        return false;
    }
}
