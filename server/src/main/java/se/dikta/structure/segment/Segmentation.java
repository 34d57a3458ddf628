package se.dikta.structure.segment;

import java.util.List;

/** The sentences of a dictation, and those the speaker deleted with a correction command. */
public record Segmentation(List<SpokenSentence> sentences, List<SpokenSentence> removed) {

    public Segmentation {
        sentences = List.copyOf(sentences);
        removed = List.copyOf(removed);
    }
}
