package se.dikta.structure.model;

import java.util.Set;
import se.dikta.structure.classify.SectionClassifier;
import se.dikta.structure.classify.SectionTransitions;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.entities.NameRecognizer;
import se.dikta.structure.segment.BoundaryModel;

/** Everything learned from models/nlp, shared read-only by all requests. */
public record NlpModels(BoundaryModel boundaries, SectionClassifier sections, SectionTransitions transitions,
                        NameRecognizer names, Lexicon lexicon, Set<String> ordinaryWords, String fingerprint) {

    public NlpModels {
        ordinaryWords = Set.copyOf(ordinaryWords);
    }
}
