package se.dikta.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.audit.AuditLog;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.cases.CaseStore;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.speech.WordTiming;

/**
 * The one way notes are read and written. Every operation checks access, runs in one database transaction
 * on the JDBC workers, is recorded in the audit log ({@link NoteAudit}) and tells the {@link NoteListener}s.
 * Rules: workers and managers read the notes of their own unit; admins read no note content. A note the user
 * may not read is answered exactly like one that does not exist (404), so ids reveal nothing. Only the
 * author changes, dictates into or signs a draft; every save is a new version and the previous versions
 * stay. A signed note never changes: a correction is an {@link Amendment}, kept beside the original
 * (SoL 11 kap.); any reader in the unit may add one, under their own name. Failures a person can act on
 * are failed futures holding a {@link DomainException} with a Swedish message.
 */
public final class NoteService {

    private static final Logger LOG = LoggerFactory.getLogger(NoteService.class);
    private static final Pattern TEMPLATE = Pattern.compile("[\\p{L}\\p{N}_-]{1,100}");
    private static final String NOTE_NOT_FOUND = "Anteckningen finns inte";
    private static final String CASE_NOT_FOUND = "Ärendet finns inte";

    private final Database db;
    private final NoteStore store;
    private final CaseStore cases;
    private final Clock clock;
    private final List<NoteListener> listeners;
    private final NoteAudit audit;
    private final DraftStreamStore drafts = new DraftStreamStore();

    /**
     * @param audit where every access is recorded: allowed ones in their own transaction, refusals after it
     * @param listeners told of every change, in this order (search index, time log, ...)
     */
    public NoteService(Database db, NoteStore store, CaseStore cases, AuditLog audit, Clock clock,
            List<NoteListener> listeners) {
        this.db = db;
        this.audit = new NoteAudit(db, audit, store, cases);
        this.store = store;
        this.cases = cases;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** A new note (version 1) in one of the user's unit's cases. Null parts of {@code content} take defaults. */
    public Future<Note> create(AuthUser user, String caseId, String template, NoteContent content) {
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            return Future.failedFuture(DomainException.invalid("Ogiltig mall: ange mallens id"));
        }
        return audit.refusals(user, "note-create", NoteAudit.CASE, caseId, change(user, NoteChange.Kind.CREATED, c -> {
            CaseStore.Case kase = cases.find(c, caseId).filter(k -> k.unitId() == user.unitId())
                    .orElseThrow(() -> DomainException.notFound(CASE_NOT_FOUND));
            Instant now = clock.instant();
            Note note = new Note(UUID.randomUUID().toString(), kase.id(), kase.unitId(), template,
                    ContactDate.given(content.eventDate(), OfficeCalendar.today(clock), clock), now,
                    Person.of(user), NoteContent.orElse(content.sections(), List.of()),
                    NoteContent.orElse(content.transcript(), ""), NoteContent.orElse(content.words(), List.of()),
                    NoteContent.orElse(content.metrics(), new NoteMetrics(NoteMode.TYPED, 0, 0)),
                    content.proposal(), NoteStatus.DRAFT, 1, null, now, 0, List.of());
            store.insert(c, note);
            store.insertVersion(c, NoteVersion.of(note, Person.of(user)));
            return note;
        }));
    }

    /** An empty dictated draft, opened when live dictation starts without a note. */
    public Future<Note> createDraft(AuthUser user, String caseId, String template) {
        return create(user, caseId, template, new NoteContent(null, null, null, null, NoteMetrics.dictated(), null));
    }

    /**
     * Saves a draft as a new version. Null parts of {@code content} keep what the note has. The server owns
     * mode and audio seconds: of {@code content.metrics()} only {@code editSeconds} counts, as the active
     * editing seconds since the previous save, added after bounding them by the wall-clock time since then.
     *
     * @param expectedVersion the version the editor started from; a different current version (someone or
     *        something saved in between) is a 409 rather than a silent overwrite
     */
    public Future<Note> save(AuthUser user, String noteId, NoteContent content, Optional<Integer> expectedVersion) {
        return audit.refusals(user, "note-save", NoteAudit.NOTE, noteId, change(user, NoteChange.Kind.SAVED, c -> {
            Note old = editableDraft(c, user, noteId);
            if (expectedVersion.isPresent() && expectedVersion.get() != old.version()) {
                throw DomainException.conflict("Anteckningen har sparats från annat håll (version " + old.version()
                        + "); ladda om den innan du sparar");
            }
            Instant now = clock.instant();
            NoteMetrics metrics = content.metrics() == null ? old.metrics() : old.metrics().withEditAdded(
                    content.metrics().editSeconds(), drafts.lastSavedAt(c, noteId).orElse(now), now);
            Note note = old.edited(
                    ContactDate.given(content.eventDate(), old.eventDate(), clock),
                    NoteContent.orElse(content.sections(), old.sections()),
                    NoteContent.orElse(content.transcript(), old.transcript()),
                    NoteContent.orElse(content.words(), old.words()),
                    metrics,
                    NoteContent.orElse(content.proposal(), old.proposal()),
                    old.version() + 1, now);
            store.update(c, note);
            store.insertVersion(c, NoteVersion.of(note, Person.of(user)));
            return note;
        }));
    }

