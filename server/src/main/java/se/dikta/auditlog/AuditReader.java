package se.dikta.auditlog;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditOutcome;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * Reads the audit log for its follow-up (admins only). Every reading is itself recorded, in the same
 * transaction, before the rows are returned. Nothing here changes or removes a row: the log is append-only
 * for the application.
 */
public final class AuditReader {

    private static final String ADMINS_ONLY = "Bara systemförvaltare läser åtkomstloggen";

    private final Database db;
    private final AuditLog audit;

    public AuditReader(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** One page of the rows {@code filter} matches, newest first. */
    public Future<AuditPage> page(AuthUser admin, AuditFilter filter) {
        if (admin.role() != Role.ADMIN) {
            return Future.failedFuture(DomainException.forbidden(ADMINS_ONLY));
        }
        return db.tx(c -> {
            Where where = where(filter);
            long total = count(c, where);
            long offset = (long) (filter.page() - 1) * filter.size();
            List<AuditEvent> events = select(c, where, " ORDER BY seq DESC, id DESC OFFSET " + offset
                    + " ROWS FETCH NEXT " + filter.size() + " ROWS ONLY");
            audit.record(c, AuditEntry.by(admin, "audit-read").on("audit", null).inCase(filter.caseId())
                    .detail(filter.describe() + "; " + events.size() + " av " + total + " rader, sida " + filter.page()));
            return new AuditPage(total, filter.page(), filter.size(), events);
        });
    }

    /**
     * Starts a CSV export of every row {@code filter} matches: counts them, fixes the newest row the export
     * covers and records the export (the row is committed before any row is sent). The rows themselves are then
     * read page by page ({@link #exportPage}); the log is append-only, so the export is exactly these rows.
     */
    public Future<AuditExportPlan> beginExport(AuthUser admin, AuditFilter filter) {
        if (admin.role() != Role.ADMIN) {
            return Future.failedFuture(DomainException.forbidden(ADMINS_ONLY));
        }
        return db.tx(c -> {
            Where where = where(filter);
            long total = count(c, where);
            long newest;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM audit_log");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                newest = rs.getLong(1);
            }
            audit.record(c, AuditEntry.by(admin, "audit-export").on("audit", null).inCase(filter.caseId())
                    .detail(filter.describe() + "; " + total + " rader exporteras"));
            return new AuditExportPlan(filter, total, newest);
        });
    }

    /**
     * The next rows of an export, newest first: at most {@code size} rows with ids below {@code beforeId} (keyset:
     * each page is one short query and transaction, however far the export has come), rendered by {@code render}
     * on the database worker.
     */
    <T> Future<T> exportPage(AuditExportPlan plan, long beforeId, int size, Function<List<AuditEvent>, T> render) {
        return db.tx(c -> {
            Where where = where(plan.filter()).and("id <= ?", plan.newestId()).and("id < ?", beforeId);
            return render.apply(select(c, where, " ORDER BY id DESC FETCH NEXT " + size + " ROWS ONLY"));
        });
    }

    private static long count(Connection c, Where where) throws SQLException {
        try (PreparedStatement ps = where.prepare(c, "SELECT COUNT(*) FROM audit_log" + where.sql());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<AuditEvent> select(Connection c, Where where, String order) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement ps = where.prepare(c, "SELECT id, seq, at, user_id, username, role, unit_id, unit, "
                + "address, action, entity, entity_id, case_id, detail, outcome FROM audit_log" + where.sql() + order);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(event(rs));
            }
        }
        return events;
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), nullableLong(rs, 4),
                rs.getString(5), rs.getString(6), nullableLong(rs, 7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** A WHERE clause and its parameters, all bound (never spliced into the SQL). */
    private record Where(String sql, List<Object> params) {
        Where and(String condition, Object param) {
            List<Object> more = new ArrayList<>(params);
            more.add(param);
            return new Where((sql.isEmpty() ? " WHERE " : sql + " AND ") + condition, more);
        }

        PreparedStatement prepare(Connection c, String statement) throws SQLException {
            PreparedStatement ps = c.prepareStatement(statement);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }
    }

    private static Where where(AuditFilter f) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.user() != null) {
            if (f.user().matches("\\d{1,18}")) {
                conditions.add("(username = ? OR user_id = ?)");
                params.add(f.user());
                params.add(Long.parseLong(f.user()));
            } else {
                conditions.add("username = ?");
                params.add(f.user());
            }
        }
        if (f.caseId() != null) {
            conditions.add("(case_id = ? OR (entity = 'case' AND entity_id = ?))");
            params.add(f.caseId());
            params.add(f.caseId());
        }
        if (f.noteId() != null) {
            // a note shown in a hit list or a case's list is named in the row's detail
            conditions.add("((entity = 'note' AND entity_id = ?) OR (action IN ('search', 'note-list') "
                    + "AND detail LIKE ? ESCAPE '!'))");
            params.add(f.noteId());
            params.add("%" + f.noteId().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.action() != null) {
            conditions.add("action = ?");
            params.add(f.action());
        }
        if (f.outcome() != null) {
            // rows from before outcomes were recorded were all allowed actions
            conditions.add("COALESCE(outcome, 'allowed') = ?");
            params.add(f.outcome().id());
        }
        if (f.from() != null) {
            conditions.add("at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay(OfficeCalendar.ZONE).toInstant()));
        }
        if (f.to() != null) {
            conditions.add("at < ?");
            params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(OfficeCalendar.ZONE).toInstant()));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    /** Parses an outcome filter; a 400-worthy {@link DomainException} for anything else. */
    public static AuditOutcome outcome(String value) {
        try {
            return AuditOutcome.parse(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Parametern outcome ska vara allowed, denied eller failed");
        }
    }
}
