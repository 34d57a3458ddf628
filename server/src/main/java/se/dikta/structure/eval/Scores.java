package se.dikta.structure.eval;

import java.util.EnumMap;
import java.util.Map;
import se.dikta.structure.core.SectionKey;
import se.dikta.structure.entities.EntityCategory;

/** The figures of one system (the models or the keyword baseline) over the held-out notes. */
public final class Scores {

    final Prf boundaries = new Prf();
    final Map<SectionKey, Prf> sections = new EnumMap<>(SectionKey.class);
    final Map<EntityCategory, Prf> entities = new EnumMap<>(EntityCategory.class);
    final Prf allEntities = new Prf();
    int sectionCorrect;
    int sectionCorrectWithoutNeighbours;
    int sectionTotal;
    int wordSectionCorrect;
    int wordTotal;
    int normalisedExact;
    int normalisedTotal;

    Scores() {
        for (SectionKey key : SectionKey.values()) {
            sections.put(key, new Prf());
        }
        for (EntityCategory category : EntityCategory.values()) {
            entities.put(category, new Prf());
        }
    }

    public Prf boundaries() {
        return boundaries;
    }

    /** Accuracy of the section of each gold sentence (gold segmentation). */
    public double sectionAccuracy() {
        return ratio(sectionCorrect, sectionTotal);
    }

    /** The same with the categoriser alone, before the neighbour step. */
    public double sectionAccuracyWithoutNeighbours() {
        return ratio(sectionCorrectWithoutNeighbours, sectionTotal);
    }

    /** Share of transcript words whose predicted sentence got the section of their gold sentence, end to end. */
    public double endToEndSectionAccuracy() {
        return ratio(wordSectionCorrect, wordTotal);
    }

    public Prf section(SectionKey key) {
        return sections.get(key);
    }

    public Prf entity(EntityCategory category) {
        return entities.get(category);
    }

    public Prf allEntities() {
        return allEntities;
    }

    /** Share of gold sentences whose assembled written text equals the gold text exactly. */
    public double normalisation() {
        return ratio(normalisedExact, normalisedTotal);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
