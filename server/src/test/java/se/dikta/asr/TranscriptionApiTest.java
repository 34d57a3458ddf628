package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.dikta.testing.ToneServer.MELODIES;
import static se.dikta.testing.ToneServer.WAIT;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.dikta.identity.Role;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.ToneServer;
import se.dikta.testing.ToneWavWriter.ToneAudio;
import se.dikta.testing.ToneWavWriter.ToneSpan;

/**
 * Live dictation through the real server, decoded by libvosk with the tone model, and the metrics of both
 * dictation and files; uploads themselves are {@link FileTranscriptionApiTest}'s.
 */
class TranscriptionApiTest {

    private static final int MAX_STREAMS = 4;

    @RegisterExtension
    static final ToneServer tone = new ToneServer(Map.of("asr.inlineMaxSeconds", "5",
            "asr.maxUploadBytes", "3000000", "asr.maxStreams", String.valueOf(MAX_STREAMS)));

    private static List<JsonObject> finals(Connection c) {
        return c.ofType("final");
    }

    private static List<String> texts(List<JsonObject> finals) {
        return finals.stream().map(f -> f.getString("text")).toList();
    }

    private static List<String> utterances(String script) {
        return List.of(script.split("\\s*\\|\\s*"));
    }

    private static void assertWordTimes(List<JsonObject> finals, ToneAudio audio) {
        List<JsonObject> words = new ArrayList<>();
        finals.forEach(f -> f.getJsonArray("words").forEach(w -> words.add((JsonObject) w)));
        assertThat(words).extracting(w -> w.getString("word")).containsExactlyElementsOf(audio.words());
        for (int i = 0; i < words.size(); i++) {
            ToneSpan span = audio.spans().get(i);
            assertThat(words.get(i).getDouble("start")).as("start of %s", span.word()).isCloseTo(span.start(), within(0.06));
            assertThat(words.get(i).getDouble("end")).as("end of %s", span.word()).isCloseTo(span.end(), within(0.06));
        }
    }

    /** Streams the whole melody, stops, and returns the finished connection. */
    private static Connection dictate(StreamClient client, ToneAudio audio, double speed) {
        Connection c = client.connect().start(audio.sampleRate()).sendAudio(audio, 100, speed).stop();
        c.awaitType("done", WAIT);
        assertThat(c.awaitClose(WAIT)).isEqualTo((short) 1000);
        return c;
    }

    private static int activeStreams() {
        return tone.server().anonymous().get("/health").json().getJsonObject("asr").getInteger("activeStreams");
    }

    private static void awaitNoActiveStreams() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (activeStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(activeStreams()).isZero();
    }

