package se.dikta.notes;

import java.util.List;

/**
 * The notes store as a stream of changes ordered by revision, for followers such as the search index.
 * A follower remembers the last revision it has processed and asks for what came after; since revisions
 * become visible in order (see {@link NoteStore}), nothing is ever skipped. This is a system reader: it
 * bypasses the per-user access rules of {@link NoteService}, and what it returns must only feed derived
 * data that applies those rules itself.
 */
public interface NoteFeed {

    /** Notes whose latest change has a revision above {@code revision}, in revision order, at most {@code limit}. */
    List<Note> changedSince(long revision, int limit);

    /**
     * Notes removed by retention whose removal has a revision above {@code revision}, in revision order, at
     * most {@code limit}. Removals share the revision sequence with {@link #changedSince}.
     */
    List<NoteTombstone> deletedSince(long revision, int limit);

    /** How many notes {@link #changedSince} would return without a limit. */
    long countChangedSince(long revision);

    /** The newest committed revision. */
    long latestRevision();
}
