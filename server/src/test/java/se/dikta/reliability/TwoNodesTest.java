package se.dikta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.ChildServer;
import se.dikta.testing.PostgresServer;
import se.dikta.testing.StreamClient;
import se.dikta.testing.StreamClient.Connection;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * Two server processes on one PostgreSQL, as behind a load balancer without sticky sessions: node 1 is a
 * separate JVM (so it can be killed), node 2 runs in the test's JVM. The browser's cookies go to both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    static final int FRAME_BYTES = 16000 / 10 * 2;
    static final Duration WAIT = Duration.ofSeconds(60);

    static Path modelDir;
    static ToneModel model;
    static ChildServer node1;
    static TestServer node2;
    static ApiClient anna1;
    static ApiClient anna2;

    @BeforeAll
    static void start() throws Exception {
        modelDir = Files.createTempDirectory("dikta-nodes-model-");
        model = new ToneModelGenerator().generate(modelDir.resolve("vosk-model-tone"));
        Map<String, String> config = new HashMap<>(Map.of("db.url", PostgresServer.shared().createDatabase(),
                "db.user", "dikta", "asr.model", model.dir().toString(), "asr.maxStreams", "1"));
        node1 = ChildServer.start(List.of("-Xmx384m"), env -> { }, config);
        node2 = TestServer.start(config);
        node2.addUser("cilla", Role.WORKER, "IFO");
        anna1 = node1.loginAnna();
        anna2 = anna1.on(node2.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (node2 != null) {
                node2.close();
            }
            if (node1 != null) {
                node1.close();
            }
        } finally {
            TestServer.deleteTree(modelDir);
        }
    }

    @Test
    @Order(1)
    void aSessionStartedOnNodeOneWorksOnNodeTwoAndANoteSavedThereIsFoundWithinTwoSeconds() throws Exception {
        assertThat(anna2.get("/api/me").json().getString("username")).isEqualTo("anna");
        // a write on node 2 with node 1's CSRF token
        assertThat(anna2.post("/api/cases", new JsonObject().put("id", "2026-0904").put("title", "Familj Nod"))
                .status()).isEqualTo(201);
        assertThat(anna1.post("/api/notes", new JsonObject().put("caseId", "2026-0904").put("template",
                "journalanteckning").put("sections", new JsonArray().add(new JsonObject().put("key", "KONTAKT")
                        .put("text", "Hembesök hos familjen nodtvåtest")))).status()).isEqualTo(201);
        long saved = System.nanoTime(); // acknowledged by node 1
        long found = -1;
        while (System.nanoTime() - saved < 30_000_000_000L) {
            if (anna2.get("/api/search?q=nodtvåtest").json().getLong("total") == 1) {
                found = System.nanoTime();
                break;
            }
            Thread.sleep(50);
        }
        assertThat(found).as("found on node 2").isPositive();
        // 2 s on a machine with a core to spare (the poll is 1 s); this 2-core machine is shared by other
        // builds, so the bound stretches with the load average per core
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double stretch = Math.max(1, load / Runtime.getRuntime().availableProcessors());
        System.out.printf("a note saved on node 1 was found on node 2 after %d ms (load average %.1f)%n",
                (found - saved) / 1_000_000, load);
        assertThat((found - saved) / 1_000_000.0).isLessThan(2000 * stretch);
    }

    @Test
    @Order(2)
    void failedSignInsCountTowardsOneLockoutThroughEitherNode() {
        ApiClient via1 = new ApiClient("http://127.0.0.1:" + node1.port());
        ApiClient via2 = new ApiClient(node2.baseUrl());
        for (int i = 0; i < 5; i++) {
            ApiClient via = i % 2 == 0 ? via1 : via2;
            assertThat(via.post("/api/login", new JsonObject().put("username", "cilla").put("password", "fel"))
                    .status()).isEqualTo(401);
        }
        JsonObject right = new JsonObject().put("username", "cilla").put("password", TestServer.PASSWORD_PREFIX + "cilla");
        assertThat(via1.post("/api/login", right).status()).isEqualTo(429);
        assertThat(via2.post("/api/login", right).status()).isEqualTo(429);
    }

    @Test
    @Order(3)
    void eachNodeAdmitsStreamsUpToItsOwnLimitAndRefusesTheNextWith1013() {
        try (StreamClient s1 = new StreamClient(node1.port(), anna1); StreamClient s2 = new StreamClient(node2.port(), anna1)) {
            Connection held1 = s1.connect().start(16000);
            Connection held2 = s2.connect().start(16000);
            held1.sendBinary(new byte[FRAME_BYTES]);
            held2.sendBinary(new byte[FRAME_BYTES]);
            assertThat(s1.connect().awaitClose(WAIT)).isEqualTo((short) 1013);
            assertThat(s2.connect().awaitClose(WAIT)).isEqualTo((short) 1013);
            held1.abandon();
            held2.abandon();
        }
    }

    @Test
    @Order(4)
    void aDraftDictatedOnNodeOneContinuesOnNodeTwoAfterNodeOneIsKilled() throws Exception {
        ToneAudio audio = new ToneWavWriter(model).render("hallå mötet barnet | samtal oro stöd | mamma pappa skolan"
                + " | bedömning förskola läkare", 16000);
        int frames = (audio.pcm().length + FRAME_BYTES - 1) / FRAME_BYTES;
        long lastAck;
        try (StreamClient s1 = new StreamClient(node1.port(), anna1)) {
            Connection c = s1.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                    .put("caseId", "2026-0904"));
            int half = frames / 2;
            send(c, audio, 1, half);
            c.await(m -> "ack".equals(m.getString("type")) && !c.ofType("final").isEmpty()
                    && m.getLong("seq") >= c.ofType("final").get(0).getLong("seq"), WAIT);
            node1.process().destroyForcibly().waitFor(); // SIGKILL
            lastAck = c.ofType("ack").stream().mapToLong(a -> a.getLong("seq")).max().orElseThrow();
        }
        String draft = anna2.get("/api/notes?caseId=2026-0904").json().getJsonArray("notes").stream()
                .map(n -> (JsonObject) n).filter(n -> "draft".equals(n.getString("status"))
                        && n.getJsonObject("metrics").getString("mode").equals("dictated"))
                .map(n -> n.getString("id")).findFirst().orElseThrow();
        try (StreamClient s2 = new StreamClient(node2.port(), anna1)) {
            Connection c = s2.connect().send(new JsonObject().put("type", "start").put("sampleRate", 16000)
                    .put("noteId", draft).put("resumeFrom", lastAck));
            send(c, audio, (int) lastAck + 1, frames);
            c.stop();
            assertThat(c.awaitType("done", WAIT).json().getString("noteId")).isEqualTo(draft);
        }
        assertThat(List.of(anna2.get("/api/notes/" + draft).json().getString("transcript").split(" ")))
                .isEqualTo(audio.words());
    }

    static void send(Connection c, ToneAudio audio, int from, int to) {
        byte[] pcm = audio.pcm();
        for (int seq = from; seq <= to; seq++) {
            int off = (seq - 1) * FRAME_BYTES;
            c.sendBinary(Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + FRAME_BYTES)));
        }
    }
}
