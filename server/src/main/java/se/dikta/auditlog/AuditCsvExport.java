package se.dikta.auditlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one CSV export of the audit log, whatever its size: the rows are read page by page (keyset on id, one
 * short transaction each, rendered on the database worker) and the next page is read only when the response has
 * room for it (back-pressure: a slow client slows the reading, and at most about one page is held). A client that
 * goes away ends the export at once; a failure after the first bytes resets the connection, so a cut-off file is
 * never taken for a complete one.
 */
final class AuditCsvExport {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCsvExport.class);

    /** What every export shares: where pages come from, their size, and the figures in /metrics. */
    record Streams(AuditReader reader, int pageSize, AtomicInteger active, Counter rows) {
        static Streams of(AuditReader reader, int pageSize, MeterRegistry registry) {
            AtomicInteger active = registry.gauge("dikta_audit_exports_active", new AtomicInteger());
            Counter rows = Counter.builder("dikta_audit_export_rows").description("audit rows sent in CSV exports")
                    .register(registry);
            return new Streams(reader, pageSize, active, rows);
        }
    }

    private record Page(Buffer csv, int rows, long lastId) {}

    private final Streams streams;
    private final HttpServerResponse response;
    private final AuditExportPlan plan;
    private long beforeId = Long.MAX_VALUE;
    private long sent;
    private boolean over;

    private AuditCsvExport(Streams streams, HttpServerResponse response, AuditExportPlan plan) {
        this.streams = streams;
        this.response = response;
        this.plan = plan;
    }

    /** Sends the export on {@code response}, whose status and headers are set but not yet sent. */
    static void send(Streams streams, HttpServerResponse response, AuditExportPlan plan) {
        new AuditCsvExport(streams, response, plan).start();
    }

    private void start() {
        streams.active().incrementAndGet();
        response.closeHandler(v -> over("the client went away"));
        response.exceptionHandler(t -> over("the connection failed: " + t));
        response.setChunked(true).write(Buffer.buffer(AuditCsv.header()));
        next();
    }

    private void next() {
        if (over || response.closed() && over("the client went away")) {
            return;
        }
        streams.reader().exportPage(plan, beforeId, streams.pageSize(), events -> new Page(
                Buffer.buffer(AuditCsv.rows(events)), events.size(),
                events.isEmpty() ? beforeId : events.get(events.size() - 1).id()))
                .onSuccess(this::send)
                .onFailure(e -> {
                    if (over("reading page failed: " + e)) {
                        response.reset(); // the client sees a broken download, not a short file
                    }
                });
    }

    private void send(Page page) {
        if (over) {
            return;
        }
        beforeId = page.lastId();
        sent += page.rows();
        streams.rows().increment(page.rows());
        if (page.rows() < streams.pageSize()) {
            response.end(page.csv());
            finish();
            return;
        }
        response.write(page.csv());
        if (response.writeQueueFull()) {
            response.drainHandler(v -> {
                response.drainHandler(null);
                next();
            });
        } else {
            next();
        }
    }

    /** Ends an export that did not finish; true the first time. */
    private boolean over(String why) {
        if (over) {
            return false;
        }
        LOG.info("Audit CSV export ended after {} of {} rows: {}", sent, plan.total(), why);
        finish();
        return true;
    }

    private void finish() {
        if (!over) {
            over = true;
            streams.active().decrementAndGet();
        }
    }
}
