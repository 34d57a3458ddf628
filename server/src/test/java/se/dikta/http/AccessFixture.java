package se.dikta.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import se.dikta.identity.Role;
import se.dikta.testing.ApiClient;
import se.dikta.testing.StreamClient;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;
import se.dikta.testing.ToneWavWriter;

/**
 * The world the access matrix runs in: one server (with single sign-on configured, so its routes exist too,
 * and a tone model, so the transcription routes answer), two units with a worker and a manager each, an
 * admin, and unit A's case, draft, signed note and transcription job — all of worker A.
 */
final class AccessFixture implements AutoCloseable {

    /** Who calls. */
    enum Who { ANONYMOUS, WORKER_A, WORKER_B, MANAGER_A, MANAGER_B, ADMIN }

    static final String UNIT_A = "IFO Barn och unga";
    static final String UNIT_B = "IFO Vuxen";
    static final String CASE_A = "A-2026-1";
    static final String CASE_B = "B-2026-1";

    private static final Map<Who, String> NAMES = Map.of(Who.WORKER_A, "wa", Who.WORKER_B, "wb",
            Who.MANAGER_A, "ma", Who.MANAGER_B, "mb", Who.ADMIN, "admin");

    final MockOAuth2Server provider = new MockOAuth2Server();
    final TestServer server;
    final ToneWavWriter tones;
    final Map<Who, ApiClient> clients = new EnumMap<>(Who.class);
    final String draftA;
    final String signedA;
    final String jobA;
    final long unitAId;
    private final AtomicInteger counter = new AtomicInteger();

    AccessFixture(Path tmp) throws Exception {
        provider.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        ToneModel model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        tones = new ToneWavWriter(model);
        Map<String, String> config = new HashMap<>(Map.of(
                "asr.model", model.dir().toString(),
                "asr.inlineMaxSeconds", "2.5",
                "oidc.issuer", "http://127.0.0.1:" + provider.url("/").port() + "/kommun",
                "oidc.clientId", "dikta",
                "oidc.clientSecret", "hemligt",
                "oidc.groupMap", "sg-dikta=worker:" + UNIT_A));
        server = TestServer.start(config);
        server.addUser("wa", Role.WORKER, UNIT_A);
        server.addUser("wb", Role.WORKER, UNIT_B);
        server.addUser("ma", Role.MANAGER, UNIT_A);
        server.addUser("mb", Role.MANAGER, UNIT_B);
        server.addUser("admin", Role.ADMIN, "IT");
        server.addUser("spare", Role.WORKER, UNIT_A);
        clients.put(Who.ANONYMOUS, server.anonymous());
        NAMES.forEach((who, name) -> clients.put(who, server.login(name)));
        ApiClient wa = clients.get(Who.WORKER_A);
        expect(wa.post("/api/cases", new JsonObject().put("id", CASE_A)), 201);
        expect(clients.get(Who.WORKER_B).post("/api/cases", new JsonObject().put("id", CASE_B)), 201);
        draftA = newDraftA();
        signedA = newDraftA();
        expect(wa.post("/api/notes/" + signedA + "/sign", null), 200);
        ApiClient.Response job = wa.sendBytes("POST", "/api/transcriptions",
                tones.render("hallå mötet | bedömning samtal | oro stöd", 16000).wav(), "audio/wav");
        jobA = expect(job, 202).json().getString("id");
        awaitStructuring(wa);
        unitAId = clients.get(Who.ADMIN).get("/api/admin/units").json().getJsonArray("unitList").stream()
                .map(JsonObject.class::cast).filter(u -> u.getString("name").equals(UNIT_A))
                .findFirst().orElseThrow().getLong("id");
    }

    /** Structuring answers 503 while its models load after start-up; the matrix wants the settled answers. */
    private static void awaitStructuring(ApiClient client) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (client.post("/api/structure", new JsonObject().put("text", "samtal")).status() == 503) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Fixture: structuring still not ready after 3 minutes");
            }
            Thread.sleep(200);
        }
    }

    ApiClient client(Who who) {
        return clients.get(who);
    }

    /** A newly signed-in client for {@code who} (anonymous: a new anonymous one), e.g. to sign out with. */
    ApiClient fresh(Who who) {
        return who == Who.ANONYMOUS ? server.anonymous() : server.login(NAMES.get(who));
    }

    /** A new draft of worker A in case A, with text in it. */
    String newDraftA() {
        ApiClient.Response r = clients.get(Who.WORKER_A).post("/api/notes", new JsonObject().put("caseId", CASE_A)
                .put("template", "journalanteckning").put("sections", new JsonArray().add(new JsonObject()
                        .put("key", "KONTAKT").put("text", "Samtal med vårdnadshavare."))));
        return expect(r, 201).json().getString("id");
    }

    /** A name no earlier call used. */
    String unique(String prefix) {
        return prefix + "-" + counter.incrementAndGet();
    }

    /** The status the WebSocket upgrade answers {@code who} with, from the server's own origin (as a browser). */
    int upgrade(Who who) {
        String cookie = who == Who.ANONYMOUS ? "" : clients.get(who).cookie("DIKTA_SESSION");
        try (StreamClient streams = new StreamClient(server.port(), cookie)) {
            return streams.rejectedStatus(server.baseUrl());
        }
    }

    /** What a stream into {@code noteId} answers {@code who}: the error message and the close code. */
    String streamError(Who who, String noteId) {
        ApiClient client = clients.get(who);
        try (StreamClient streams = new StreamClient(server.port(), client)) {
            StreamClient.Connection c = streams.connect();
            c.send(new JsonObject().put("type", "start").put("sampleRate", 16000).put("noteId", noteId));
            String error = c.awaitType("error", java.time.Duration.ofSeconds(30)).json().getString("error");
            return error + " / close " + c.awaitClose(java.time.Duration.ofSeconds(30));
        }
    }

    /**
     * What a start into a draft that does not exist answers worker A, with this {@code csrf} field (null: none),
     * from a page of {@code origin} (null: a client that is not a browser and sends no Origin): error and close code.
     */
    String startWithCsrf(Object csrf, String origin) {
        try (StreamClient streams = new StreamClient(server.port(), clients.get(Who.WORKER_A).cookie("DIKTA_SESSION"))) {
            StreamClient.Connection c = streams.connect(origin);
            JsonObject start = new JsonObject().put("type", "start").put("sampleRate", 16000).put("noteId", "finns-inte");
            c.send(csrf == null ? start : start.put("csrf", csrf));
            String error = c.awaitType("error", java.time.Duration.ofSeconds(30)).json().getString("error");
            return error + " / close " + c.awaitClose(java.time.Duration.ofSeconds(30));
        }
    }

    /** The status the upgrade answers worker A with when the page's origin is {@code origin}. */
    int upgradeFrom(String origin) {
        try (StreamClient streams = new StreamClient(server.port(), clients.get(Who.WORKER_A))) {
            return streams.rejectedStatus(origin);
        }
    }

    static ApiClient.Response expect(ApiClient.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("Fixture: expected " + status + ", got " + r.status() + " " + r.body());
        }
        return r;
    }

    @Override
    public void close() {
        server.close();
        provider.shutdown();
    }
}
