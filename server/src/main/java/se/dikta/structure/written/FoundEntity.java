package se.dikta.structure.written;

import se.dikta.structure.entities.EntityCategory;

/** An entity in a written sentence: its text and character offsets [start, end) into the sentence text. */
public record FoundEntity(String text, EntityCategory category, int start, int end) {
}
