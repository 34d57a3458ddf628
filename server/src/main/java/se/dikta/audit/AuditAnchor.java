package se.dikta.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.db.Database;

/**
 * Writes the audit chain's head (row count and last hash) to the server log and to /metrics at an
 * interval. Copies outside the database let an operator prove that nothing was cut off the end of the
 * log: a later head must extend an earlier one ({@code audit verify} shows the current head).
 */
public final class AuditAnchor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);
    static final Duration INTERVAL = Duration.ofHours(1);

    private final Vertx vertx;
    private final Database db;
    private final MultiGauge head;
    private final long timer;

    private AuditAnchor(Vertx vertx, Database db, MeterRegistry registry) {
        this.vertx = vertx;
        this.db = db;
        this.head = MultiGauge.builder("dikta.audit.chain.head")
                .description("Rows in the audit chain; the tag is the last row's hash").register(registry);
        this.timer = vertx.setPeriodic(INTERVAL.toMillis(), t -> anchor());
    }

    /** Starts anchoring: once now, then every hour. */
    public static AuditAnchor start(Vertx vertx, Database db, MeterRegistry registry) {
        AuditAnchor anchor = new AuditAnchor(vertx, db, registry);
        anchor.anchor();
        return anchor;
    }

    Future<Void> anchor() {
        return db.tx(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT row_count, last_hash FROM audit_chain WHERE id = 1")) {
                rs.next();
                long rows = rs.getLong(1);
                String hash = rs.getString(2);
                LOG.info("Audit chain anchor: rows={} hash={}", rows, hash);
                head.register(List.of(MultiGauge.Row.of(Tags.of("hash", hash), rows)), true);
                return null;
            }
        }).<Void>mapEmpty().onFailure(e -> LOG.warn("Audit chain anchor not written: {}", e.getMessage()));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
