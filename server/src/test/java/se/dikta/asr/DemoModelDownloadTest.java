package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
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
 * {@code serve --demo} without a speech model downloads one in the background (from a loopback server
 * here), checks and installs it atomically and loads it; a failed download leaves a running server that
 * says how to install the model.
 */
class DemoModelDownloadTest {

    @TempDir
    static Path shared;
    static ToneModel model;
    static byte[] zip;

    @TempDir
    Path tmp;
    HttpServer archiveServer;

    @BeforeAll
    static void generate() throws IOException {
        model = new ToneModelGenerator().generate(shared.resolve("vosk-model-tone"));
        zip = zipOf(model.dir(), List.of());
    }

    @AfterEach
    void stopArchiveServer() {
        if (archiveServer != null) {
            archiveServer.stop(0);
        }
    }

    @Test
    void demoWithoutAModelDownloadsInstallsAndLoadsItWhileTheServerRuns() throws Exception {
        Path target = tmp.resolve("models/vosk-model-tone");
        try (TestServer server = TestServer.start(Map.of("demo", "true", "asr.model", target.toString(),
                "asr.downloadUrl", serve(zip), "asr.downloadSha256", sha256(zip)))) {
            JsonObject asr = awaitAsr(server, a -> a.getBoolean("loaded"));
            assertThat(asr.getString("model")).isEqualTo("vosk-model-tone");
            assertThat(asr.containsKey("download")).isFalse();
            assertThat(target.resolve(ModelVerifier.MANIFEST)).isRegularFile();
            assertThat(hiddenLeftovers(target.getParent())).isEmpty();

            server.addUser("testare", Role.WORKER, "IFO Vuxen");
            ApiClient anna = server.login("testare");
            byte[] wav = new ToneWavWriter(model).render("hallå stöd", 16000).wav();
            ApiClient.Response result = anna.sendBytes("POST", "/api/transcriptions", wav, "audio/wav");
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.json().getString("transcript")).isEqualTo("hallå stöd");
        }
    }

    @Test
    void anArchiveWithTheWrongDigestIsRefusedAndNothingIsInstalled() throws Exception {
        Path target = tmp.resolve("models/vosk-model-tone");
        try (TestServer server = TestServer.start(Map.of("demo", "true", "asr.model", target.toString(),
                "asr.downloadUrl", serve(zip), "asr.downloadSha256", "0".repeat(64)))) {
            JsonObject asr = awaitAsr(server, a -> a.containsKey("download")
                    && "failed".equals(a.getJsonObject("download").getString("state")));
            assertThat(asr.getBoolean("loaded")).isFalse();
            assertThat(asr.getJsonObject("download").getString("error")).contains("SHA-256");
            assertThat(asr.getString("error")).contains("fetch-model.sh");
            assertThat(target).doesNotExist();
            assertThat(hiddenLeftovers(target.getParent())).isEmpty();
            assertThat(server.anonymous().get("/health").json().getString("status")).isEqualTo("UP");
        }
    }

    @Test
    void offlineTheServerStartsAtOnceAndSaysHowToInstallTheModel() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path target = tmp.resolve("models/vosk-model-tone");
        try (TestServer server = TestServer.start(Map.of("demo", "true", "asr.model", target.toString(),
                "asr.downloadUrl", "http://127.0.0.1:" + closedPort + "/model.zip"))) {
            JsonObject asr = awaitAsr(server, a -> a.containsKey("download")
                    && "failed".equals(a.getJsonObject("download").getString("state")));
            assertThat(asr.getString("error")).contains("kunde inte laddas ned").contains("fetch-model.sh");
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void anArchiveEntryPointingOutsideTheInstallDirectoryIsRefused() throws Exception {
        byte[] evil = zipOf(model.dir(), List.of("../../escaped.txt"));
        Path target = tmp.resolve("models/vosk-model-tone");
        try (TestServer server = TestServer.start(Map.of("demo", "true", "asr.model", target.toString(),
                "asr.downloadUrl", serve(evil)))) {
            JsonObject asr = awaitAsr(server, a -> a.containsKey("download")
                    && "failed".equals(a.getJsonObject("download").getString("state")));
            assertThat(asr.getJsonObject("download").getString("error")).contains("otillåten sökväg");
            assertThat(target).doesNotExist();
            try (Stream<Path> files = Files.walk(tmp)) {
                assertThat(files.filter(p -> p.getFileName().toString().equals("escaped.txt"))).isEmpty();
            }
        }
    }

    @Test
    void outsideDemoModeNothingIsDownloadedUnlessConfigured() {
        Path target = tmp.resolve("models/vosk-model-tone");
        try (TestServer server = TestServer.start(Map.of("asr.model", target.toString()))) {
            JsonObject asr = server.anonymous().get("/health").json().getJsonObject("asr");
            assertThat(asr.getBoolean("loaded")).isFalse();
            assertThat(asr.containsKey("download")).isFalse();
        }
        assertThat(AsrConfig.from(se.dikta.settings.Settings.of(Map.of()), tmp, false).downloadUrl()).isEmpty();
        assertThat(AsrConfig.from(se.dikta.settings.Settings.of(Map.of()), tmp, true).downloadUrl())
                .hasValueSatisfying(u -> assertThat(u.toString()).endsWith("vosk-model-small-sv-rhasspy-0.15.zip"));
    }

    private String serve(byte[] body) throws IOException {
        archiveServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        archiveServer.createContext("/model.zip", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        archiveServer.start();
        return "http://127.0.0.1:" + archiveServer.getAddress().getPort() + "/model.zip";
    }

    private static JsonObject awaitAsr(TestServer server, Predicate<JsonObject> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject asr;
        do {
            asr = server.anonymous().get("/health").json().getJsonObject("asr");
            if (done.test(asr)) {
                return asr;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("asr never reached the expected state: " + asr);
    }

    private static List<Path> hiddenLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** The model under its directory name, as the published archives are, plus any extra (hostile) entries. */
    private static byte[] zipOf(Path dir, List<String> extraEntries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(dir.getFileName() + "/" + dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            for (String name : extraEntries) {
                out.putNextEntry(new ZipEntry(name));
                out.write("x".getBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}
