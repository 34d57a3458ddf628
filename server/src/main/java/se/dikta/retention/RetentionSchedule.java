package se.dikta.retention;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retention pass. Every node checks each {@link RetentionConfig#checkInterval()}; once the local
 * time (Europe/Stockholm) is past {@link RetentionConfig#runAt()} and this node has not yet run the day's
 * pass, it runs one on a worker. The database part is leased per day in the database, so with several nodes
 * sharing PostgreSQL exactly one removes that day's notes and jobs; each node sweeps its own upload folder.
 * A pass that fails is tried again at the next check.
 */
public final class RetentionSchedule implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Vertx vertx;
    private final RetentionPass pass;
    private final RetentionConfig config;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    /** The last day this node finished its pass; a cache that saves a query per check, not shared state. */
    private volatile LocalDate lastDay;
    private final long timer;

    private RetentionSchedule(Vertx vertx, RetentionPass pass, RetentionConfig config, Clock clock) {
        this.vertx = vertx;
        this.pass = pass;
        this.config = config;
        this.clock = clock;
        this.timer = vertx.setPeriodic(config.checkInterval().toMillis(), t -> check());
    }

    /** Starts the checks; returns a schedule that does nothing when {@code retention.daily} is off. */
    public static RetentionSchedule start(Vertx vertx, RetentionPass pass, RetentionConfig config, Clock clock) {
        return new RetentionSchedule(vertx, pass, config, clock);
    }

    private void check() {
        if (!config.daily()) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(ZONE);
        LocalDate day = now.toLocalDate();
        if (day.equals(lastDay) || now.toLocalTime().isBefore(config.runAt()) || !running.compareAndSet(false, true)) {
            return;
        }
        vertx.executeBlocking(() -> pass.apply(Optional.of(day), nodeName()), false).onComplete(ar -> {
            running.set(false);
            if (ar.succeeded()) {
                lastDay = day;
            } else {
                LOG.warn("Retention pass for {} failed; trying again at the next check: {}", day, ar.cause().toString());
            }
        });
    }

    /** Host and process, for the lease row; looked up on the worker, since a name lookup may block. */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
