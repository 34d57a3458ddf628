package se.dikta.notes;

import java.time.Instant;

/**
 * A correction added to a signed note. It never replaces the original text: both are shown together
 * (SoL 11 kap.: a correction must not erase what was documented).
 *
 * @param section the section the correction refers to, or null for the note as a whole
 */
public record Amendment(long id, String noteId, Person author, Instant createdAt, String section, String text) {}
