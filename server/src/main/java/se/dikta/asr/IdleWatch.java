package se.dikta.asr;

import io.vertx.core.Vertx;
import java.time.Duration;

/** Calls {@code onIdle} when nothing was {@linkplain #touch() touched} for {@code timeout}; a stream holds a decoding slot. */
final class IdleWatch implements AutoCloseable {

    private final Vertx vertx;
    private final long timer;
    private long lastActivity = System.nanoTime();

    IdleWatch(Vertx vertx, Duration timeout, Runnable onIdle) {
        this.vertx = vertx;
        long checkMillis = Math.max(100, Math.min(1000, timeout.toMillis() / 2));
        this.timer = vertx.setPeriodic(checkMillis, t -> {
            if (System.nanoTime() - lastActivity > timeout.toNanos()) {
                onIdle.run();
            }
        });
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
