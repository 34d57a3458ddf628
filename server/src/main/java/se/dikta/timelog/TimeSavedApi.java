package se.dikta.timelog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import se.dikta.audit.AuditEntry;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.failure.DomainException;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.work.CpuPool;

/**
 * {@code GET /api/reports/time-saved} (JSON), {@code .csv} and {@code .pdf}. Query: {@code from} and
 * {@code to} (YYYY-MM-DD, inclusive) or {@code tertial=2025-T1}, default the current tertial;
 * {@code groupBy=worker|unit|week|month|tertial} (default worker); optional {@code unit}, which must
 * be the caller's own. Managers get their unit, workers their own notes, admins nothing (403).
 */
public final class TimeSavedApi implements ApiModule {

    private static final Set<Role> READERS = EnumSet.of(Role.WORKER, Role.MANAGER);
    private static final int MAX_DAYS = 3 * 366 + 1;

    /** The query of all three report routes; dates and tertials in the plausible years of {@link OfficeCalendar}. */
    public static final RequestSpec QUERY = RequestSpec.of(
            Field.date("from"),
            Field.date("to"),
            Field.text("tertial", 7).pattern("(19|20|21)\\d\\d-T[1-3]", "till exempel 2025-T1"),
            Field.text("groupBy", 10),
            Field.text("unit", 200).column("units.name"));

    private final TimeSavedReport report;
    private final TimeSavedPdf pdf;
    private final Clock clock;
    /** The bootstrap, CSV and PDF are CPU work: a pool of their own, never the event loop. */
    private final WorkerExecutor reports;

    public TimeSavedApi(Vertx vertx, TimeSavedReport report, TimeSavedPdf pdf, Clock clock) {
        this.report = report;
        this.pdf = pdf;
        this.clock = clock;
        this.reports = CpuPool.create(vertx, "reports");
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/reports/time-saved", READERS, ctx -> {
            ReportRequest request = request(ctx);
            return compute(request, seen(ctx, request, "report-view", "json")).map(TimeSavedJson::of);
        });
        api.raw(HttpMethod.GET, "/reports/time-saved.csv", READERS, ctx -> download(ctx, "csv", TimeSavedCsv.CONTENT_TYPE,
                computed -> reports.executeBlocking(() -> TimeSavedCsv.bytes(computed), false)));
        api.raw(HttpMethod.GET, "/reports/time-saved.pdf", READERS, ctx -> download(ctx, "pdf", TimeSavedPdf.CONTENT_TYPE,
                computed -> reports.executeBlocking(
                        () -> pdf.render(computed, scopeLabel(AuthUser.of(ctx)), ZonedDateTime.now(clock.withZone(OfficeCalendar.ZONE))),
                        false)));
    }

    private void download(RoutingContext ctx, String extension, String contentType,
                          java.util.function.Function<TimeSaved, Future<byte[]>> render) {
        ReportRequest request;
        try {
            request = request(ctx);
        } catch (ApiException | DomainException e) {
            ctx.fail(e);
            return;
        }
        compute(request, seen(ctx, request, "report-export", extension)).compose(render).onSuccess(bytes -> ctx.response()
                        .putHeader("Content-Type", contentType)
                        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName(request, extension) + "\"")
                        .putHeader("Cache-Control", "no-store")
                        .end(Buffer.buffer(bytes)))
                .onFailure(ctx::fail);
    }

    /** Reads in one transaction, then computes on the reports pool with the connection already released. */
    private Future<TimeSaved> compute(ReportRequest request, AuditEntry seen) {
        return report.measure(request, seen).compose(m -> reports.executeBlocking(() -> report.summarise(request, m), false));
    }

    /** The audit row of a report shown or exported: which report, period, grouping and format. */
    private static AuditEntry seen(RoutingContext ctx, ReportRequest r, String action, String format) {
        return AuditEntry.by(AuthUser.of(ctx), action).on("report", "time-saved")
                .detail(r.from() + "–" + r.to() + ", " + r.groupBy().param() + ", " + format);
    }

    /** The report the caller may see, or a 400/403 explaining why not. */
    ReportRequest request(RoutingContext ctx) {
        AuthUser user = AuthUser.of(ctx);
        JsonObject query = QUERY.query(ctx);
        String unit = query.getString("unit");
        if (unit != null && !unit.equalsIgnoreCase(user.unit())) {
            throw ApiException.forbidden("Du kan bara se rapporter för din egen enhet.");
        }
        GroupBy groupBy;
        try {
            groupBy = GroupBy.parse(query.getString("groupBy", "worker").toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Okänd gruppering: välj worker, unit, week, month eller tertial.");
        }
        Periods.Range range = range(query);
        ReportScope scope = user.role() == Role.MANAGER ? new ReportScope.Unit(user.unitId()) : new ReportScope.Worker(user.id());
        return new ReportRequest(range.from(), range.to(), groupBy, scope);
    }

    private Periods.Range range(JsonObject query) {
        String tertial = query.getString("tertial");
        String from = query.getString("from");
        String to = query.getString("to");
        if (tertial != null) {
            if (from != null || to != null) {
                throw ApiException.badRequest("Ange antingen tertial eller from/to, inte båda.");
            }
            try {
                return Periods.parseTertial(tertial);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Ogiltig tertial: skriv till exempel 2025-T1.");
            }
        }
        if (from == null && to == null) {
            return Periods.tertialRange(OfficeCalendar.today(clock));
        }
        if (from == null || to == null) {
            throw ApiException.badRequest("Ange både from och to (ÅÅÅÅ-MM-DD).");
        }
        LocalDate start = LocalDate.parse(from);
        LocalDate end = LocalDate.parse(to);
        if (end.isBefore(start)) {
            throw ApiException.badRequest("Slutdatumet (to) ligger före startdatumet (from).");
        }
        if (end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
            throw ApiException.badRequest("Perioden får vara högst tre år.");
        }
        return new Periods.Range(start, end);
    }

    private static String scopeLabel(AuthUser user) {
        return user.role() == Role.MANAGER ? user.unit() : user.displayName();
    }

    private static String fileName(ReportRequest r, String extension) {
        Periods.Range tertial = Periods.tertialRange(r.from());
        String period = tertial.from().equals(r.from()) && tertial.to().equals(r.to())
                ? Periods.tertial(r.from()) : r.from() + "_" + r.to();
        return "sparad-tid_" + period + "_" + r.groupBy().param() + "." + extension;
    }
}
