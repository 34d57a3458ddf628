package se.dikta.notes;

import java.util.List;
import se.dikta.db.Database;

/** {@link NoteFeed} over the database, one short transaction per call; blocking, for worker threads. */
public final class StoreNoteFeed implements NoteFeed {

    private final Database db;
    private final NoteStore store;
    private final NoteDeletion deletion = new NoteDeletion();

    public StoreNoteFeed(Database db, NoteStore store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public List<Note> changedSince(long revision, int limit) {
        return db.txBlocking(c -> store.changedSince(c, revision, limit));
    }

    @Override
    public List<NoteTombstone> deletedSince(long revision, int limit) {
        return db.txBlocking(c -> deletion.deletedSince(c, revision, limit));
    }

    @Override
    public long countChangedSince(long revision) {
        return db.txBlocking(c -> store.countChangedSince(c, revision));
    }

    @Override
    public long latestRevision() {
        return db.txBlocking(store::latestRevision);
    }
}
