package se.dikta.notes;

import java.sql.Connection;

/**
 * Hears about every change {@link NoteService} makes to a note: the way other features (search index,
 * time log, audit trail) follow notes without the note code knowing about them. Listeners are passed to
 * the service's constructor and called in that order.
 *
 * <p>Two moments, choose by what the work needs:
 * <ul>
 *   <li>{@link #inTransaction} runs inside the note's own transaction, before the commit, on a JDBC
 *       worker thread. Rows written through {@code c} commit or roll back together with the note, so a
 *       time-log or audit row can never exist without its change or vice versa. Throwing rolls the whole
 *       change back and fails the request.</li>
 *   <li>{@link #committed} runs after the commit. It must be quick and must not block (it may run on an
 *       event-loop thread): poke a background worker, schedule something. Exceptions are logged and
 *       otherwise ignored, since the change has already happened.</li>
 * </ul>
 */
public interface NoteListener {

    /** In the note's transaction. The change's revision is not yet assigned ({@code note().revision()} is stale). */
    default void inTransaction(Connection c, NoteChange change) throws Exception {
    }

    /** After the commit; {@code change.note().revision()} is final. */
    default void committed(NoteChange change) {
    }
}