    /**
     * Appends recognised text to a draft's transcript. Live dictation calls it before each {@code ack}, so
     * an acknowledged frame's text is in the database. Adds {@code audioSeconds} to the note's audio time;
     * any text or audio makes the note {@code dictated}. Not a version: the editor's next save is.
     *
     * @param seq the utterance's last audio frame: text of a frame at or below the last one stored with the
     *        draft (re-sent after a resume) is not appended again; negative: no such check
     * @param words word times as sent in the {@code final} message ({@code {"word","start","end","conf"}})
     */
    public Future<Void> appendTranscript(AuthUser user, String noteId, long seq, String text, JsonArray words,
            double audioSeconds) {
        List<WordTiming> added;
        try {
            added = words == null ? new ArrayList<>() : new ArrayList<>(NoteJsonCodec.words(words));
            if (!(audioSeconds >= 0) || Double.isInfinite(audioSeconds)) {
                return Future.failedFuture(DomainException.invalid("Ogiltig ljudlängd"));
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            return Future.failedFuture(DomainException.invalid("Ogiltiga ordtider: " + e.getMessage()));
        }
        return change(user, NoteChange.Kind.TRANSCRIPT_APPENDED, c -> {
            Note old = editableDraft(c, user, noteId);
            String piece = text == null ? "" : text.strip();
            if (seq >= 0) {
                if (seq <= drafts.streamSeq(c, noteId)) {
                    piece = "";
                    added.clear();
                } else {
                    drafts.setStreamSeq(c, noteId, seq);
                }
            }
            String transcript = old.transcript().isEmpty() || piece.isEmpty() ? old.transcript() + piece
                    : old.transcript() + " " + piece;
            List<WordTiming> times = DraftWordTimes.append(old.words(), added);
            Note note = old.edited(old.eventDate(), old.sections(), transcript, times,
                    piece.isEmpty() && audioSeconds == 0 ? old.metrics() : old.metrics().withAudioAdded(audioSeconds),
                    old.proposal(), old.version(), clock.instant());
            store.update(c, note);
            return note;
        }).mapEmpty();
    }

    /** Checks that live dictation may write into the draft; a fresh (not resumed) stream resets its last frame. */
    public Future<Note> openForDictation(AuthUser user, String noteId, boolean fresh) {
        return audit.refusals(user, "note-dictate", NoteAudit.NOTE, noteId, db.tx(c -> {
            Note note = editableDraft(c, user, noteId);
            if (fresh) {
                drafts.setStreamSeq(c, noteId, 0);
            }
            audit.allowed(c, user, "note-dictate", note, fresh ? "ny inspelning" : "återupptagen inspelning");
            return note;
        }));
    }

    /** Locks the note under the author's name. */
    public Future<Note> sign(AuthUser user, String noteId) {
        return audit.refusals(user, "note-sign", NoteAudit.NOTE, noteId, change(user, NoteChange.Kind.SIGNED, c -> {
            Note old = editableDraft(c, user, noteId);
            if (old.text().isBlank()) {
                throw DomainException.invalid("En tom anteckning kan inte signeras");
            }
            Note note = old.signed(new Signature(Person.of(user), clock.instant()));
            store.update(c, note);
            return note;
        }));
    }

    /**
     * Adds a correction to a signed note.
     *
     * @param section the section corrected, or null for the note as a whole
     */
    public Future<Note> amend(AuthUser user, String noteId, String section, String text) {
        if (text == null || text.isBlank()) {
            return Future.failedFuture(DomainException.invalid("Rättelsen saknar text"));
        }
        if (section != null && !NoteSection.isValidKey(section)) {
            return Future.failedFuture(DomainException.invalid("Okänd rubrik '" + section + "'"));
        }
        return audit.refusals(user, "note-amend", NoteAudit.NOTE, noteId, change(user, NoteChange.Kind.AMENDED, c -> {
            Note old = readable(c, user, noteId, true);
            if (!old.isSigned()) {
                throw DomainException.conflict("Ett utkast ändras direkt; rättelser görs på signerade anteckningar");
            }
            Instant now = clock.instant();
            List<Amendment> all = new ArrayList<>(old.amendments());
            all.add(store.insertAmendment(c, new Amendment(0, old.id(), Person.of(user), now, section, text.strip())));
            Note note = old.withAmendments(all, now);
            store.update(c, note);
            return note;
        }));
    }

    /** A note; its audit row is committed before the note is returned. */
    public Future<Note> get(AuthUser user, String noteId) {
        return audit.refusals(user, "note-read", NoteAudit.NOTE, noteId, db.tx(c -> {
            Note note = readable(c, user, noteId, false);
            audit.allowed(c, user, "note-read", note, "version " + note.version());
            return note;
        }));
    }

    /** The notes of a case in the user's unit, newest contact first; 404 for a case of another unit. */
    public Future<List<Note>> listByCase(AuthUser user, String caseId) {
        return audit.refusals(user, "note-list", NoteAudit.CASE, caseId, db.tx(c -> {
            requireReader(user, CASE_NOT_FOUND);
            cases.find(c, caseId).filter(k -> k.unitId() == user.unitId())
                    .orElseThrow(() -> DomainException.notFound(CASE_NOT_FOUND));
            List<Note> list = store.byCase(c, caseId);
            audit.allowedCase(c, user, "note-list", caseId, "anteckningar: " + NoteAudit.ids(list));
            return list;
        }));
    }

    /** Every saved version of a note, oldest first. */
    public Future<List<NoteVersion>> versions(AuthUser user, String noteId) {
        return audit.refusals(user, "note-versions", NoteAudit.NOTE, noteId, db.tx(c -> {
            Note note = readable(c, user, noteId, false);
            List<NoteVersion> versions = store.versions(c, noteId);
            audit.allowed(c, user, "note-versions", note, versions.size() + " versioner");
            return versions;
        }));
    }

    /** Runs a write, tells the listeners inside and after the transaction; the revision is stamped last. */
    private Future<Note> change(AuthUser user, NoteChange.Kind kind, Write write) {
        return db.tx(c -> {
            requireReader(user, kind == NoteChange.Kind.CREATED ? CASE_NOT_FOUND : NOTE_NOT_FOUND);
            Note note = write.run(c);
            audit.changed(c, user, kind, note);
            NoteChange change = new NoteChange(kind, note, user, note.updatedAt());
            for (NoteListener l : listeners) {
                l.inTransaction(c, change);
            }
            long revision = store.stampRevision(c, note.id());
            return new NoteChange(kind, note.withRevision(revision), user, note.updatedAt());
        }).map(change -> {
            for (NoteListener l : listeners) {
                try {
                    l.committed(change);
                } catch (RuntimeException e) {
                    LOG.warn("Note listener {} failed after {} of note {}: {}", l, change.kind(),
                            change.note().id(), e.toString());
                }
            }
            return change.note();
        });
    }

    private Note readable(Connection c, AuthUser user, String noteId, boolean lock) throws Exception {
        requireReader(user, NOTE_NOT_FOUND);
        return store.find(c, noteId, lock).filter(n -> n.unitId() == user.unitId())
                .orElseThrow(() -> DomainException.notFound(NOTE_NOT_FOUND));
    }

    private Note editableDraft(Connection c, AuthUser user, String noteId) throws Exception {
        Note note = readable(c, user, noteId, true);
        if (note.isSigned()) {
            throw DomainException.conflict("Anteckningen är signerad och kan inte ändras; lägg till en rättelse i stället");
        }
        if (note.author().userId() != user.id()) {
            throw DomainException.forbidden("Bara den som skrev utkastet kan ändra eller signera det");
        }
        return note;
    }

    /** Admins (and any role without note access) see no note at all, as if none existed. */
    static void requireReader(AuthUser user, String notFound) {
        if (!Role.NOTE_READERS.contains(user.role())) {
            throw DomainException.notFound(notFound);
        }
    }

    @FunctionalInterface
    private interface Write {
        Note run(Connection c) throws Exception;
    }
}
