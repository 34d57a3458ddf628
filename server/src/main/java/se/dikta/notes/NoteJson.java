package se.dikta.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.dikta.calendar.OfficeCalendar;
import se.dikta.failure.DomainException;
import se.dikta.speech.WordTiming;

/** Notes to and from the JSON of {@code /api/notes}. Malformed input is a 400 naming the field. */
final class NoteJson {

    static final int MAX_SECTIONS = 50;
    /** Longest text a note keeps in one column (transcript, proposal, sections and words as JSON). */
    static final int MAX_STORED_CHARS = 1_000_000;
    /** Most timed words one request may carry (their JSON must also fit {@link #MAX_STORED_CHARS}). */
    static final int MAX_WORDS = 50_000;

    private NoteJson() {
    }

    /** A note as the editor and the case view show it; {@code full} adds transcript, word times and proposal. */
    static JsonObject toJson(Note n, boolean full) {
        JsonObject json = new JsonObject()
                .put("id", n.id())
                .put("caseId", n.caseId())
                .put("template", n.template())
                .put("eventDate", n.eventDate().toString())
                .put("entryTime", n.entryTime().toString())
                .put("author", person(n.author()))
                .put("sections", sections(n.sections()))
                .put("metrics", new JsonObject()
                        .put("mode", n.metrics().mode().id())
                        .put("audioSeconds", n.metrics().audioSeconds())
                        .put("editSeconds", n.metrics().editSeconds()))
                .put("status", n.status().id())
                .put("version", n.version())
                .put("signed", n.signature() == null ? null
                        : new JsonObject().put("by", person(n.signature().by())).put("at", n.signature().at().toString()))
                .put("updatedAt", n.updatedAt().toString())
                .put("amendments", new JsonArray(n.amendments().stream().map(NoteJson::amendment).toList()));
        if (full) {
            json.put("transcript", n.transcript())
                    .put("words", new JsonArray(n.words().stream().map(NoteJsonCodec::wordJson).toList()))
                    .put("proposal", n.proposal());
        }
        return json;
    }

    static JsonObject version(NoteVersion v) {
        return new JsonObject()
                .put("version", v.version())
                .put("savedAt", v.savedAt().toString())
                .put("savedBy", person(v.savedBy()))
                .put("sections", sections(v.sections()))
                .put("transcript", v.transcript())
                .put("metrics", new JsonObject()
                        .put("mode", v.metrics().mode().id())
                        .put("audioSeconds", v.metrics().audioSeconds())
                        .put("editSeconds", v.metrics().editSeconds()));
    }

    private static JsonObject amendment(Amendment a) {
        return new JsonObject()
                .put("id", a.id())
                .put("author", person(a.author()))
                .put("createdAt", a.createdAt().toString())
                .put("section", a.section())
                .put("text", a.text());
    }

    private static JsonObject person(Person p) {
        return new JsonObject().put("id", p.userId()).put("name", p.name()).put("title", p.title());
    }

    private static JsonArray sections(List<NoteSection> sections) {
        return new JsonArray(sections.stream()
                .map(s -> new JsonObject().put("key", s.key()).put("text", s.text())).toList());
    }

    /** The content fields of a POST or PUT body; absent fields are null (keep or default). */
    static NoteContent content(JsonObject body) {
        return new NoteContent(
                eventDate(body),
                sections(body),
                optionalString(body, "transcript"),
                words(body),
                metrics(body),
                optionalString(body, "proposal"));
    }

    /** The {@code version} the editor started from, when it sent one. */
    static Optional<Integer> expectedVersion(JsonObject body) {
        Object v = body.getValue("version");
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Integer i) || i < 1) {
            throw DomainException.invalid("Fältet 'version' ska vara ett heltal från 1");
        }
        return Optional.of(i);
    }

    static String optionalString(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw DomainException.invalid("Fältet '" + field + "' ska vara text");
        }
        return s;
    }

    private static LocalDate eventDate(JsonObject body) {
        String s = optionalString(body, "eventDate");
        if (s == null) {
            return null;
        }
        return OfficeCalendar.parseDate(s, "eventDate");
    }

    private static List<NoteSection> sections(JsonObject body) {
        Object v = body.getValue("sections");
        if (v == null) {
            return null;
        }
        String shape = "Fältet 'sections' ska vara en lista med {\"key\", \"text\"}";
        if (!(v instanceof JsonArray array) || array.size() > MAX_SECTIONS) {
            throw DomainException.invalid(shape);
        }
        List<NoteSection> list = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Object o : array) {
            if (!(o instanceof JsonObject s) || !(s.getValue("key") instanceof String key)
                    || !(s.getValue("text", "") instanceof String text)) {
                throw DomainException.invalid(shape);
            }
            if (!NoteSection.isValidKey(key)) {
                throw DomainException.invalid("Okänd rubrik '" + key + "': rubriker skrivs som KONTAKT, BEDOMNING, ...");
            }
            if (!keys.add(key)) {
                throw DomainException.invalid("Rubriken " + key + " förekommer två gånger");
            }
            list.add(new NoteSection(key, text));
        }
        if (NoteJsonCodec.sections(list).length() > MAX_STORED_CHARS) {
            throw DomainException.invalid("Fältet 'sections' är för långt: högst " + MAX_STORED_CHARS + " tecken");
        }
        return list;
    }

    private static List<WordTiming> words(JsonObject body) {
        Object v = body.getValue("words");
        if (v == null) {
            return null;
        }
        try {
            List<WordTiming> words = NoteJsonCodec.words((JsonArray) v);
            if (NoteJsonCodec.words(words).length() > MAX_STORED_CHARS) {
                throw DomainException.invalid("Fältet 'words' är för långt: högst " + MAX_STORED_CHARS + " tecken som JSON");
            }
            return words;
        } catch (ClassCastException | IllegalArgumentException e) {
            throw DomainException.invalid("Fältet 'words' ska vara en lista med {\"word\", \"start\", \"end\", \"conf\"}");
        }
    }

    private static NoteMetrics metrics(JsonObject body) {
        Object v = body.getValue("metrics");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject m)) {
            throw DomainException.invalid("Fältet 'metrics' ska vara ett objekt");
        }
        Object mode = m.getValue("mode", "typed"); // informational only: the server owns the mode
        NoteMode parsed = NoteMode.parse(mode instanceof String s ? s : null)
                .orElseThrow(() -> DomainException.invalid("metrics.mode ska vara dictated eller typed"));
        try {
            return new NoteMetrics(parsed, seconds(m, "audioSeconds"), seconds(m, "editSeconds"));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("metrics.audioSeconds och metrics.editSeconds ska vara sekunder (0 eller mer)");
        }
    }

    private static double seconds(JsonObject m, String field) {
        Object v = m.getValue(field);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(field);
        }
        return n.doubleValue();
    }
}
