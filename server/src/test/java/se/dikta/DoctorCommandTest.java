package se.dikta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModelGenerator;

/** {@code doctor} passes a healthy set-up and names each broken part with what to do about it. */
class DoctorCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out) {}

    private Run doctor(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "doctor";
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main().run(args, env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHealthySetUpPassesWithWarningsOnly() throws Exception {
        Path data = tmp.resolve("data");
        Path model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone")).dir();
        writeManifest(model);
        Map<String, String> env = new HashMap<>(Map.of("DIKTA_DATA_DIR", data.toString(), "DIKTA_ASR_MODEL", model.toString()));
        try (TestServer server = TestServer.start(Map.of("dataDir", data.toString()))) {
            assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
        }
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        Run r = doctor(env, "--port", String.valueOf(freePort), "--host", "127.0.0.1");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("[OK]   database").contains("[OK]   migrations").contains("[OK]   clock")
                .contains("[OK]   speech model").contains("[OK]   port").contains("[OK]   disk")
                .contains("[WARN] https").contains("Inga fel").doesNotContain("[FAIL]");
    }

    /** What models/fetch-model.sh records: sha256sum lines of every file. */
    private static void writeManifest(Path model) throws Exception {
        StringBuilder lines = new StringBuilder();
        try (var files = Files.walk(model)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                lines.append(java.util.HexFormat.of().formatHex(digest)).append("  ./")
                        .append(model.relativize(f).toString().replace('\\', '/')).append('\n');
            }
        }
        Files.writeString(model.resolve("dikta-model.sha256"), lines);
    }

    @Test
    void aModelFileThatChangedAfterInstallFailsTheChecksum() throws Exception {
        Path model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone")).dir();
        writeManifest(model);
        Path words = model.resolve("graph/words.txt");
        Files.writeString(words, Files.readString(words).replace("hallå", "hallo"));
        Run r = doctor(Map.of("DIKTA_DATA_DIR", tmp.resolve("data").toString(), "DIKTA_ASR_MODEL", model.toString()));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("[FAIL] speech model").contains("graph/words.txt");
    }

    @Test
    void aCertificateCloseToExpiryWarnsAndAnUnreadableOneFails() throws Exception {
        se.dikta.testing.TestCertificate cert = se.dikta.testing.TestCertificate.create(tmp.resolve("tls"), "snart");
        Map<String, String> env = Map.of("DIKTA_DATA_DIR", tmp.resolve("data").toString(),
                "DIKTA_TLS_CERT", cert.certPem().toString(), "DIKTA_TLS_KEY", cert.keyPem().toString());
        assertThat(doctor(env).out()).contains("[WARN] certificate").contains("CN=snart").contains("expires in 1 days");

        Files.writeString(cert.certPem(), "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
        Run broken = doctor(env);
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("[FAIL] certificate").contains("Cannot read the certificate");
    }

    @Test
    void aBrokenSetUpFailsAndSaysWhatToFix() throws Exception {
        Path data = tmp.resolve("data");
        Path model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-broken")).dir();
        Files.delete(model.resolve("conf/mfcc.conf"));
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Run r = doctor(Map.of("DIKTA_DATA_DIR", data.toString(), "DIKTA_ASR_MODEL", model.toString()),
                    "--port", String.valueOf(busy.getLocalPort()), "--host", "127.0.0.1");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("[FAIL] speech model").contains("fetch-model.sh")
                    .contains("[FAIL] port").contains("används av ett annat program").contains("is used by another program")
                    .contains("[WARN] database").contains("skapas vid första start");
        }
        assertThat(data.resolve("dikta.mv.db")).as("the doctor changes nothing").doesNotExist();

        Run unreachable = doctor(Map.of("DIKTA_DATA_DIR", data.toString()), "--db-url", "jdbc:postgresql://127.0.0.1:1/dikta");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.out()).contains("[FAIL] database").contains("Cannot reach the database");

        Run badConfig = doctor(Map.of("DIKTA_DATA_DIR", data.toString()), "--port", "abc");
        assertThat(badConfig.code()).isEqualTo(1);
        assertThat(badConfig.out()).contains("[FAIL] konfiguration").contains("port");
    }
}
