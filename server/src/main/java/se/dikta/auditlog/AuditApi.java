package se.dikta.auditlog;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.failure.DomainException;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * {@code GET /api/audit} (a page as JSON) and {@code GET /api/audit.csv} (every matching row, streamed), admins only.
 * Query: {@code user} (user name or id), {@code case}, {@code note}, {@code action}, {@code outcome}
 * (allowed, denied, failed), {@code from}/{@code to} (YYYY-MM-DD, inclusive), {@code page} (from 1) and
 * {@code size} (1–500, default 50; JSON only). There is no route that changes or removes audit rows.
 */
public final class AuditApi implements ApiModule {

    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    private final AuditReader reader;
    private final AuditCsvExport.Streams exports;
    private final Clock clock;

    public AuditApi(AuditReader reader, AuditLogConfig config, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.reader = reader;
        this.exports = AuditCsvExport.Streams.of(reader, config.exportPageSize(), registry);
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/audit", ADMINS, ctx -> reader.page(AuthUser.of(ctx), filter(ctx.queryParams())).map(AuditApi::toJson));
        api.raw(HttpMethod.GET, "/audit.csv", ADMINS, this::csv);
    }

    private void csv(RoutingContext ctx) {
        AuditFilter filter;
        try {
            filter = filter(ctx.queryParams());
        } catch (ApiException | DomainException e) {
            ctx.fail(e);
            return;
        }
        // the export's row is committed before the first byte; the rows then stream, however many there are
        reader.beginExport(AuthUser.of(ctx), filter)
                .onSuccess(plan -> AuditCsvExport.send(exports, ctx.response()
                        .putHeader("Content-Type", AuditCsv.CONTENT_TYPE)
                        .putHeader("Content-Disposition", "attachment; filename=\"atkomstlogg_"
                                + OfficeCalendar.today(clock) + ".csv\"")
                        .putHeader("Cache-Control", "no-store"), plan))
                .onFailure(ctx::fail);
    }

    static AuditFilter filter(MultiMap p) {
        LocalDate from = date(p, "from");
        LocalDate to = date(p, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("Datumet i from ligger efter datumet i to");
        }
        String outcome = text(p, "outcome");
        Integer page = number(p, "page", Integer.MAX_VALUE / AuditFilter.MAX_SIZE);
        Integer size = number(p, "size", AuditFilter.MAX_SIZE);
        return new AuditFilter(text(p, "user"), text(p, "case"), text(p, "note"), text(p, "action"),
                outcome == null ? null : AuditReader.outcome(outcome), from, to, page == null ? 1 : page,
                size == null ? AuditFilter.DEFAULT_SIZE : size);
    }

    static JsonObject toJson(AuditPage page) {
        JsonArray rows = new JsonArray();
        for (AuditEvent e : page.events()) {
            rows.add(new JsonObject()
                    .put("id", e.id())
                    .put("seq", e.seq())
                    .put("at", e.at().toString())
                    .put("userId", e.userId())
                    .put("username", e.username())
                    .put("role", e.role())
                    .put("unitId", e.unitId())
                    .put("unit", e.unit())
                    .put("address", e.address())
                    .put("action", e.action())
                    .put("entity", e.entity())
                    .put("entityId", e.entityId())
                    .put("caseId", e.caseId())
                    .put("outcome", e.outcome())
                    .put("detail", e.detail()));
        }
        return new JsonObject().put("total", page.total()).put("page", page.page()).put("size", page.size())
                .put("events", rows);
    }

    private static String text(MultiMap p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 200) {
            throw ApiException.badRequest("Parametern " + name + " är för lång");
        }
        return v.strip();
    }

    private static LocalDate date(MultiMap p, String name) {
        String v = text(p, name);
        return v == null ? null : OfficeCalendar.parseDate(v, name);
    }

    private static Integer number(MultiMap p, String name, int max) {
        String v = text(p, name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parametern " + name + " ska vara ett heltal från 1 till " + max);
        }
    }
}
