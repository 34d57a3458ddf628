package se.dikta.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.notes.Note;
import se.dikta.notes.NoteFeed;
import se.dikta.notes.NoteTombstone;

/**
 * Applying the note feed to an index in batches: the running indexer's catch-up after changes, and the
 * offline rebuild ({@code dikta.jar index rebuild}).
 */
public final class IndexCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);
    static final int BATCH = 500;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private IndexCatchUp() {}

    /**
     * Applies every change after the index's applied revision, in batches.
     *
     * @param refreshEachBatch make each batch searchable at once (normal running); during a rebuild nobody
     *        searches, and one refresh at the end avoids a small segment per batch
     * @param progress told the running count after each batch
     * @param proceed checked between batches; false stops early (shutdown)
     * @return notes applied
     */
    static long catchUp(NoteIndex index, NoteFeed feed, boolean refreshEachBatch, LongConsumer progress,
            BooleanSupplier proceed) throws IOException {
        return catchUp(index, feed, refreshEachBatch, progress, proceed, note -> { });
    }

    static long catchUp(NoteIndex index, NoteFeed feed, boolean refreshEachBatch, LongConsumer progress,
            BooleanSupplier proceed, Consumer<Note> recent) throws IOException {
        long applied = 0;
        while (proceed.getAsBoolean()) {
            List<Change> batch = nextBatch(feed, index.appliedRevision());
            if (batch.isEmpty()) {
                return applied;
            }
            for (Change change : batch) {
                if (change.note() != null) {
                    index.put(change.note());
                    recent.accept(change.note());
                } else {
                    index.delete(change.removedId());
                }
            }
            index.markApplied(batch.get(batch.size() - 1).revision());
            if (refreshEachBatch) {
                index.refresh();
            }
            applied += batch.size();
            progress.accept(applied);
            if (batch.size() < BATCH) {
                return applied;
            }
        }
        return applied;
    }

    /** A note put or a note removed (by retention), at its revision. */
    private record Change(long revision, Note note, String removedId) {}

    /**
     * The first {@link #BATCH} changes after {@code revision}: notes changed and notes removed share one
     * revision sequence, so the first BATCH of each, merged in revision order, hold the first BATCH of all.
     */
    private static List<Change> nextBatch(NoteFeed feed, long revision) {
        List<Change> all = new ArrayList<>();
        for (Note note : feed.changedSince(revision, BATCH)) {
            all.add(new Change(note.revision(), note, null));
        }
        for (NoteTombstone gone : feed.deletedSince(revision, BATCH)) {
            all.add(new Change(gone.revision(), null, gone.noteId()));
        }
        all.sort(Comparator.comparingLong(Change::revision));
        return all.size() > BATCH ? all.subList(0, BATCH) : all;
    }

    /** Removes again the notes removed in the revisions after {@code from} up to the applied one (see NoteIndexer#recheckRecent). */
    static boolean removeRecentlyDeleted(NoteIndex index, NoteFeed feed, long from, int limit) throws IOException {
        boolean any = false;
        for (NoteTombstone gone : feed.deletedSince(from, limit)) {
            if (gone.revision() <= index.appliedRevision()) {
                index.delete(gone.noteId());
                any = true;
            }
        }
        return any;
    }

    /**
     * Rebuilds the index in {@code config.indexDir()} from the database and commits it, for
     * {@code dikta.jar index rebuild}. The old index stays readable until the new one is committed.
     *
     * @return notes indexed
     * @throws LockObtainFailedException when a running server holds the index
     */
    public static long rebuild(SearchConfig config, NoteFeed feed, SwedishNoteAnalyzer analyzer) throws IOException {
        NoteIndex opened;
        try {
            opened = NoteIndex.open(config.indexDir(), analyzer);
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Existing index cannot be read ({}); starting from an empty one", e.toString());
            NoteIndex.wipe(config.indexDir());
            opened = NoteIndex.open(config.indexDir(), analyzer);
        }
        try (NoteIndex target = opened) {
            target.clear();
            long count = catchUp(target, feed, false, new ProgressLog(feed.countChangedSince(0)), () -> true);
            target.commit();
            return count;
        }
    }

    /** Logs "n of total" at most every few seconds during a long catch-up. */
    static final class ProgressLog implements LongConsumer {
        private final long total;
        private long lastLog = System.nanoTime();

        ProgressLog(long total) {
            this.total = total;
        }

        @Override
        public void accept(long done) {
            if (System.nanoTime() - lastLog >= PROGRESS_EVERY_NANOS) {
                lastLog = System.nanoTime();
                LOG.info("Search index: {} of {} notes ({}%)", done, total, total == 0 ? 100 : done * 100 / total);
            }
        }
    }
}
