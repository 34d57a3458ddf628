package se.dikta.structure.entities;

/** A name the name finder found: words {@code from} (inclusive) to {@code to} (exclusive) of a sentence. */
public record NameSpan(int from, int to, EntityCategory category) {
}
