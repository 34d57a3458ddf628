package se.dikta.structure.corpus;

import java.util.List;

/** One dictated note of the section corpus: its sentences in dictation order. */
public record CorpusNote(String source, List<LabeledSentence> sentences) {

    public CorpusNote {
        sentences = List.copyOf(sentences);
    }
}
