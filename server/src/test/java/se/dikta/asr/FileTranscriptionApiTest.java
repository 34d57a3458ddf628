package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Audio files through {@code POST /api/transcriptions}: short ones answered inline, long ones and those of unknown
 * length as jobs only their creator reads, any rate and channel count, refused with the reason when not WAV, empty,
 * corrupt or too big. Real server, decoded by libvosk with the tone model.
 */
class FileTranscriptionApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> MELODIES = List.of(
            "hallå mötet bedömning | punkt rubrik",
            "förskola barnet | mamma pappa skolan",
            "samtal oro stöd | åtgärd läkare",
            "socialtjänsten punkt | rubrik hallå mötet");

    @TempDir
    static Path tmp;
    static ToneModel toneModel;
    static ToneWavWriter writer;
    static TestServer server;
    static ApiClient anna;
    static ApiClient bo;

    @BeforeAll
    static void start() throws IOException {
        toneModel = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        writer = new ToneWavWriter(toneModel);
        server = TestServer.start(Map.of(
                "asr.model", toneModel.dir().toString(),
                "asr.inlineMaxSeconds", "5",
                "asr.maxUploadBytes", "3000000"));
        server.addUser("anna", Role.WORKER, "IFO Barn och unga");
        server.addUser("bo", Role.WORKER, "IFO Barn och unga");
        anna = server.login("anna");
        bo = server.login("bo");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shortUploadsAreAnsweredInline() {
        ToneAudio audio = writer.render("hallå mötet | bedömning", 16000);
        ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/wav");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject json = r.json();
        assertThat(json.getString("transcript")).isEqualTo("hallå mötet bedömning");
        assertThat(json.getDouble("audioSeconds")).isCloseTo(audio.seconds(), within(0.001));
        assertThat(json.getDouble("processingSeconds")).isPositive();
        JsonArray words = json.getJsonArray("words");
        assertThat(words).hasSize(3);
        assertThat(words.getJsonObject(2).getDouble("start")).isCloseTo(audio.spans().get(2).start(), within(0.06));
    }

    @Test
    void anUploadForADraftMakesItDictatedWithTheUploadsAudioSeconds() {
        assertThat(anna.post("/api/cases", new JsonObject().put("id", "2026-0077")).status()).isIn(201, 409);
        String noteId = anna.post("/api/notes", new JsonObject().put("caseId", "2026-0077")
                .put("template", "journalanteckning")).json().getString("id");
        ToneAudio audio = writer.render("samtal oro", 16000);

        assertThat(bo.sendBytes("POST", "/api/transcriptions?noteId=" + noteId, audio.wav(), "audio/wav").status())
                .isEqualTo(403);
        ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions?noteId=" + noteId, audio.wav(), "audio/wav");
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        JsonObject metrics = anna.get("/api/notes/" + noteId).json().getJsonObject("metrics");
        assertThat(metrics.getString("mode")).isEqualTo("dictated");
        assertThat(metrics.getDouble("audioSeconds")).isCloseTo(audio.seconds(), within(0.001));
    }

    @Test
    void stereoUploadsAtAnyRateAreDownmixedAndResampled() {
        ToneAudio audio = writer.render("förskola oro | punkt", 44100, 2);
        ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/x-wav");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("transcript")).isEqualTo("förskola oro punkt");
    }

    @Test
    void longUploadsBecomeJobsThatOnlyTheirCreatorCanRead() throws Exception {
        ToneAudio audio = writer.render(String.join(" | ", MELODIES), 16000);
        assertThat(audio.seconds()).isGreaterThan(5);
        ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/wav");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().getString("id");

        assertThat(bo.get("/api/transcriptions/" + id).status()).isEqualTo(404);
        JsonObject job = anna.get("/api/transcriptions/" + id).json();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (job.getString("status").equals("running") && System.nanoTime() < deadline) {
            assertThat(job.getDouble("progress")).isBetween(0.0, 1.0);
            Thread.sleep(50);
            job = anna.get("/api/transcriptions/" + id).json();
        }
        assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
        assertThat(job.getDouble("progress")).isEqualTo(1.0);
        assertThat(job.getString("transcript")).isEqualTo(String.join(" ", MELODIES).replace(" |", ""));
        assertThat(job.getJsonArray("words")).hasSize(audio.words().size());
        assertThat(bo.get("/api/transcriptions/" + id).status()).isEqualTo(404);
        assertThat(anna.get("/api/transcriptions/no-such-job").status()).isEqualTo(404);
    }

    @Test
    void uploadsOfUnknownLengthStreamToAJob() throws Exception {
        ToneAudio audio = writer.render(MELODIES.get(1) + " | " + MELODIES.get(3), 16000);
        byte[] wav = audio.wav();
        java.nio.ByteBuffer.wrap(wav, 40, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(-1); // streaming writer
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/transcriptions"))
                .header("Content-Type", "audio/wav").header("X-XSRF-TOKEN", anna.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(wav))).build();
        HttpResponse<String> r = anna.http().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("id");
        JsonObject job;
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Thread.sleep(50);
            job = anna.get("/api/transcriptions/" + id).json();
        } while (job.getString("status").equals("running") && System.nanoTime() < deadline);
        assertThat(job.getString("transcript")).isEqualTo((MELODIES.get(1) + " " + MELODIES.get(3)).replace(" |", ""));
    }

    @Test
    void rejectsUploadThatIsNotWav() {
        ApiClient.Response mp3 = anna.sendBytes("POST", "/api/transcriptions", "ID3\u0004 not audio".getBytes(), "audio/wav");
        assertThat(mp3.status()).isEqualTo(415);
        assertThat(mp3.error()).contains("inte en WAV-fil");
        ApiClient.Response typed = anna.sendBytes("POST", "/api/transcriptions", new byte[10], "audio/mpeg");
        assertThat(typed.status()).isEqualTo(415);
    }

    @Test
    void rejectsEmptyAndCorruptUploadsWithTheReason() {
        ApiClient.Response empty = anna.sendBytes("POST", "/api/transcriptions", new byte[0], "audio/wav");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).isEqualTo("Filen är tom");
        byte[] wav = writer.render("oro", 16000).wav();
        ApiClient.Response truncated = anna.sendBytes("POST", "/api/transcriptions", java.util.Arrays.copyOf(wav, 30), "audio/wav");
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.error()).contains("ofullständigt");
        wav[32] = 7; // block align that fits no PCM16 layout
        ApiClient.Response corrupt = anna.sendBytes("POST", "/api/transcriptions", wav, "audio/wav");
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.error()).contains("inkonsekvent");
    }

    @Test
    void rejectsUploadsOverTheLimit() {
        byte[] tooBig = java.util.Arrays.copyOf(writer.render("oro", 48000, 2).wav(), 3_000_001);
        ApiClient.Response r = anna.sendBytes("POST", "/api/transcriptions", tooBig, "audio/wav");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).contains("för stor");
    }
}
