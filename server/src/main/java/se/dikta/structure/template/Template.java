package se.dikta.structure.template;

import java.util.List;
import java.util.Optional;
import se.dikta.structure.core.SectionKey;

/** A kind of note (models/templates/*.json): which sections it shows, in which order, under which titles. */
public record Template(String id, String title, List<TemplateSection> sections) {

    /** The template a note gets when none is named: the general journal note. */
    public static final String DEFAULT_ID = "journalanteckning";

    public Template {
        sections = List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("template " + id + " has no sections");
        }
    }

    public Optional<TemplateSection> section(SectionKey key) {
        return sections.stream().filter(s -> s.key() == key).findFirst();
    }

    /**
     * Where a sentence classified as {@code key} goes: its own section, or when the template lacks it the
     * nearest section in the canonical order (ties go to the earlier one: who took part in a phone call is
     * part of the contact), so that no sentence is lost.
     */
    public SectionKey place(SectionKey key) {
        if (section(key).isPresent()) {
            return key;
        }
        SectionKey best = sections.get(0).key();
        int bestDistance = Integer.MAX_VALUE;
        for (TemplateSection section : sections) {
            int distance = Math.abs(section.key().ordinal() - key.ordinal());
            boolean earlierTie = distance == bestDistance && section.key().ordinal() < best.ordinal();
            if (distance < bestDistance || earlierTie) {
                best = section.key();
                bestDistance = distance;
            }
        }
        return best;
    }
}
