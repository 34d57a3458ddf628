package se.dikta.notes;

import io.vertx.core.Future;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditOutcome;
import se.dikta.cases.CaseStore;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * The audit rows of {@link NoteService}: an allowed action's row in the action's own transaction (so a read
 * commits its row before the content leaves), and a refused or failed attempt's row in a transaction of its
 * own after the attempt rolled back. The caller still gets the attempt's own answer, so a note of another
 * unit answers exactly like one that does not exist; only the log tells them apart (denied / failed).
 * Rows name notes and cases by id, never by content.
 */
final class NoteAudit {

    static final String NOTE = "note";
    static final String CASE = "case";

    private final Database db;
    private final AuditLog audit;
    private final NoteStore store;
    private final CaseStore cases;

    NoteAudit(Database db, AuditLog audit, NoteStore store, CaseStore cases) {
        this.db = db;
        this.audit = audit;
        this.store = store;
        this.cases = cases;
    }

    /** An allowed action on {@code note}, in the action's transaction. */
    void allowed(Connection c, AuthUser user, String action, Note note, String detail) {
        audit.record(c, AuditEntry.by(user, action).on(NOTE, note.id()).inCase(note.caseId()).detail(detail));
    }

    /** An allowed action on a case (its list of notes), in the action's transaction. */
    void allowedCase(Connection c, AuthUser user, String action, String caseId, String detail) {
        audit.record(c, AuditEntry.by(user, action).on(CASE, caseId).inCase(caseId).detail(detail));
    }

    /** A change, in its transaction; appended dictation has none (its stream's start is the row, note-dictate). */
    void changed(Connection c, AuthUser user, NoteChange.Kind kind, Note note) {
        String action = switch (kind) {
            case CREATED -> "note-create";
            case SAVED -> "note-save";
            case SIGNED -> "note-sign";
            case AMENDED -> "note-amend";
            case TRANSCRIPT_APPENDED -> null;
        };
        if (action != null) {
            allowed(c, user, action, note, "version " + note.version());
        }
    }

    /** The ids of {@code notes}, comma-separated, for a row that lists what was shown. */
    static String ids(List<Note> notes) {
        return String.join(",", notes.stream().map(Note::id).toList());
    }

    /**
     * Records {@code attempt}'s failure, if it failed for a reason a person caused, then fails as it did.
     * A failure of the audit log itself is passed on untouched (503), as is any internal error.
     */
    <T> Future<T> refusals(AuthUser user, String action, String entity, String id, Future<T> attempt) {
        return attempt.recover(e -> {
            if (!(e instanceof DomainException d) || d.kind() == DomainException.Kind.UNAVAILABLE) {
                return Future.failedFuture(e);
            }
            return db.tx(c -> {
                audit.record(c, refusal(c, user, AuditEntry.by(user, action).on(entity, id), entity, id, d));
                return null;
            }).transform(ar -> Future.failedFuture(ar.failed() && ar.cause() instanceof DomainException x
                    && x.kind() == DomainException.Kind.UNAVAILABLE ? x : e));
        });
    }

    private AuditEntry refusal(Connection c, AuthUser user, AuditEntry entry, String entity, String id,
            DomainException e) throws Exception {
        if (!Role.NOTE_READERS.contains(user.role())) {
            return entry.outcome(AuditOutcome.DENIED).detail("rollen läser inga anteckningar");
        }
        Optional<Long> unit;
        if (NOTE.equals(entity)) {
            Optional<Note> note = id == null ? Optional.empty() : store.find(c, id, false);
            unit = note.map(Note::unitId);
            entry = entry.inCase(note.map(Note::caseId).orElse(null));
        } else {
            unit = id == null ? Optional.empty() : cases.find(c, id).map(CaseStore.Case::unitId);
            entry = entry.inCase(unit.isPresent() ? id : null);
        }
        if (unit.isPresent() && unit.get() != user.unitId()) {
            return entry.outcome(AuditOutcome.DENIED).detail("annan enhets " + (NOTE.equals(entity) ? "anteckning" : "ärende"));
        }
        if (unit.isEmpty() && e.kind() == DomainException.Kind.NOT_FOUND) {
            return entry.outcome(AuditOutcome.FAILED).detail("finns inte");
        }
        if (e.kind() == DomainException.Kind.FORBIDDEN) {
            return entry.outcome(AuditOutcome.DENIED).detail("inte författaren");
        }
        return entry.outcome(AuditOutcome.FAILED).detail(e.kind().name().toLowerCase(Locale.ROOT));
    }
}
