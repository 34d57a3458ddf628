package se.dikta.notes;

/**
 * A note removed by retention, as the revision feed reports it: followers (the search index) drop the note.
 *
 * @param noteId the removed note
 * @param revision the revision the removal took, in the same sequence as the notes' changes
 */
public record NoteTombstone(String noteId, long revision) {}