    @Test
    void streamSendsPartialsBeforeStopAndFinalsWithWordTimesAcksAndDone() {
        String script = "hallå mötet bedömning | punkt rubrik | förskola";
        ToneAudio audio = tone.writer().render(script, 16000);
        // the audio up to the middle of the second word: the first utterance has not ended (no endpoint), so the
        // recogniser can only say a partial; stop is sent only once it did, however slow the machine
        int frameBytes = 16000 / 10 * 2;
        int cut = (int) ((audio.spans().get(1).start() + audio.spans().get(1).end()) / 2 * 10) * frameBytes;
        Connection c = tone.annaStreams().connect().start(16000);
        for (int off = 0; off < audio.pcm().length; off += frameBytes) {
            if (off == cut) {
                c.await(m -> "partial".equals(m.getString("type")) && !m.getString("text").isEmpty(), WAIT);
            }
            c.sendBinary(java.util.Arrays.copyOfRange(audio.pcm(), off, Math.min(audio.pcm().length, off + frameBytes)));
        }
        c.stop().awaitType("done", WAIT);
        assertThat(c.awaitClose(WAIT)).isEqualTo((short) 1000);
        List<JsonObject> finals = finals(c);
        assertThat(texts(finals)).containsExactlyElementsOf(utterances(script));
        assertWordTimes(finals, audio);

        // every final is followed by an ack covering it (finals decoded in one batch share one ack: the audio after
        // the partial is sent at full speed); acks only grow; the last ack covers all frames
        List<JsonObject> ordered = c.messages().stream().map(StreamClient.Message::json)
                .filter(m -> List.of("final", "ack").contains(m.getString("type"))).toList();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getString("type").equals("final")) {
                long seq = ordered.get(i).getLong("seq");
                assertThat(ordered.subList(i + 1, ordered.size())).as("an ack after " + ordered.get(i))
                        .filteredOn(m -> m.getString("type").equals("ack")).first()
                        .satisfies(ack -> assertThat(ack.getLong("seq")).isGreaterThanOrEqualTo(seq));
            }
        }
        assertThat(c.ofType("ack")).extracting(a -> a.getLong("seq")).isSorted();
        long frames = (long) Math.ceil(audio.seconds() / 0.1);
        assertThat(c.ofType("ack").get(c.ofType("ack").size() - 1).getLong("seq")).isEqualTo(frames);

        JsonObject done = c.ofType("done").get(0);
        assertThat(done.getString("transcript")).isEqualTo("hallå mötet bedömning punkt rubrik förskola");
        assertThat(done.getDouble("audioSeconds")).isCloseTo(audio.seconds(), within(0.001));
        assertThat(done.getString("noteId")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 44100, 48000})
    void streamsAtOtherRatesAreResampledOnTheServer(int rate) {
        ToneAudio audio = tone.writer().render(MELODIES.get(0), rate);
        Connection c = dictate(tone.annaStreams(), audio, 0);
        assertThat(texts(finals(c))).containsExactlyElementsOf(utterances(MELODIES.get(0)));
        assertWordTimes(finals(c), audio);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void concurrentStreamsGiveTheSameResultsAsOneAtATime(int streams) throws Exception {
        List<ToneAudio> audios = MELODIES.subList(0, streams).stream().map(m -> tone.writer().render(m, 16000))
                .toList();
        List<List<JsonObject>> sequential = new ArrayList<>();
        for (ToneAudio a : audios) {
            sequential.add(finals(dictate(tone.annaStreams(), a, 0)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(streams);
        try {
            List<Future<List<JsonObject>>> concurrent = new ArrayList<>();
            for (ToneAudio a : audios) {
                concurrent.add(threads.submit(() -> finals(dictate(tone.annaStreams(), a, 0))));
            }
            for (int i = 0; i < streams; i++) {
                assertThat(concurrent.get(i).get()).isEqualTo(sequential.get(i));
                assertThat(texts(sequential.get(i))).containsExactlyElementsOf(utterances(MELODIES.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith1013AndAbandonedStreamsFreeTheirSlots() throws Exception {
        awaitNoActiveStreams();
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < MAX_STREAMS; i++) {
            open.add(tone.annaStreams().connect().start(16000).sendBinary(new byte[3200]));
        }
        Connection refused = tone.annaStreams().connect();
        assertThat(refused.awaitClose(WAIT)).isEqualTo((short) 1013);
        assertThat(refused.awaitType("error", WAIT).json().getString("error")).contains("upptagna");
        assertThat(tone.server().anonymous().get("/metrics").body())
                .containsPattern("dikta_asr_streams_refused_total(\\{[^}]*\\})? [1-9]");

        open.forEach(Connection::abandon); // mid-utterance, no stop: the recognisers must be freed
        awaitNoActiveStreams();
        ToneAudio audio = tone.writer().render("stöd", 16000);
        assertThat(texts(finals(dictate(tone.annaStreams(), audio, 0)))).containsExactly("stöd");
    }

    @Test
    void protocolViolationsCloseOnlyTheOffendingStreamWithAnError() {
        ToneAudio audio = tone.writer().render(MELODIES.get(2), 16000);
        StreamClient streams = tone.annaStreams();
        Connection healthy = streams.connect().start(16000);

        assertViolation(streams.connect().sendBinary(new byte[320]), 1008, "före start");
        assertViolation(streams.connect().start(16000).sendBinary(new byte[321]), 1008, "udda längd");
        assertViolation(streams.connect().start(16000).sendBinary(new byte[40_000]), 1009, "för stor");
        // over Vert.x's own message limit (256 KB) the message is dropped before the session sees it: still 1009
        assertViolation(streams.connect().start(16000).sendBinary(new byte[300_000]), 1009, "för stor");
        assertViolation(streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 96000)),
                1008, "samplingsfrekvens");
        assertViolation(streams.connect().send(new JsonObject().put("type", "dance")), 1008, "Okänd meddelandetyp");
        assertViolation(streams.connect().sendBinary(new byte[0]), 1008, "före start");
        assertViolation(streams.connect().sendText("hej"), 1008, "förväntade JSON");
        assertViolation(streams.connect().start(16000).start(16000), 1008, "redan startats");
        assertViolation(streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("resumeFrom", "tolv")), 1008, "resumeFrom");
        assertViolation(streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("resumeFrom", -1)), 1008, "resumeFrom");
        assertViolation(streams.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                .put("noteId", 42)), 1008, "noteId");
        assertViolation(streams.connect().send(new JsonObject().put("type", "stop")), 1008, "inte startats");

        healthy.sendAudio(audio, 100, 0).stop();
        healthy.awaitType("done", WAIT);
        assertThat(texts(finals(healthy))).containsExactlyElementsOf(utterances(MELODIES.get(2)));
    }

    private static void assertViolation(Connection c, int code, String message) {
        assertThat(c.awaitClose(WAIT)).as(message).isEqualTo((short) code);
        assertThat(c.ofType("error")).as(message).singleElement()
                .satisfies(e -> assertThat(e.getString("error")).contains(message));
    }

    @Test
    void onlySignedInDictatingUsersFromTheSameOriginMayStream() throws Exception {
        assertThat(new StreamClient(tone.server().port(), "not-a-session").rejectedStatus(null)).isEqualTo(401);
        tone.server().addUser("admin", Role.ADMIN, "IT");
        try (StreamClient admin = new StreamClient(tone.server().port(), tone.server().login("admin"))) {
            assertThat(admin.rejectedStatus(null)).isEqualTo(403);
        }
        assertThat(tone.annaStreams().rejectedStatus("https://evil.example")).isEqualTo(403);
        assertThat(tone.annaStreams().rejectedStatus("http://127.0.0.1:" + tone.server().port())).isEqualTo(101);
    }

    /** The value of {@code name}{source="..."} in /metrics (0 before the first sample). */
    private static double counter(String name, String source) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*source=\"" + source
                + "\"[^}]*\\} (\\S+)$").matcher(tone.server().anonymous().get("/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Each counter grows by what its own work added: the audio's seconds, and some decoding CPU time. */
    private static void assertCounted(String source, double audioSeconds, Runnable work) throws InterruptedException {
        double audioBefore = counter("dikta_asr_audio_seconds_total", source);
        double cpuBefore = counter("dikta_asr_decode_cpu_seconds_total", source);
        work.run();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counter("dikta_asr_audio_seconds_total", source) - audioBefore < audioSeconds - 0.01
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(counter("dikta_asr_audio_seconds_total", source) - audioBefore).as(source + " audio seconds")
                .isCloseTo(audioSeconds, within(0.01));
        double cpu = counter("dikta_asr_decode_cpu_seconds_total", source) - cpuBefore;
        assertThat(cpu).as(source + " decode CPU seconds").isGreaterThan(0).isLessThan(audioSeconds * 20);
    }

    @Test
    void metricsCountTranscribedAudio() throws InterruptedException {
        ToneAudio file = tone.writer().render("oro", 16000);
        assertCounted("file", file.seconds(), () -> assertThat(tone.anna().sendBytes("POST", "/api/transcriptions",
                file.wav(), "audio/wav").status()).isEqualTo(200));
        ToneAudio stream = tone.writer().render(MELODIES.get(1), 16000);
        assertCounted("stream", stream.seconds(), () -> dictate(tone.annaStreams(), stream, 0));

        String metrics = tone.server().anonymous().get("/metrics").body();
        assertThat(metrics).contains("dikta_asr_streams_active");
        assertThat(metrics).contains("dikta_asr_real_time_factor");
    }
}
