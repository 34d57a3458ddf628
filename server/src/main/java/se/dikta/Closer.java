package se.dikta;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shutdown order: what was opened last is closed first, so a service never outlives what it uses
 * (transcription jobs stop before the database closes, the index before the feed it follows).
 */
final class Closer {

    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private final Deque<AutoCloseable> opened = new ConcurrentLinkedDeque<>();

    /** Registers something just opened and returns it. */
    <T extends AutoCloseable> T add(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    /** Closes everything in reverse order of opening; a failure is logged and the rest still close. */
    void closeAll() {
        AutoCloseable c;
        while ((c = opened.poll()) != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", c, e.getMessage());
            }
        }
    }
}
