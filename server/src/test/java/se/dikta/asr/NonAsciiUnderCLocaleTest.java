package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.ApiClient;
import se.dikta.testing.ChildServer;
import se.dikta.testing.StreamClient;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Words with å, ä, ö come back intact from a server whose locale is plain C. The server runs in a child
 * JVM started with LANG=C and LC_ALL=C, without -Djna.encoding or -Dfile.encoding and without
 * se.dikta.Main: only the transcription code itself can make libvosk's strings arrive as UTF-8.
 */
class NonAsciiUnderCLocaleTest {

    @TempDir
    Path tmp;

    @Test
    void swedishWordsSurviveAServerRunningUnderTheCLocale() throws Exception {
        ToneModel model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        try (ChildServer server = ChildServer.start(List.of(), env -> {
            env.keySet().removeIf(k -> k.startsWith("LC_") || k.startsWith("DIKTA_") || k.endsWith("JAVA_OPTIONS")
                    || k.equals("JAVA_TOOL_OPTIONS"));
            env.put("LANG", "C");
            env.put("LC_ALL", "C");
        }, Map.of("asr.model", model.dir().toString()))) {
            ApiClient anna = server.loginAnna();
            String script = "hallå mötet | bedömning förskola | stöd åtgärd läkare";
            String transcript = script.replace(" |", "");
            ToneAudio audio = new ToneWavWriter(model).render(script, 16000);

            try (StreamClient streams = new StreamClient(server.port(), anna)) {
                StreamClient.Connection c = streams.connect().start(16000).sendAudio(audio, 100, 0).stop();
                JsonObject done = c.awaitType("done", Duration.ofSeconds(60)).json();
                assertThat(done.getString("transcript")).isEqualTo(transcript);
                assertThat(c.ofType("final").get(0).getJsonArray("words").getJsonObject(0).getString("word"))
                        .isEqualTo("hallå");
            }
            ApiClient.Response upload = anna.sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/wav");
            assertThat(upload.json().getString("transcript")).isEqualTo(transcript);
        }
    }
}
