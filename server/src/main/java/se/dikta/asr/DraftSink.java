package se.dikta.asr;

import io.vertx.core.Future;
import java.util.Optional;
import se.dikta.auth.AuthUser;

/**
 * Where live dictation lands: the text of each finished utterance is appended to a note draft before the
 * stream acknowledges the audio it came from. The notes feature provides the real store.
 */
public interface DraftSink {

    /**
     * The draft a stream writes into: {@code noteId} when given (it must be a draft the user may edit,
     * otherwise the future fails with an {@code ApiException}), else a new draft of the user's. Returns its id.
     */
    Future<String> open(AuthUser user, Optional<String> noteId);

    /**
     * Appends one utterance to the draft. {@code seq} is the utterance's last audio frame; a resumed stream
     * may send audio again, so an utterance whose seq is not above the last appended one is ignored.
     */
    Future<Void> append(AuthUser user, String noteId, long seq, FinalResult result);
}
