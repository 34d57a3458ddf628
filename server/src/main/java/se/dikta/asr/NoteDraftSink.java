package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import se.dikta.identity.AuthUser;
import se.dikta.notes.Note;
import se.dikta.notes.NoteService;
import se.dikta.speech.WordTiming;
import se.dikta.structure.template.Template;

/**
 * Live dictation into the notes store: a stream that names a note or a case writes each finished utterance
 * into that draft's transcript (in the database, so any node can resume it) before the audio is
 * acknowledged, together with the utterance's last frame number, so a resumed stream that re-sends
 * unacknowledged audio never stores the same words twice. A stream that names neither goes to {@code unfiled}: transcribed, returned in {@code done},
 * not saved.
 */
public final class NoteDraftSink implements DraftSink {

    private final NoteService notes;
    private final DraftSink unfiled;

    public NoteDraftSink(NoteService notes, DraftSink unfiled) {
        this.notes = notes;
        this.unfiled = unfiled;
    }

    @Override
    public Future<String> open(AuthUser user, Target target) {
        if (target.noteId().isPresent()) {
            String noteId = target.noteId().get();
            // one call, one audit row (note-dictate): allowed, or refused when the draft is not the user's to dictate into
            return notes.openForDictation(user, noteId, !target.resumed()).map(Note::id);
        }
        if (target.caseId().isPresent()) {
            return notes.createDraft(user, target.caseId().get(), target.template().orElse(Template.DEFAULT_ID))
                    .map(Note::id);
        }
        return unfiled.open(user, target).map(id -> UNFILED_PREFIX + id);
    }

    /** Scratch ids are marked so later calls go to the same place as the open. */
    private static final String UNFILED_PREFIX = "osparad-";

    @Override
    public Future<Void> append(AuthUser user, String noteId, long seq, FinalResult result) {
        if (noteId.startsWith(UNFILED_PREFIX)) {
            return unfiled.append(user, noteId.substring(UNFILED_PREFIX.length()), seq, result);
        }
        JsonArray words = new JsonArray(result.words().stream().map(WordTiming::toJson).toList());
        return notes.appendTranscript(user, noteId, seq, result.text(), words, 0);
    }

    @Override
    public Future<Void> finish(AuthUser user, String noteId, double audioSeconds) {
        if (noteId.startsWith(UNFILED_PREFIX)) {
            return unfiled.finish(user, noteId.substring(UNFILED_PREFIX.length()), audioSeconds);
        }
        return notes.appendTranscript(user, noteId, -1, "", new JsonArray(), audioSeconds);
    }
}
