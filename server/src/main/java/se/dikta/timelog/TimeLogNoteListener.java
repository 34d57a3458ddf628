package se.dikta.timelog;

import java.sql.Connection;
import java.util.List;
import se.dikta.notes.Note;
import se.dikta.notes.NoteChange;
import se.dikta.notes.NoteListener;
import se.dikta.notes.NoteMetrics;

/**
 * Writes a time-log row for every save and signing of a note, inside the note's own transaction, so a
 * row never exists without its change (and a failed log write rolls the change back). Transcript
 * appends are not logged: the next save carries their audio seconds. Amendments are not logged either:
 * they leave the signed text and its figures as they were.
 */
public final class TimeLogNoteListener implements NoteListener {

    private final TimeLog log;

    public TimeLogNoteListener(TimeLog log) {
        this.log = log;
    }

    @Override
    public void inTransaction(Connection c, NoteChange change) throws Exception {
        LogEvent event = event(change.kind());
        if (event == null) {
            return;
        }
        Note note = change.note();
        NoteMetrics m = note.metrics();
        log.insert(c, List.of(TimeLogEntry.measure(note.author().userId(), note.unitId(), note.id(), note.template(),
                m.mode(), event, note.proposal(), note.text(), m.audioSeconds(), m.editSeconds(), change.at())));
    }

    private static LogEvent event(NoteChange.Kind kind) {
        switch (kind) {
            case CREATED:
            case SAVED:
                return LogEvent.SAVE;
            case SIGNED:
                return LogEvent.SIGN;
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        return "time log";
    }
}
