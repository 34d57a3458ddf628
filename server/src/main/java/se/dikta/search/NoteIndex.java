package se.dikta.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import se.dikta.notes.Note;

/**
 * The Lucene index of notes on local disk: one {@link IndexWriter}, and a {@link SearcherManager} that
 * hands out near-real-time searchers opened from that writer.
 *
 * <p><b>Derived, never authoritative.</b> The database holds the notes; this index only mirrors them and
 * can be thrown away and rebuilt at any time. It remembers how far it has mirrored as a <em>revision</em>
 * (the store's global change counter): {@link #put} records changes in memory, {@link #markApplied}
 * advances the applied revision, and {@link #commit} makes both durable together, writing the revision
 * into the commit's user data. After a crash the index reopens at its last commit with that commit's
 * revision, and the caller simply re-applies every change after it; re-applying is harmless because a
 * note's document is replaced by id.
 *
 * <p><b>Visibility.</b> Changes become searchable on {@link #refresh} (an NRT reopen, milliseconds) and
 * durable on {@link #commit} (an fsync, much slower). The two are separate on purpose: the indexer
 * refreshes after every batch and commits only every few seconds.
 *
 * <p>Exactly one thread writes (the indexer); any number of threads search through {@link #searcher}.
 */
public final class NoteIndex implements Closeable {

    /** Commit user-data key holding the last revision included in the commit. */
    static final String REVISION_KEY = "dikta.revision";
    /** The {@link SwedishNoteAnalyzer#VERSION} the index was built with. */
    static final String ANALYZER_KEY = "dikta.analyzer";
    /** Commit user-data key of the document layout ({@link #LAYOUT}) the index was built with. */
    static final String LAYOUT_KEY = "dikta.layout";
    /**
     * The document layout: fields and index sort ({@link NoteFields}). A different value, or none (built before
     * the index was sorted by unit), makes the indexer rebuild the index at start. 2: the combined text one value
     * per section and amendment with a position gap between them, amendments without a section in a field of
     * their own. 3: word-pair fields beside the parts ({@link WordPairs}).
     */
    static final String LAYOUT = "unit-sorted-3";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long appliedRevision;
    private volatile long committedRevision;

    private NoteIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // A cached filter is a bit set over a whole segment; searches read only their unit's doc range.
                searcher.setQueryCache(null);
                return searcher;
            }
        });
        this.committedRevision = readRevision(writer);
        this.appliedRevision = committedRevision;
    }

    /** True when {@code dir} holds a committed index (which may still turn out to be unreadable). */
    public static boolean exists(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d);
        }
    }

    /**
     * Opens the index in {@code dir}, creating an empty one (revision 0) when there is none.
     *
     * @throws IOException when an index is there but cannot be read: corrupt, from an incompatible Lucene
     *         version, or locked by another process ({@code LockObtainFailedException})
     */
    public static NoteIndex open(Path dir, Analyzer analyzer) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64)
                    // Opening an index whose segments are not sorted so fails, and the indexer rebuilds it.
                    .setIndexSort(NoteFields.indexSort())
                    // Only commit() may commit: every commit must carry the revision it contains.
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                NoteIndex index = new NoteIndex(directory, writer);
                if (!DirectoryReader.indexExists(directory)) {
                    index.commit();
                }
                return index;
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Removes everything in {@code dir} (an unreadable index); the directory itself stays. */
    public static void wipe(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
    }

    /** Adds the note's document, replacing any earlier one with the same id. Visible after {@link #refresh}. */
    public void put(Note note) throws IOException {
        writer.updateDocument(NoteFields.idTerm(note.id()), NoteFields.toDocument(note));
    }

    /** Removes the note's document, if any (a note removed by retention). Visible after {@link #refresh}. */
    public void delete(String noteId) throws IOException {
        writer.deleteDocuments(NoteFields.idTerm(noteId));
    }

    /** Drops every document (a full rebuild starts here); takes effect with the next commit. */
    public void clear() throws IOException {
        writer.deleteAll();
        appliedRevision = 0;
    }

    /** Records that every change up to {@code revision} has been {@link #put}. */
    public void markApplied(long revision) {
        appliedRevision = revision;
    }

    /** The revision of the latest change put into the index, searchable after the next refresh. */
    public long appliedRevision() {
        return appliedRevision;
    }

    /** The revision the index would reopen at after a crash. */
    public long committedRevision() {
        return committedRevision;
    }

    /** Makes everything put so far searchable (a near-real-time reopen). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes everything put so far durable, together with the applied revision; a no-op when nothing changed. */
    public void commit() throws IOException {
        long revision = appliedRevision;
        if (revision == committedRevision && !writer.hasUncommittedChanges() && DirectoryReader.indexExists(directory)) {
            return;
        }
        writer.setLiveCommitData(Map.of(REVISION_KEY, Long.toString(revision),
                ANALYZER_KEY, SwedishNoteAnalyzer.VERSION, LAYOUT_KEY, LAYOUT).entrySet());
        writer.commit();
        committedRevision = revision;
    }

    /** Runs {@code work} with a current searcher, released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Notes in the index as the current searcher sees them. */
    public int documentCount() throws IOException {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Bytes the index occupies on disk, including files of uncommitted segments. */
    public long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            try {
                total += directory.fileLength(file);
            } catch (java.nio.file.NoSuchFileException e) {
                // merged away while listing
            }
        }
        return total;
    }

    /** Commits what was applied, then closes. */
    @Override
    public void close() throws IOException {
        try {
            commit();
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    /** The analyzer version of the last commit ({@link SwedishNoteAnalyzer#VERSION}); "1" before it was recorded. */
    public String analyzerVersion() {
        return commitData(ANALYZER_KEY, "1");
    }

    /** The document layout of the last commit ({@link #LAYOUT}); "unsorted" before it was recorded. */
    public String layout() {
        return commitData(LAYOUT_KEY, "unsorted");
    }

    private String commitData(String key, String absent) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (key.equals(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return absent;
    }

    private static long readRevision(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (REVISION_KEY.equals(e.getKey())) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    /** Work done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }
}
