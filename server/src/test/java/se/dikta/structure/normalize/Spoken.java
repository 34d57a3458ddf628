package se.dikta.structure.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: normalise a space-separated spoken sentence. */
final class Spoken {

    static final SpokenNumberNormalizer NORMALIZER = new SpokenNumberNormalizer();

    private Spoken() {
    }

    static List<String> words(String spoken) {
        return Arrays.asList(spoken.split(" "));
    }

    static List<WrittenToken> tokens(String spoken) {
        return NORMALIZER.normalize(words(spoken));
    }

    /** The written tokens joined by single spaces. */
    static String written(String spoken) {
        return tokens(spoken).stream().map(WrittenToken::text).collect(Collectors.joining(" "));
    }

    /** The only token that carries an entity. */
    static WrittenToken entity(String spoken) {
        List<WrittenToken> entities = tokens(spoken).stream().filter(t -> t.entity() != null).toList();
        if (entities.size() != 1) {
            throw new AssertionError("expected one entity in '" + spoken + "' but got " + entities);
        }
        return entities.get(0);
    }
}
