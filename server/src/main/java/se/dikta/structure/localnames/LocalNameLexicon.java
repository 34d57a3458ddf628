package se.dikta.structure.localnames;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.entities.Lexicon;

/**
 * A unit's local names as lexicon entries, under the list names the name finder was trained with (so a local
 * school gets the same "lex=organizations" context as BUP does).
 */
public final class LocalNameLexicon {

    private LocalNameLexicon() {
    }

    public static Map<List<String>, Lexicon.Entry> entries(List<LocalName> names) {
        Map<List<String>, Lexicon.Entry> entries = new HashMap<>();
        for (LocalName name : names) {
            List<String> words = List.of(name.spoken().split(" "));
            entries.put(words, new Lexicon.Entry(name.written(), Optional.of(name.type()), false, list(name.type())));
        }
        return entries;
    }

    private static String list(EntityCategory type) {
        return switch (type) {
            case PLACE -> "places";
            case ORGANIZATION -> "organizations";
            default -> "surnames";
        };
    }
}
