package se.dikta.asr;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.dikta.identity.AuthUser;
import se.dikta.failure.DomainException;

/**
 * Drafts kept in this process's memory, for a stream that names neither a note nor a case: its text is
 * returned in {@code done} but not saved. Streams on any event loop may use it.
 */
public final class InMemoryDraftSink implements DraftSink {

    private record Draft(long ownerId, List<FinalResult> utterances) {}

    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    @Override
    public Future<String> open(AuthUser user, Target target) {
        return open(user, target.noteId());
    }

    public Future<String> open(AuthUser user, Optional<String> noteId) {
        if (noteId.isEmpty()) {
            String id = UUID.randomUUID().toString();
            drafts.put(id, new Draft(user.id(), new ArrayList<>()));
            return Future.succeededFuture(id);
        }
        Draft draft = drafts.get(noteId.get());
        if (draft == null || draft.ownerId() != user.id()) {
            return Future.failedFuture(DomainException.notFound("Utkastet finns inte"));
        }
        return Future.succeededFuture(noteId.get());
    }

    @Override
    public Future<Void> append(AuthUser user, String noteId, long seq, FinalResult result) {
        Draft draft = drafts.get(noteId);
        if (draft == null || draft.ownerId() != user.id()) {
            return Future.failedFuture(DomainException.notFound("Utkastet finns inte"));
        }
        synchronized (draft) {
            List<FinalResult> u = draft.utterances();
            if (u.isEmpty() || seq > u.get(u.size() - 1).seq()) {
                u.add(result);
            }
        }
        return Future.succeededFuture();
    }

    /** The draft's text so far: its utterances joined by spaces. */
    public Optional<String> text(String noteId) {
        Draft draft = drafts.get(noteId);
        if (draft == null) {
            return Optional.empty();
        }
        synchronized (draft) {
            return Optional.of(String.join(" ", draft.utterances().stream().map(FinalResult::text).toList()));
        }
    }
}
