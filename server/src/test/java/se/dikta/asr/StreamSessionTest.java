package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/** The stream protocol's promises towards the draft: acknowledged audio is persisted, resumed streams continue. */
class StreamSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AuthUser ANNA = new AuthUser(7, "anna", Role.WORKER, "IFO", 1, "Anna", "Socialsekreterare");
    private static final String CSRF = "csrf-token-of-annas-session";
    /** Every start here carries the right token, so no refusal is ever recorded (no audit log needed). */
    private static final StartCsrf ACCEPTED = new StartCsrf(CSRF, null, ANNA);

    /** Holds every append until the test lets it through, like a slow database. */
    static final class GatedSink implements DraftSink {
        final UnsavedDictations drafts = new UnsavedDictations();
        final List<Promise<Void>> held = new CopyOnWriteArrayList<>();
        volatile boolean open = true;

        @Override
        public Future<String> open(AuthUser user, DraftSink.Target target) {
            return drafts.open(user, target);
        }

        @Override
        public Future<Void> append(AuthUser user, String noteId, long seq, FinalResult result) {
            Future<Void> stored = drafts.append(user, noteId, seq, result);
            if (open) {
                return stored;
            }
            Promise<Void> gate = Promise.promise();
            held.add(gate);
            return gate.future().compose(v -> stored);
        }

        void release() {
            open = true;
            held.forEach(Promise::tryComplete);
        }
    }

    @TempDir
    Path tmp;
    Vertx vertx;
    SpeechModel model;
    ToneWavWriter writer;
    GatedSink sink;
    AtomicInteger released;
    HttpServer http;
    StreamClient client;

    @BeforeEach
    void start() throws Exception {
        LoadedToneModel tone = LoadedToneModel.generate(tmp.resolve("tone"));
        writer = tone.writer();
        model = tone.speech();
        vertx = Vertx.vertx();
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("test-asr", 2);
        AsrConfig config = AsrConfig.from(se.dikta.settings.Settings.of(java.util.Map.of()), tmp, false);
        AsrMetrics metrics = new AsrMetrics(new SimpleMeterRegistry(), new StreamSlots(2));
        sink = new GatedSink();
        released = new AtomicInteger();
        http = vertx.createHttpServer()
                .webSocketHandler(ws -> new StreamSession(vertx, ws, ANNA, ACCEPTED, model, pool, sink, config, metrics,
                        released::incrementAndGet).start())
                .listen(0).await();
        client = new StreamClient(http.actualPort(), "unused").withCsrf(CSRF);
    }

    @AfterEach
    void stop() {
        client.close();
        vertx.close().await();
        model.close();
    }

    @Test
    void acknowledgesAudioOnlyOnceTheDraftHasItsText() throws Exception {
        sink.open = false;
        ToneAudio audio = writer.render("hallå mötet | punkt", 16000);
        Connection c = client.connect().start(16000).sendAudio(audio, 100, 0);
        JsonObject first = c.awaitType("final", WAIT).json();
        assertThat(first.getString("text")).isEqualTo("hallå mötet");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.held.isEmpty()) { // the first utterance's write has reached the (slow) store
            assertThat(System.nanoTime()).as("no write of the first utterance within " + WAIT).isLessThan(deadline);
            Thread.sleep(5);
        }
        c.roundTrip(WAIT); // an ack sent together with the write would be here by now
        assertThat(c.ofType("ack")).as("acks while the write is held").isEmpty();

        long released = System.nanoTime();
        sink.release();
        long acked = c.awaitType("ack", WAIT).json().getLong("seq");
        assertThat(acked).isGreaterThanOrEqualTo(first.getLong("seq"));
        assertThat(c.messages()).filteredOn(m -> m.type().equals("ack")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.nanos()).as("ack %s", m.json()).isGreaterThan(released));
        String noteId = c.stop().awaitType("done", WAIT).json().getString("noteId");
        assertThat(sink.drafts.text(noteId)).hasValue("hallå mötet punkt");
    }

    @Test
    void aStreamThatSendsNothingForTheIdleTimeoutIsClosedWith1008() throws Exception {
        AsrConfig idle = AsrConfig.from(se.dikta.settings.Settings.of(java.util.Map.of("asr.idleTimeout", "1")), tmp, false);
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("test-asr-idle", 1);
        AsrMetrics metrics = new AsrMetrics(new SimpleMeterRegistry(), new StreamSlots(2));
        HttpServer idleServer = vertx.createHttpServer()
                .webSocketHandler(ws -> new StreamSession(vertx, ws, ANNA, ACCEPTED, model, pool, sink, idle, metrics, () -> { })
                        .start())
                .listen(0).await();
        try (StreamClient idleClient = new StreamClient(idleServer.actualPort(), "unused").withCsrf(CSRF)) {
            Connection c = idleClient.connect().start(16000).sendAudio(writer.render("oro", 16000), 100, 0);
            c.awaitType("final", WAIT);
            long quietFrom = System.nanoTime();
            assertThat(c.awaitClose(WAIT)).isEqualTo((short) 1008);
            assertThat(System.nanoTime() - quietFrom).as("closed only after the idle timeout")
                    .isGreaterThan(Duration.ofMillis(500).toNanos());
            assertThat(c.ofType("error")).singleElement()
                    .satisfies(e -> assertThat(e.getString("error")).contains("Ingen aktivitet"));
        }
    }

    @Test
    void aResumedStreamNumbersItsFramesAfterResumeFrom() {
        // the in-memory sink; the database-backed draft, a dropped socket and re-sent audio: DraftResumptionBehaviour
        Connection first = client.connect().start(16000).sendAudio(writer.render("bedömning | förskola", 16000), 100, 0);
        first.stop();
        JsonObject done = first.awaitType("done", WAIT).json();
        List<JsonObject> acks = first.ofType("ack");
        long lastAck = acks.get(acks.size() - 1).getLong("seq");

        Connection resumed = client.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", done.getString("noteId")).put("resumeFrom", lastAck));
        resumed.sendAudio(writer.render("rubrik", 16000), 100, 0).stop();
        JsonObject resumedDone = resumed.awaitType("done", WAIT).json();

        assertThat(resumedDone.getString("noteId")).isEqualTo(done.getString("noteId"));
        assertThat(resumed.ofType("final").get(0).getLong("seq")).isGreaterThan(lastAck);
        assertThat(sink.drafts.text(done.getString("noteId"))).hasValue("bedömning förskola rubrik");
    }

    @Test
    void anotherUsersDraftCannotBeResumed() {
        String noteId = sink.drafts.open(new AuthUser(8, "bo", Role.WORKER, "IFO", 1, "Bo", "Handläggare"),
                Optional.empty()).await();
        Connection c = client.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", noteId));
        assertThat(c.awaitClose(WAIT)).isEqualTo((short) 1008);
        assertThat(c.awaitType("error", WAIT).json().getString("error")).isEqualTo("Utkastet finns inte");
    }

    @Test
    void aDroppedConnectionFreesTheRecognizerWithoutStop() throws Exception {
        Connection c = client.connect().start(16000).sendAudio(writer.render("oro stöd", 16000), 100, 0);
        c.awaitType("partial", WAIT);
        assertThat(released.get()).isZero();
        c.abandon();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (released.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(released.get()).isEqualTo(1);
    }
}
