package se.dikta.structure.model;

import java.util.Set;
import se.dikta.structure.classify.SectionClassifier;
import se.dikta.structure.classify.SectionTransitions;
import se.dikta.structure.commands.CommandModel;
import se.dikta.structure.entities.Lexicon;
import se.dikta.structure.entities.NameRecognizer;
import se.dikta.structure.segment.BoundaryModel;

/** Everything learned from models/nlp, shared read-only by all requests. */
public record NlpModels(BoundaryModel boundaries, CommandModel commands, SectionClassifier sections,
                        SectionTransitions transitions, NameRecognizer names, Lexicon lexicon,
                        Set<String> ordinaryWords, Set<String> commonWords, String fingerprint) {

    /**
     * @param ordinaryWords words the entity corpus only shows outside names
     * @param commonWords   lowercase common words from the Swedish word lists (words/*.txt): never a street name
     */
    public NlpModels {
        ordinaryWords = Set.copyOf(ordinaryWords);
        commonWords = Set.copyOf(commonWords);
    }
}
