package se.dikta;

import io.vertx.core.Vertx;
import java.time.Duration;
import se.dikta.auth.AuthService;

/** Deletes expired sessions from the database at a fixed interval until closed. */
final class SessionPurge implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final long timer;

    private SessionPurge(Vertx vertx, long timer) {
        this.vertx = vertx;
        this.timer = timer;
    }

    static SessionPurge start(Vertx vertx, AuthService auth) {
        return new SessionPurge(vertx, vertx.setPeriodic(INTERVAL.toMillis(), t -> auth.purgeSessions()));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
