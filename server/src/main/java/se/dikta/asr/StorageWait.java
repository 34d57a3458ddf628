package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import se.dikta.failure.DomainException;

/**
 * Live dictation while the database is unreachable: an utterance's text that cannot be stored is tried
 * again every {@link #RETRY} until it is, for at most {@link #PATIENCE}. Meanwhile no {@code ack} goes out
 * (the decoder waits, its queue fills and the socket is paused, so the client keeps the audio) and the
 * client is told once with {@code {"type":"storage","state":"waiting","message":...}}, and with
 * {@code {"type":"storage","state":"ok"}} when storing works again.
 */
final class StorageWait {

    static final Duration RETRY = Duration.ofSeconds(1);
    static final Duration PATIENCE = Duration.ofMinutes(5);
    static final String WAITING = "Databasen går inte att nå. Ljudet sparas så snart den är tillbaka – fortsätt gärna.";

    private final Vertx vertx;
    private final Consumer<JsonObject> send;
    private final BooleanSupplier closed;
    private final Runnable alive;
    private boolean waiting;

    StorageWait(Vertx vertx, Consumer<JsonObject> send, BooleanSupplier closed, Runnable alive) {
        this.vertx = vertx;
        this.send = send;
        this.closed = closed;
        this.alive = alive;
    }

    /** Runs {@code store} until it succeeds, fails otherwise than by an unreachable database, or patience ends. */
    Future<Void> store(Supplier<Future<Void>> store) {
        Promise<Void> done = Promise.promise();
        attempt(store, done, System.nanoTime() + PATIENCE.toNanos());
        return done.future();
    }

    private void attempt(Supplier<Future<Void>> store, Promise<Void> done, long deadline) {
        store.get().onSuccess(v -> {
            if (waiting) {
                waiting = false;
                send.accept(new JsonObject().put("type", "storage").put("state", "ok"));
            }
            done.complete();
        }).onFailure(t -> {
            boolean unreachable = t instanceof DomainException e && e.kind() == DomainException.Kind.UNAVAILABLE;
            if (!unreachable || closed.getAsBoolean() || System.nanoTime() > deadline) {
                done.fail(t);
                return;
            }
            if (!waiting) {
                waiting = true;
                send.accept(new JsonObject().put("type", "storage").put("state", "waiting").put("message", WAITING));
            }
            alive.run(); // waiting for the database is not an idle client
            vertx.setTimer(RETRY.toMillis(), id -> attempt(store, done, deadline));
        });
    }
}
