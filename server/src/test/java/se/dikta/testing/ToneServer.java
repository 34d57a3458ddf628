package se.dikta.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * One real server per test class that transcribes with a freshly generated tone model (decoded by libvosk), with
 * two workers of one unit signed in, anna and bo. Register as
 * {@code @RegisterExtension static final ToneServer tone = new ToneServer(Map.of(...));}: the settings given are
 * added to the model's.
 */
public final class ToneServer implements BeforeAllCallback, AfterAllCallback {

    /** How long a test waits for decoding, even on a loaded machine. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String UNIT = "IFO Barn och unga";
    /** Four melodies of the tone model's words, utterances apart at "|". */
    public static final List<String> MELODIES = List.of(
            "hallå mötet bedömning | punkt rubrik",
            "förskola barnet | mamma pappa skolan",
            "samtal oro stöd | åtgärd läkare",
            "socialtjänsten punkt | rubrik hallå mötet");

    private final Map<String, String> settings;
    private Path dir;
    private ToneModel model;
    private ToneWavWriter writer;
    private TestServer server;
    private AuthUser annaUser;
    private ApiClient anna;
    private ApiClient bo;
    private StreamClient annaStreams;

    public ToneServer(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("dikta-tone-server");
        model = new ToneModelGenerator().generate(dir.resolve("vosk-model-tone"));
        writer = new ToneWavWriter(model);
        Map<String, String> all = new HashMap<>(Map.of("asr.model", model.dir().toString()));
        all.putAll(settings);
        server = TestServer.start(all);
        annaUser = server.addUser("anna", Role.WORKER, UNIT);
        server.addUser("bo", Role.WORKER, UNIT);
        anna = server.login("anna");
        bo = server.login("bo");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (annaStreams != null) {
                annaStreams.close();
            }
            if (server != null) {
                server.close();
            }
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    public ToneModel model() {
        return model;
    }

    public ToneWavWriter writer() {
        return writer;
    }

    public TestServer server() {
        return server;
    }

    public AuthUser annaUser() {
        return annaUser;
    }

    public ApiClient anna() {
        return anna;
    }

    public ApiClient bo() {
        return bo;
    }

    /** Anna's live-dictation client (opened on first use, closed with the server). */
    public StreamClient annaStreams() {
        if (annaStreams == null) {
            annaStreams = new StreamClient(server.port(), anna);
        }
        return annaStreams;
    }
}
