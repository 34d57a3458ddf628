package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.ApiClient;
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

    private static final Pattern READY = Pattern.compile("^READY (\\d+)$");

    @TempDir
    Path tmp;

    private ProcessBuilder childJvm(String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "se.dikta.testing.ChildServer"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.startsWith("DIKTA_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        return pb;
    }

    @Test
    void swedishWordsSurviveAServerRunningUnderTheCLocale() throws Exception {
        ToneModel model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        Process serve = childJvm("asr.model=" + model.dir()).start();
        try {
            int port = awaitPort(serve);
            ApiClient anna = new ApiClient("http://127.0.0.1:" + port);
            assertThat(anna.post("/api/login", new JsonObject().put("username", "anna").put("password", "losen-anna"))
                    .status()).isEqualTo(200);
            String script = "hallå mötet | bedömning förskola | stöd åtgärd läkare";
            ToneAudio audio = new ToneWavWriter(model).render(script, 16000);

            try (StreamClient streams = new StreamClient(port, anna.cookie("DIKTA_SESSION"))) {
                StreamClient.Connection c = streams.connect().start(16000).sendAudio(audio, 100, 0).stop();
                JsonObject done = c.awaitType("done", Duration.ofSeconds(60)).json();
                assertThat(done.getString("transcript")).isEqualTo(script.replace(" |", ""));
                assertThat(c.ofType("final").get(0).getJsonArray("words").getJsonObject(0).getString("word"))
                        .isEqualTo("hallå");
            }
            ApiClient.Response upload = anna.sendBytes("POST", "/api/transcriptions", audio.wav(), "audio/wav");
            assertThat(upload.json().getString("transcript")).isEqualTo(script.replace(" |", ""));
        } finally {
            serve.getOutputStream().close(); // the child stops when its stdin closes
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** Reads the child's output until it is ready; keeps draining it afterwards. */
    private static int awaitPort(Process serve) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.ISO_8859_1))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("server exited"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (seen) {
                throw new AssertionError("server did not start:\n" + seen, e);
            }
        }
    }
}
