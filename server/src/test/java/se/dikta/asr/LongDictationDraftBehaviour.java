package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.notes.Note;
import se.dikta.speech.WordTiming;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;

/**
 * A dictation far longer than the draft's word-time column holds (notes.words, 1,000,000 characters of JSON, about
 * 1.5 hours) through the real database-backed draft sink: every utterance is still appended and acknowledged, the
 * transcript holds every word, and the stored word times are the dictation's first ones, unchanged. Subclasses
 * pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LongDictationDraftBehaviour {

    private static final int UTTERANCES = 250;
    private static final int WORDS_PER_UTTERANCE = 80; // 20,000 words: about 2.2 hours at 150 words a minute

    private TestServer server;
    private AuthUser anna;

    protected abstract Map<String, String> databaseSettings();

    @BeforeAll
    void start() {
        server = TestServer.start(databaseSettings());
        anna = server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        ApiClient api = server.login("anna");
        assertThat(api.post("/api/cases", new JsonObject().put("id", "2026-0001")).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aDictationLongerThanTheWordTimeColumnKeepsEveryWordOfItsText() {
        NoteDraftSink sink = new NoteDraftSink(server.notes(), new UnsavedDictations());
        String noteId = sink.open(anna, new DraftSink.Target(Optional.empty(), Optional.of("2026-0001"),
                Optional.empty(), false)).await();
        List<String> spoken = new ArrayList<>();
        List<WordTiming> times = new ArrayList<>();
        long millis = 0; // whole milliseconds: the times survive the store's rounding unchanged
        for (int u = 1; u <= UTTERANCES; u++) {
            List<WordTiming> words = new ArrayList<>();
            for (int w = 0; w < WORDS_PER_UTTERANCE; w++) {
                String word = (w % 2 == 0 ? "bedömningen" : "förskolan") + u + "x" + w;
                words.add(new WordTiming(word, millis / 1000.0, (millis + 350) / 1000.0, 0.987));
                millis += 400;
            }
            List<String> text = words.stream().map(WordTiming::word).toList();
            // each append is what the stream awaits before its ack: a failure here is an unacknowledged utterance
            sink.append(anna, noteId, u * 100L, new FinalResult(String.join(" ", text), words, u * 100L)).await();
            spoken.addAll(text);
            times.addAll(words);
            millis += 1000;
        }
        sink.finish(anna, noteId, millis / 1000.0).await();

        Note note = server.notes().get(anna, noteId).await();
        assertThat(note.transcript().split(" ")).as("every acknowledged word, in order").containsExactlyElementsOf(spoken);
        assertThat(note.words().size()).as("word times stop once their column is full")
                .isGreaterThan(10_000).isLessThan(spoken.size());
        assertThat(note.words()).as("the stored times are the dictation's first ones")
                .containsExactlyElementsOf(times.subList(0, note.words().size()));
        assertThat(note.words().size() % WORDS_PER_UTTERANCE).as("whole utterances").isZero();
    }
}
