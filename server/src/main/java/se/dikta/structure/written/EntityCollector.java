package se.dikta.structure.written;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.entities.NameSpan;
import se.dikta.structure.written.Piece.Kind;

/**
 * The entities of a written sentence, with offsets into its text: what a rule found (dates, personnummer ...),
 * the accepted names, then single pieces the lexicon or the street test marked; a street's number joins the
 * place and adjacent person names merge into one person.
 */
final class EntityCollector {

    private EntityCollector() {}

    static List<FoundEntity> collect(List<Piece> pieces, List<NameSpan> names, int[] start, int[] end,
            CharSequence text, Predicate<String> isStreet) {
        List<FoundEntity> found = new ArrayList<>();
        boolean[] taken = new boolean[pieces.size()];
        for (int p = 0; p < pieces.size(); p++) {
            if (pieces.get(p).kind == Kind.RULE) {
                found.add(entity(pieces.get(p).category, start[p], end[p], text));
                taken[p] = true;
            }
        }
        for (NameSpan name : names) {
            int first = -1;
            int last = -1;
            for (int p = 0; p < pieces.size(); p++) {
                if (pieces.get(p).overlaps(name.from(), name.to()) && !taken[p]) {
                    first = first < 0 ? p : first;
                    last = p;
                }
            }
            if (first >= 0) {
                last = withStreetNumber(pieces, name.category() == EntityCategory.PLACE, last);
                found.add(entity(name.category(), start[first], end[last], text));
                for (int p = first; p <= last; p++) {
                    taken[p] = true;
                }
            }
        }
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            boolean street = piece.kind == Kind.WORD && piece.category == null && isStreet.test(words(piece));
            EntityCategory category = street ? EntityCategory.PLACE : piece.category;
            if (category == null || taken[p] || piece.kind == Kind.RULE) {
                continue;
            }
            int last = withStreetNumber(pieces, category == EntityCategory.PLACE, p);
            found.add(entity(category, start[p], end[last], text));
            p = last;
        }
        found.sort(Comparator.comparingInt(FoundEntity::start));
        return mergeAdjacentPersons(found, text);
    }

    private static String words(Piece piece) {
        return piece.text.toLowerCase(Locale.ROOT);
    }

    /** "Storgatan 12": the number the normaliser wrote after a street belongs to the place. */
    private static int withStreetNumber(List<Piece> pieces, boolean street, int last) {
        if (street && last + 1 < pieces.size() && pieces.get(last + 1).kind == Kind.NORMALISED
                && pieces.get(last + 1).text.chars().allMatch(Character::isDigit)) {
            return last + 1;
        }
        return last;
    }

    /** "Jeanette Sundqvist": a first name and a surname found separately are one person. */
    private static List<FoundEntity> mergeAdjacentPersons(List<FoundEntity> sorted, CharSequence text) {
        List<FoundEntity> merged = new ArrayList<>(sorted.size());
        for (FoundEntity e : sorted) {
            FoundEntity previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && previous.category() == EntityCategory.PERSON
                    && e.category() == EntityCategory.PERSON && e.start() == previous.end() + 1
                    && text.charAt(previous.end()) == ' ') {
                merged.set(merged.size() - 1, entity(EntityCategory.PERSON, previous.start(), e.end(), text));
            } else {
                merged.add(e);
            }
        }
        return merged;
    }

    private static FoundEntity entity(EntityCategory category, int start, int end, CharSequence text) {
        return new FoundEntity(text.subSequence(start, end).toString(), category, start, end);
    }
}
