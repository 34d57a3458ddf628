package se.dikta.notes;

import java.time.Instant;

/** Who signed a note and when; from then on the note is locked. */
public record Signature(Person by, Instant at) {}
