package se.dikta.structure.classify;

import se.dikta.structure.core.SectionKey;

/** The section chosen for a sentence, how sure the pipeline is (0..1), and whether a heading command forced it. */
public record SectionDecision(SectionKey key, double confidence, boolean forced) {
}
