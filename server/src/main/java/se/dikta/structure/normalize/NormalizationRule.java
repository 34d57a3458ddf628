package se.dikta.structure.normalize;

import java.util.List;

/** One rule of written Swedish, tried at a word position. Implementations are immutable. */
interface NormalizationRule {

    /** The tokens this rule writes for the words starting at {@code i}, or null when it does not apply. */
    Match apply(Sentence sentence, int i);

    /** What a rule wrote, and the index of the first word it did not consume. */
    record Match(List<WrittenToken> tokens, int end) {

        static Match of(WrittenToken token) {
            return new Match(List.of(token), token.toWord());
        }
    }
}
