package se.dikta.asr;

import io.vertx.core.Future;
import java.util.Optional;
import se.dikta.identity.AuthUser;

/**
 * Where live dictation lands: the text of each finished utterance is appended to a note draft before the
 * stream acknowledges the audio it came from. The notes feature provides the real store.
 */
public interface DraftSink {

    /**
     * Where a stream's text goes, as the start frame says: an existing draft ({@code noteId}), or a new draft
     * in a case ({@code caseId}, with a template). {@code resumed}: the stream continues an earlier one
     * ({@code resumeFrom}), so its frames continue that numbering; otherwise they start at 1 again.
     */
    record Target(Optional<String> noteId, Optional<String> caseId, Optional<String> template, boolean resumed) {
        public static Target note(Optional<String> noteId) {
            return new Target(noteId, Optional.empty(), Optional.empty(), false);
        }
    }

    /**
     * The draft a stream writes into: {@code target.noteId()} when given (it must be a draft the user may
     * edit, otherwise the future fails with a {@code DomainException}), else a new draft. Returns its id.
     */
    Future<String> open(AuthUser user, Target target);

    /**
     * Appends one utterance to the draft. {@code seq} is the utterance's last audio frame; a resumed stream
     * may send audio again, so an utterance whose seq is not above the last appended one is ignored.
     */
    Future<Void> append(AuthUser user, String noteId, long seq, FinalResult result);

    /**
     * The stream ended with {@code audioSeconds} of audio the client will not send again: all of it after
     * {@code stop} (completes before {@code done} is sent), or the audio up to the last {@code ack} when the
     * socket dropped (the rest is re-sent by a resumed stream, which counts it).
     */
    default Future<Void> finish(AuthUser user, String noteId, double audioSeconds) {
        return Future.succeededFuture();
    }
}
