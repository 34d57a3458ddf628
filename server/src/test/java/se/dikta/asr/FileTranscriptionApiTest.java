package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.dikta.testing.ToneServer.MELODIES;
import static se.dikta.testing.ToneServer.WAIT;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.dikta.testing.ApiClient;
import se.dikta.testing.ToneServer;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Audio files through {@code POST /api/transcriptions}: short ones answered inline, long ones and those of unknown
 * length as jobs only their creator reads, any rate and channel count, refused with the reason when not WAV, empty,
 * corrupt or too big. Real server, decoded by libvosk with the tone model.
 */
class FileTranscriptionApiTest {

    @RegisterExtension
    static final ToneServer tone = new ToneServer(Map.of("asr.inlineMaxSeconds", "5",
            "asr.maxUploadBytes", "3000000"));

    @Test
    void shortUploadsAreAnsweredInline() {
        ToneAudio audio = tone.writer().render("hallå mötet | bedömning", 16000);
        ApiClient.Response r = tone.anna().sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/wav");
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
        assertThat(tone.anna().post("/api/cases", new JsonObject().put("id", "2026-0077")).status()).isIn(201, 409);
        String noteId = tone.anna().post("/api/notes", new JsonObject().put("caseId", "2026-0077")
                .put("template", "journalanteckning")).json().getString("id");
        ToneAudio audio = tone.writer().render("samtal oro", 16000);

        String path = "/api/transcriptions?noteId=" + noteId;
        assertThat(tone.bo().sendBytes("POST", path, audio.wav(), "audio/wav").status()).isEqualTo(403);
        ApiClient.Response r = tone.anna().sendBytes("POST", path, audio.wav(), "audio/wav");
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        JsonObject metrics = tone.anna().get("/api/notes/" + noteId).json().getJsonObject("metrics");
        assertThat(metrics.getString("mode")).isEqualTo("dictated");
        assertThat(metrics.getDouble("audioSeconds")).isCloseTo(audio.seconds(), within(0.001));
    }

    @Test
    void stereoUploadsAtAnyRateAreDownmixedAndResampled() {
        ToneAudio audio = tone.writer().render("förskola oro | punkt", 44100, 2);
        ApiClient.Response r = tone.anna().sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/x-wav");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("transcript")).isEqualTo("förskola oro punkt");
    }

    @Test
    void longUploadsBecomeJobsThatOnlyTheirCreatorCanRead() throws Exception {
        ToneAudio audio = tone.writer().render(String.join(" | ", MELODIES), 16000);
        assertThat(audio.seconds()).isGreaterThan(5);
        ApiClient.Response r = tone.anna().sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/wav");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().getString("id");

        assertThat(tone.bo().get("/api/transcriptions/" + id).status()).isEqualTo(404);
        JsonObject job = tone.anna().get("/api/transcriptions/" + id).json();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (job.getString("status").equals("running") && System.nanoTime() < deadline) {
            assertThat(job.getDouble("progress")).isBetween(0.0, 1.0);
            Thread.sleep(50);
            job = tone.anna().get("/api/transcriptions/" + id).json();
        }
        assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
        assertThat(job.getDouble("progress")).isEqualTo(1.0);
        assertThat(job.getString("transcript")).isEqualTo(String.join(" ", MELODIES).replace(" |", ""));
        assertThat(job.getJsonArray("words")).hasSize(audio.words().size());
        assertThat(tone.bo().get("/api/transcriptions/" + id).status()).isEqualTo(404);
        assertThat(tone.anna().get("/api/transcriptions/no-such-job").status()).isEqualTo(404);
    }

    @Test
    void uploadsOfUnknownLengthStreamToAJob() throws Exception {
        ToneAudio audio = tone.writer().render(MELODIES.get(1) + " | " + MELODIES.get(3), 16000);
        byte[] wav = audio.wav();
        java.nio.ByteBuffer.wrap(wav, 40, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(-1); // streaming writer
        HttpRequest req = HttpRequest.newBuilder(URI.create(tone.server().baseUrl() + "/api/transcriptions"))
                .header("Content-Type", "audio/wav").header("X-XSRF-TOKEN", tone.anna().cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(wav))).build();
        HttpResponse<String> r = tone.anna().http().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = new JsonObject(r.body()).getString("id");
        JsonObject job;
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Thread.sleep(50);
            job = tone.anna().get("/api/transcriptions/" + id).json();
        } while (job.getString("status").equals("running") && System.nanoTime() < deadline);
        assertThat(job.getString("transcript")).isEqualTo((MELODIES.get(1) + " " + MELODIES.get(3)).replace(" |", ""));
    }

    @Test
    void rejectsUploadThatIsNotWav() {
        ApiClient.Response mp3 = tone.anna().sendBytes("POST", "/api/transcriptions", "ID3\u0004 not audio".getBytes(),
                "audio/wav");
        assertThat(mp3.status()).isEqualTo(415);
        assertThat(mp3.error()).contains("inte en WAV-fil");
        ApiClient.Response typed = tone.anna().sendBytes("POST", "/api/transcriptions", new byte[10], "audio/mpeg");
        assertThat(typed.status()).isEqualTo(415);
    }

    @Test
    void rejectsEmptyAndCorruptUploadsWithTheReason() {
        ApiClient.Response empty = tone.anna().sendBytes("POST", "/api/transcriptions", new byte[0], "audio/wav");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).isEqualTo("Filen är tom");
        byte[] wav = tone.writer().render("oro", 16000).wav();
        ApiClient.Response truncated = tone.anna().sendBytes("POST", "/api/transcriptions",
                java.util.Arrays.copyOf(wav, 30), "audio/wav");
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.error()).contains("ofullständigt");
        wav[32] = 7; // block align that fits no PCM16 layout
        ApiClient.Response corrupt = tone.anna().sendBytes("POST", "/api/transcriptions", wav, "audio/wav");
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.error()).contains("inkonsekvent");
    }

    @Test
    void rejectsUploadsOverTheLimit() {
        byte[] tooBig = java.util.Arrays.copyOf(tone.writer().render("oro", 48000, 2).wav(), 3_000_001);
        ApiClient.Response r = tone.anna().sendBytes("POST", "/api/transcriptions", tooBig, "audio/wav");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).contains("för stor");
    }
}
