package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * {@code asr.maxQueuedSeconds} end to end (api.md): a client sending far faster than a decoder that costs real CPU
 * never gets more than the limit (plus the one frame that crossed it) queued for decoding, because the server stops
 * reading its socket; once the backlog is decoded reading resumes and every word still arrives.
 */
class QueuedAudioBoundTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final double MAX_QUEUED = 0.5;
    private static final int FRAME_MILLIS = 100;

    @TempDir
    static Path tmp;
    static ToneWavWriter writer;
    static TestServer server;
    static ApiClient anna;
    static StreamClient streams;

    @BeforeAll
    static void start() throws IOException {
        // hidden layers make every decoded second cost real CPU, so audio sent at full speed would pile up
        ToneModel model = new ToneModelGenerator().withHiddenLayers(3, 768).generate(tmp.resolve("vosk-model-tone"));
        writer = new ToneWavWriter(model);
        server = TestServer.start(Map.of("asr.model", model.dir().toString(),
                "asr.maxQueuedSeconds", String.valueOf(MAX_QUEUED)));
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        anna = server.login("anna");
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0001")).status()).isEqualTo(201);
        streams = new StreamClient(server.port(), anna);
    }

    @AfterAll
    static void stop() {
        streams.close();
        server.close();
    }

    @Test
    void aStreamSentAtFullSpeedNeverHasMoreThanMaxQueuedSecondsWaitingForDecoding() throws InterruptedException {
        String melody = String.join(" | ", Collections.nCopies(8, "hallå mötet bedömning förskola barnet"));
        ToneAudio audio = writer.render(melody, 16000);
        assertThat(audio.seconds()).isGreaterThan(40 * MAX_QUEUED);

        Connection c = streams.connect()
                .send(new JsonObject().put("type", "start").put("caseId", "2026-0001").put("sampleRate", 16000))
                .sendAudio(audio, FRAME_MILLIS, 0).stop();
        JsonObject done = c.awaitType("done", WAIT).json();

        // nothing was lost to the pausing: every word arrived and the stream was decoded to its end
        assertThat(done.getString("transcript")).isEqualTo(String.join(" ", audio.words()));
        double peak = peakQueuedSeconds();
        assertThat(peak).as("most audio one stream had waiting for decoding (s)")
                .isGreaterThan(MAX_QUEUED) // the limit was reached: the socket was paused at least once
                .isLessThanOrEqualTo(MAX_QUEUED + FRAME_MILLIS / 1000.0 + 1e-9);
    }

    /** The stream's backlog high point from /metrics, once the finished stream has been recorded there. */
    private static double peakQueuedSeconds() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            String metrics = server.anonymous().get("/metrics").body();
            Matcher count = Pattern.compile("(?m)^dikta_asr_queued_peak_seconds_count(?:\\{[^}]*\\})? (\\S+)$")
                    .matcher(metrics);
            if (count.find() && Double.parseDouble(count.group(1)) >= 1) {
                Matcher max = Pattern.compile("(?m)^dikta_asr_queued_peak_seconds_max(?:\\{[^}]*\\})? (\\S+)$")
                        .matcher(metrics);
                assertThat(max.find()).as("dikta_asr_queued_peak_seconds_max in /metrics").isTrue();
                return Double.parseDouble(max.group(1));
            }
            assertThat(System.nanoTime()).as("the finished stream recorded in /metrics").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
