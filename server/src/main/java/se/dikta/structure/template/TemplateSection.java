package se.dikta.structure.template;

import se.dikta.structure.core.SectionKey;

/** A section as a template shows it: the key, its Swedish title in this template, and a one-line hint. */
public record TemplateSection(SectionKey key, String title, String hint) {
}
