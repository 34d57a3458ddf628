package se.dikta.asr;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import se.dikta.failure.DomainException;

/**
 * The {@code start} message of a live dictation, validated: the client's sample rate, where a resumed
 * stream continues ({@code resumeFrom}: the last acknowledged frame), and which draft it writes into.
 */
record StartFrame(int sampleRate, Optional<Long> resumeFrom, Optional<String> noteId, Optional<String> caseId,
        Optional<String> template) {

    /** Longest ids the database keeps (notes.id, cases.id, notes.template); {@code SchemaLimitsTest} checks them. */
    static final int MAX_NOTE_ID = 36;
    static final int MAX_CASE_ID = 64;
    static final int MAX_TEMPLATE = 100;

    /** Parses a start message; a malformed one is refused with a Swedish reason. */
    static StartFrame parse(JsonObject msg) {
        Object rate = msg.getValue("sampleRate");
        if (!(rate instanceof Number n) || n.doubleValue() != n.intValue()
                || n.intValue() < WavReader.MIN_RATE || n.intValue() > WavReader.MAX_RATE) {
            throw DomainException.invalid("Ogiltig samplingsfrekvens: ange sampleRate mellan " + WavReader.MIN_RATE
                    + " och " + WavReader.MAX_RATE);
        }
        Object resume = msg.getValue("resumeFrom");
        if (resume != null && (!(resume instanceof Number r) || r.longValue() < 0 || r.doubleValue() != r.longValue())) {
            throw DomainException.invalid("Ogiltigt resumeFrom: ange numret på den senast kvitterade ramen");
        }
        Object note = msg.getValue("noteId");
        Object caseId = msg.getValue("caseId");
        Object template = msg.getValue("template");
        if (note != null && !(note instanceof String) || caseId != null && !(caseId instanceof String)
                || template != null && !(template instanceof String)) {
            throw DomainException.invalid("Ogiltigt noteId, caseId eller template");
        }
        bounded(note, "noteId", MAX_NOTE_ID);
        bounded(caseId, "caseId", MAX_CASE_ID);
        bounded(template, "template", MAX_TEMPLATE);
        return new StartFrame(n.intValue(), Optional.ofNullable(resume).map(r -> ((Number) r).longValue()),
                Optional.ofNullable((String) note), Optional.ofNullable((String) caseId),
                Optional.ofNullable((String) template));
    }

    DraftSink.Target target() {
        return new DraftSink.Target(noteId, caseId, template, resumeFrom.isPresent());
    }

    private static void bounded(Object value, String field, int max) {
        if (value instanceof String s && (s.length() > max || s.chars().anyMatch(c -> c < 0x20))) {
            throw DomainException.invalid("Ogiltigt " + field + ": högst " + max + " tecken, inga styrtecken");
        }
    }
}
