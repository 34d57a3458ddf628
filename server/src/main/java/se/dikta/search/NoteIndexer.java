package se.dikta.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.notes.Note;
import se.dikta.notes.NoteChange;
import se.dikta.notes.NoteFeed;
import se.dikta.notes.NoteListener;

/**
 * Keeps a node's {@link NoteIndex} in step with the notes in the database, on one background thread.
 *
 * <p>The thread follows the store's revisions ({@link NoteFeed}): it asks for every note changed after the
 * index's applied revision, puts them into the index, refreshes the searcher and, every
 * {@link SearchConfig#commitInterval()}, commits. It wakes as soon as this node changes a note (it is a
 * {@link NoteListener}), so a save is searchable within milliseconds; otherwise it polls every
 * {@link SearchConfig#pollInterval()}, which is how a node sees notes written by other nodes sharing the
 * database, or written while it was down.
 *
 * <p>Start-up takes one of three paths:
 * <ul>
 *   <li>an index is there and readable: search is available at once, and the changes since its last
 *       commit (say, after a crash) are caught up in the background;</li>
 *   <li>no index, or one that cannot be opened (corrupt, wrong version), or one that claims a revision the
 *       database never reached (restored database): the index is wiped and rebuilt from the database with
 *       progress in the log, and search answers 503 until it is done;</li>
 *   <li>the index is locked by another process: start-up fails, since two writers would corrupt it.</li>
 * </ul>
 */
public final class NoteIndexer implements NoteListener, AutoCloseable {

    /** Where the indexer is; search is served only in {@link #UP}. */
    public enum State { STARTING, REBUILDING, UP, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(NoteIndexer.class);
    /** Revisions re-read behind the applied one after changes arrive (see {@link #recheckRecent}). */
    static final int RECHECK_WINDOW = 256;

    private final SearchConfig config;
    private final NoteFeed feed;
    private final SwedishNoteAnalyzer analyzer;
    private final Semaphore wake = new Semaphore(0);
    /** Revision last put for recently indexed notes, so a re-read of the recent window finds what it missed. */
    private final Map<String, Long> recentlyPut = new LinkedHashMap<>(RECHECK_WINDOW * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RECHECK_WINDOW * 4;
        }
    };
    private int recheckRounds;
    private volatile State state = State.STARTING;
    private volatile NoteIndex index;
    private volatile boolean running;
    private Thread thread;

    public NoteIndexer(SearchConfig config, NoteFeed feed, SwedishNoteAnalyzer analyzer) {
        this.config = config;
        this.feed = feed;
        this.analyzer = analyzer;
    }

