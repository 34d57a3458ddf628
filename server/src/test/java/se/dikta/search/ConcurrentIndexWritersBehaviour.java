package se.dikta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import se.dikta.notes.Note;
import se.dikta.notes.NoteContent;
import se.dikta.notes.NoteSection;

/**
 * The revision order under concurrent writers: an indexer ends with the latest state of every note, and a follower
 * reading changes by revision never skips one (where the database makes commits visible in revision order). The
 * same suite on each database (subclasses say which).
 */
abstract class ConcurrentIndexWritersBehaviour extends IndexFollowingFixture {

    @Test
    void indexerEndsWithTheLatestStateOfEveryNoteUnderConcurrentWriters() throws Exception {
        NoteIndexer follower = node("follower", Duration.ofSeconds(10), feed);
        writeConcurrently(64);
        assertThat(awaitHits(follower, "ändrat", 64)).isEqualTo(64);
    }

    /** 8 threads each create notes and save them again; returns the saved notes. */
    private List<Note> writeConcurrently(int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Note>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            writes.add(writers.submit(() -> {
                Note note = save("KONTAKT", "Samtal " + n + ".");
                return notes.save(anna, note.id(), new NoteContent(null, List.of(new NoteSection("KONTAKT",
                        "Samtal " + n + " ändrat.")), null, null, null, null), Optional.empty()).await();
            }));
        }
        List<Note> saved = new ArrayList<>();
        for (Future<Note> w : writes) {
            saved.add(w.get(60, TimeUnit.SECONDS));
        }
        writers.shutdown();
        return saved;
    }

    /**
     * Whether a reader that sees revision N also sees every commit below N at once. PostgreSQL does (the
     * counter's row lock orders the commits); embedded H2 was seen to show a later commit before an earlier
     * one under 8 concurrent writers, so there the guarantee is not claimed (see the issue note).
     */
    protected boolean commitsBecomeVisibleInRevisionOrder() {
        return true;
    }

    @Test
    void followerNeverSkipsAChangeOfConcurrentWriters() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(commitsBecomeVisibleInRevisionOrder(),
                "multi-writer revision order is guaranteed on PostgreSQL only");
        Map<String, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        long before = feed.latestRevision();
        Thread follower = new Thread(() -> {
            long applied = before;
            while (writing.get()) {
                applied = follow(applied, seen);
            }
            for (long last = -1; last != applied; ) {
                last = applied;
                applied = follow(applied, seen);
            }
        });
        follower.start();
        List<Note> saved = writeConcurrently(64);
        writing.set(false);
        follower.join();

        for (Note n : feed.changedSince(before, 10_000)) {
            assertThat(seen.get(n.id())).as("last revision the follower saw of " + n.id()).isEqualTo(n.revision());
        }
        assertThat(saved).allSatisfy(n -> assertThat(seen).containsKey(n.id()));
    }

    private long follow(long applied, Map<String, Long> seen) {
        List<Note> batch = feed.changedSince(applied, 7);
        for (Note n : batch) {
            seen.put(n.id(), n.revision());
            applied = n.revision();
        }
        return applied;
    }
}
