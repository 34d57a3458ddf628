package se.dikta.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log what opening the index after a crash did. Lucene's {@code write.lock} is an operating-system
 * lock: the file stays after every run and a killed process's lock goes with the process, so a stale lock
 * file needs nothing. Files of a segment that was being written and never committed are deleted by Lucene
 * when the writer opens; this class names them.
 */
final class StartupTidy {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTidy.class);
    private StartupTidy() {}

    /** The file names in {@code dir} (empty when it does not exist). */
    static Set<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** After a successful open: logs the stale lock and the uncommitted files that are gone now. */
    static void logIndexRecovery(Path dir, Set<String> before) throws IOException {
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(files(dir));
        if (!removed.isEmpty()) {
            LOG.warn("Search index {}: deleted {} file(s) of a write that was never committed (a crash): {}; "
                    + "the changes they held are indexed again from the database", dir, removed.size(), removed);
        }
    }
}
