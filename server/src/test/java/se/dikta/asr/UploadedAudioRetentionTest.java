package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/**
 * Uploaded audio is not kept: a long upload's spooled file is deleted as soon as its job ends, unless
 * {@code retention.audio} says to keep it (then the retention pass removes it when its time is up).
 */
class UploadedAudioRetentionTest {

    @TempDir
    static Path tmp;
    static ToneModel toneModel;
    static byte[] longWav;

    @BeforeAll
    static void model() throws Exception {
        toneModel = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        longWav = new ToneWavWriter(toneModel).render("hallå mötet bedömning | punkt rubrik", 16000).wav();
    }

    private static List<Path> uploadsAfterAJob(Map<String, String> extra) throws Exception {
        Path uploads = Files.createTempDirectory(tmp, "uploads");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("asr.model", toneModel.dir().toString(),
                "asr.inlineMaxSeconds", "1", "asr.uploadDir", uploads.toString()));
        settings.putAll(extra);
        try (TestServer server = TestServer.start(settings)) {
            server.addUser("anna", Role.WORKER, "IFO Vuxen");
            ApiClient anna = server.login("anna");
            ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions", longWav, "audio/wav");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            String id = r.json().getString("id");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            JsonObject job = anna.get("/api/transcriptions/" + id).json();
            while (job.getString("status").equals("running") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                job = anna.get("/api/transcriptions/" + id).json();
            }
            assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
            Thread.sleep(300); // the file is deleted just after the job is marked done
            try (Stream<Path> files = Files.list(uploads)) {
                return files.toList();
            }
        }
    }

    @Test
    void theSpooledAudioIsDeletedWhenItsTranscriptionEnds() throws Exception {
        assertThat(uploadsAfterAJob(Map.of())).isEmpty();
    }

    @Test
    void theSpooledAudioIsKeptWhenRetentionSaysSo() throws Exception {
        assertThat(uploadsAfterAJob(Map.of("retention.audio", "7d"))).hasSize(1);
    }
}
