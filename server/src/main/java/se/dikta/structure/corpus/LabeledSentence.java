package se.dikta.structure.corpus;

import java.util.List;
import se.dikta.structure.core.SectionKey;

/** A training sentence in recogniser form with its section. */
public record LabeledSentence(SectionKey key, List<String> words) {

    public LabeledSentence {
        words = List.copyOf(words);
    }
}
