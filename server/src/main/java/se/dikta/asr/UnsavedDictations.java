package se.dikta.asr;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;

/**
 * Dictation that is not saved: a stream that names neither a note nor a case keeps its text here, in this
 * process's memory, only so that a resumed stream continues it; the text is returned in {@code done}.
 * Secret text must not linger: a dictation untouched for {@link #EXPIRY} is dropped, and at most
 * {@link #LIMIT} are held at once. Streams on any event loop may use it.
 */
public final class UnsavedDictations implements DraftSink {

    /** How many unsaved dictations may be held at once (all users). */
    public static final int LIMIT = 500;
    /** How long an unsaved dictation is kept after its last utterance. */
    public static final Duration EXPIRY = Duration.ofMinutes(30);

    private static final String NOT_FOUND = "Utkastet finns inte";

    private static final class Dictation {
        final long ownerId;
        final List<FinalResult> utterances = new ArrayList<>();
        volatile Instant touched;

        Dictation(long ownerId, Instant touched) {
            this.ownerId = ownerId;
            this.touched = touched;
        }
    }

    private final Map<String, Dictation> dictations = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration expiry;

    public UnsavedDictations() {
        this(Clock.systemUTC(), LIMIT, EXPIRY);
    }

    UnsavedDictations(Clock clock, int limit, Duration expiry) {
        this.clock = clock;
        this.limit = limit;
        this.expiry = expiry;
    }

    @Override
    public Future<String> open(AuthUser user, Target target) {
        return open(user, target.noteId());
    }

    public Future<String> open(AuthUser user, Optional<String> noteId) {
        dropExpired();
        if (noteId.isEmpty()) {
            if (dictations.size() >= limit) {
                return Future.failedFuture(DomainException.unavailable(
                        "För många osparade dikteringar pågår just nu – välj ett ärende eller försök igen om en stund"));
            }
            String id = UUID.randomUUID().toString();
            dictations.put(id, new Dictation(user.id(), clock.instant()));
            return Future.succeededFuture(id);
        }
        return owned(user, noteId.get()) == null
                ? Future.failedFuture(DomainException.notFound(NOT_FOUND))
                : Future.succeededFuture(noteId.get());
    }

    @Override
    public Future<Void> append(AuthUser user, String noteId, long seq, FinalResult result) {
        Dictation dictation = owned(user, noteId);
        if (dictation == null) {
            return Future.failedFuture(DomainException.notFound(NOT_FOUND));
        }
        synchronized (dictation) {
            List<FinalResult> u = dictation.utterances;
            if (u.isEmpty() || seq > u.get(u.size() - 1).seq()) {
                u.add(result);
            }
            dictation.touched = clock.instant();
        }
        return Future.succeededFuture();
    }

    /** The dictation's text so far: its utterances joined by spaces; empty once expired. */
    public Optional<String> text(String noteId) {
        Dictation dictation = dictations.get(noteId);
        if (dictation == null || expired(dictation)) {
            return Optional.empty();
        }
        synchronized (dictation) {
            return Optional.of(String.join(" ", dictation.utterances.stream().map(FinalResult::text).toList()));
        }
    }

    /** How many unsaved dictations are held now. */
    int size() {
        dropExpired();
        return dictations.size();
    }

    private Dictation owned(AuthUser user, String id) {
        Dictation dictation = dictations.get(id);
        return dictation == null || dictation.ownerId != user.id() || expired(dictation) ? null : dictation;
    }

    private boolean expired(Dictation dictation) {
        return !dictation.touched.plus(expiry).isAfter(clock.instant());
    }

    private void dropExpired() {
        dictations.values().removeIf(this::expired);
    }
}