    /**
     * Opens the index (wiping it first if it is unreadable) and starts the background thread. Blocking:
     * call it off the event loop.
     *
     * @throws IOException when the index is locked by another process or cannot be created at all
     */
    public void start() throws IOException {
        Path dir = config.indexDir();
        boolean rebuild = !NoteIndex.exists(dir);
        Set<String> before = StartupTidy.files(dir);
        NoteIndex opened;
        try {
            opened = NoteIndex.open(dir, analyzer);
            StartupTidy.logIndexRecovery(dir, before);
        } catch (LockObtainFailedException e) {
            state = State.FAILED;
            throw new IOException("The search index " + dir + " is in use by another process", e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index in {} cannot be read ({}); rebuilding it from the database", dir, e.toString());
            NoteIndex.wipe(dir);
            opened = NoteIndex.open(dir, analyzer);
            rebuild = true;
        }
        long latest = feed.latestRevision();
        if (!rebuild && (!SwedishNoteAnalyzer.VERSION.equals(opened.analyzerVersion())
                || !NoteIndex.LAYOUT.equals(opened.layout()))) {
            LOG.info("Search index was built with analyzer version {} and layout {}, this server uses {} and {}; "
                    + "rebuilding it", opened.analyzerVersion(), opened.layout(), SwedishNoteAnalyzer.VERSION,
                    NoteIndex.LAYOUT);
            opened.clear();
            rebuild = true;
        }
        if (opened.committedRevision() > latest) {
            LOG.warn("Search index is at revision {} but the database only at {}; rebuilding it",
                    opened.committedRevision(), latest);
            opened.clear();
            rebuild = true;
        }
        if (rebuild) {
            LOG.info("Building the search index in {} from the database", dir);
        } else if (latest > opened.committedRevision()) {
            LOG.info("Search index {} is at revision {}, the database at {}: indexing the changes made since its "
                    + "last commit (this node stopped without committing, or others wrote meanwhile)", dir,
                    opened.committedRevision(), latest);
        }
        index = opened;
        state = rebuild ? State.REBUILDING : State.UP;
        // The last run may have committed past a change that became visible late (see recheckRecent) and
        // died before its re-read: re-read the window below the committed revision once at start as well.
        recheckRounds = rebuild ? 0 : 1;
        running = true;
        thread = new Thread(this::run, "dikta-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    public State state() {
        return state;
    }

    /** The index; null before {@link #start()}. */
    NoteIndex index() {
        return index;
    }

    /** Wakes the indexer: this node just changed a note. */
    @Override
    public void committed(NoteChange change) {
        wake.release();
    }

    private void run() {
        long lastCommit = System.nanoTime();
        long commitEvery = config.commitInterval().toNanos();
        boolean failing = false;
        while (running) {
            try {
                if (state == State.REBUILDING) {
                    rebuildNow();
                } else {
                    long before = index.appliedRevision();
                    IndexCatchUp.catchUp(index, feed, true, done -> { }, () -> running,
                            note -> recentlyPut.put(note.id(), note.revision()));
                    recheckRecent(index.appliedRevision() != before);
                }
                if (index.appliedRevision() != index.committedRevision()
                        && System.nanoTime() - lastCommit >= commitEvery) {
                    index.commit();
                    lastCommit = System.nanoTime();
                }
                if (failing) {
                    LOG.info("Search indexing works again");
                    failing = false;
                }
            } catch (AlreadyClosedException e) {
                // The writer hit a tragic error (disk full, I/O failure) and closed itself; only a restart helps.
                LOG.error("Search index writer failed; search stays unavailable until restart: {}", e.toString());
                state = State.FAILED;
                return;
            } catch (IOException | RuntimeException e) {
                // The database may be briefly unreachable; say so once, then retry quietly each poll.
                if (!failing) {
                    LOG.warn("Search indexing failed, retrying every {}: {}", config.pollInterval(), e.toString());
                    failing = true;
                }
            }
            try {
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Embedded H2 was seen to make a commit visible a moment after a later one, so the forward read can pass
     * over a change whose revision is below the applied one. After changes arrive, the recent window is read
     * again on this and the next round and any note whose revision differs from what was put is put again.
     * PostgreSQL never needs it; there it costs one small query per round with changes.
     */
    private void recheckRecent(boolean changesArrived) throws IOException {
        if (changesArrived) {
            recheckRounds = 2;
        }
        if (recheckRounds == 0) {
            return;
        }
        recheckRounds--;
        long from = Math.max(0, index.appliedRevision() - RECHECK_WINDOW);
        boolean missed = false;
        boolean put = false;
        for (Note note : feed.changedSince(from, RECHECK_WINDOW)) {
            if (note.revision() > index.appliedRevision()) {
                break; // newer than the forward read: the next catch-up takes it
            }
            Long last = recentlyPut.get(note.id());
            if (last == null || last != note.revision()) {
                index.put(note);
                put = true;
                missed |= last != null;
                recentlyPut.put(note.id(), note.revision());
            }
        }
        put |= IndexCatchUp.removeRecentlyDeleted(index, feed, from, RECHECK_WINDOW);
        if (missed) {
            LOG.debug("Re-indexed notes a forward read passed over");
        }
        if (put) {
            index.refresh();
        }
    }

    private void rebuildNow() throws IOException {
        long started = System.nanoTime();
        long count = IndexCatchUp.catchUp(index, feed, false, new IndexCatchUp.ProgressLog(feed.countChangedSince(index.appliedRevision())),
                () -> running);
        if (!running) {
            return;
        }
        index.refresh();
        index.commit();
        state = State.UP;
        LOG.info("Search index built: {} notes in {} s", count,
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    }

    /**
     * Stops the thread and commits what was indexed. The thread is woken, not interrupted: an interrupt
     * during a file write would close Lucene's channel and fail the writer.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (index != null) {
            index.close();
        }
    }
}
