package se.dikta.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import se.dikta.speech.WordTiming;

/** Sections and word times as the JSON text stored in the notes tables. */
final class NoteJsonCodec {

    private NoteJsonCodec() {
    }

    static String sections(List<NoteSection> sections) {
        JsonArray a = new JsonArray();
        sections.forEach(s -> a.add(new JsonObject().put("key", s.key()).put("text", s.text())));
        return a.encode();
    }

    static List<NoteSection> sections(String json) {
        List<NoteSection> list = new ArrayList<>();
        for (Object o : new JsonArray(json)) {
            JsonObject s = (JsonObject) o;
            list.add(new NoteSection(s.getString("key"), s.getString("text")));
        }
        return list;
    }

    static String words(List<WordTiming> words) {
        JsonArray a = new JsonArray();
        words.forEach(w -> a.add(wordJson(w)));
        return a.encode();
    }

    static JsonObject wordJson(WordTiming w) {
        return new JsonObject().put("word", w.word()).put("start", w.start()).put("end", w.end()).put("conf", w.conf());
    }

    static List<WordTiming> words(String json) {
        return words(new JsonArray(json));
    }

    /** Word times from JSON objects {@code {"word","start","end","conf"}}; missing numbers count as 0. */
    static List<WordTiming> words(JsonArray json) {
        List<WordTiming> list = new ArrayList<>();
        for (Object o : json) {
            if (!(o instanceof JsonObject w) || !(w.getValue("word") instanceof String word)) {
                throw new IllegalArgumentException("A word time needs a \"word\"");
            }
            list.add(new WordTiming(word, number(w, "start"), number(w, "end"), number(w, "conf")));
        }
        return list;
    }

    private static double number(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return n.doubleValue();
    }
}
