package se.dikta.structure.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.dikta.structure.core.SectionKey;

/** Sections for the sentences of one note: the categoriser per sentence, then the neighbour step. Thread-safe. */
public final class SectionPredictor {

    /** Weight of the transitions against the categoriser, chosen by cross-validation over the training notes. */
    public static final double TRANSITION_WEIGHT = 0.5;

    private final SectionClassifier classifier;
    private final SectionSequencer sequencer;

    public SectionPredictor(SectionClassifier classifier, SectionTransitions transitions) {
        this.classifier = classifier;
        this.sequencer = new SectionSequencer(transitions, TRANSITION_WEIGHT);
    }

    /**
     * @param sentences the spoken words of each sentence, in dictation order
     * @param forced    the heading in force for each sentence, if any
     */
    public List<SectionDecision> predict(List<List<String>> sentences, List<Optional<SectionKey>> forced) {
        List<double[]> probabilities = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            probabilities.add(classifier.probabilities(sentences.get(i), i, sentences.size()));
        }
        return sequencer.decide(probabilities, forced);
    }
}
