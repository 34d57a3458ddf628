package se.dikta.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.dikta.testing.ChildServer;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;

/**
 * A server in a child JVM, so that a test can kill it with SIGKILL, transcribing with a freshly generated tone model;
 * its port and data directory outlive the process, so {@link #restart()} starts it again on the data a crash left.
 * One per test class: {@code @RegisterExtension static final KillableServer server = new KillableServer(...);}.
 */
final class KillableServer implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Map<String, String> settings;
    private Path dir;
    private Path modelDir;
    private ToneModel model;
    private int port;
    private ChildServer child;

    /** {@code name} marks the temporary directories; {@code settings} are added to the model's and data's. */
    KillableServer(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("dikta-" + name + "-");
        modelDir = Files.createTempDirectory("dikta-" + name + "-model-");
        model = new ToneModelGenerator().generate(modelDir.resolve("vosk-model-tone"));
        port = ChildServer.freePort();
        restart();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (child != null) {
                child.close();
            }
        } finally {
            TestServer.deleteTree(dir);
            TestServer.deleteTree(modelDir);
        }
    }

    /** Starts the server (again) on the same port and data directory. */
    ChildServer restart() throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("asr.model", model.dir().toString());
        all.put("dataDir", dir.resolve("data").toString());
        child = ChildServer.startOn(dir, port, "384m", all);
        return child;
    }

    /** SIGKILL: the process ends at once, without closing anything. */
    void kill() throws InterruptedException {
        child.process().destroyForcibly().waitFor();
    }

    ChildServer child() {
        return child;
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    ToneModel model() {
        return model;
    }
}
