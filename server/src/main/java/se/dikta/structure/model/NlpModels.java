package se.dikta.structure.model;

import se.dikta.structure.classify.SectionClassifier;
import se.dikta.structure.classify.SectionTransitions;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.entities.NameRecognizer;
import se.dikta.structure.segment.BoundaryModel;

/** Everything learned from models/nlp, shared read-only by all requests. */
public record NlpModels(BoundaryModel boundaries, SectionClassifier sections, SectionTransitions transitions,
                        NameRecognizer names, Lexicon lexicon, String fingerprint) {
}
