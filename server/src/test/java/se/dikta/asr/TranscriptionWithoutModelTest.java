package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/** Without a usable model the service runs, says why, and answers transcription requests with 503. */
class TranscriptionWithoutModelTest {

    @TempDir
    Path tmp;

    @Test
    void aCorruptModelLeavesARunningServiceWithoutTranscription() throws Exception {
        ToneModel model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-broken"));
        Path hclg = model.dir().resolve("graph/HCLG.fst");
        byte[] bytes = Files.readAllBytes(hclg);
        Files.write(hclg, Arrays.copyOf(bytes, bytes.length - 100)); // a copy that stopped short

        try (TestServer server = TestServer.start(Map.of("asr.model", model.dir().toString()))) {
            JsonObject health = server.anonymous().get("/health").json();
            assertThat(health.getString("status")).isEqualTo("UP");
            JsonObject asr = health.getJsonObject("asr");
            assertThat(asr.getString("model")).isEqualTo("vosk-model-broken");
            assertThat(asr.getBoolean("loaded")).isFalse();
            assertThat(asr.getString("error")).contains("graph/HCLG.fst").contains("avkortad");

            assertRefused(server, new ToneWavWriter(model).render("hallå", 16000).wav());
        }
    }

    @Test
    void aMissingModelDirectoryIsReportedTheSameWay() throws Exception {
        try (TestServer server = TestServer.start(Map.of("asr.model", tmp.resolve("not-installed").toString()))) {
            JsonObject asr = server.anonymous().get("/health").json().getJsonObject("asr");
            assertThat(asr.getBoolean("loaded")).isFalse();
            assertThat(asr.getString("error")).contains("finns inte");
            assertRefused(server, new byte[] {'R', 'I', 'F', 'F'});
        }
    }

    @Test
    void uploadsSpooledByAnEarlierRunAreRemovedAtStart() throws Exception {
        Path uploads = Files.createDirectories(tmp.resolve("uploads"));
        Path leftover = Files.write(uploads.resolve("0b7e-left-by-a-crash.wav"), new byte[] {'R', 'I', 'F', 'F'});
        try (TestServer server = TestServer.start(Map.of("asr.model", tmp.resolve("none").toString(),
                "asr.uploadDir", uploads.toString()))) {
            assertThat(leftover).doesNotExist();
        }
    }

    private static void assertRefused(TestServer server, byte[] wav) {
        server.addUser("anna", Role.WORKER, "IFO Vuxen");
        ApiClient anna = server.login("anna");
        ApiClient.Response upload = anna.sendBytes("POST", "/api/transcriptions", wav, "audio/wav");
        assertThat(upload.status()).isEqualTo(503);
        assertThat(upload.error()).contains("fetch-model.sh");
        try (StreamClient streams = new StreamClient(server.port(), anna)) {
            assertThat(streams.rejectedStatus(null)).isEqualTo(503);
        }
        // the rest of the service works: signed-in requests are answered
        assertThat(anna.get("/api/cases").status()).isEqualTo(200);
    }
}
