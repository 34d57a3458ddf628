package se.dikta.structure.written;

import java.util.List;

/**
 * A sentence in the form a social worker signs: capital first letter, final mark, numbers, names and
 * organisations written out; its entities; and the normaliser's flags (e.g. "invalid-checksum").
 */
public record WrittenSentence(String text, List<FoundEntity> entities, List<String> flags) {

    public WrittenSentence {
        entities = List.copyOf(entities);
        flags = List.copyOf(flags);
    }
}
