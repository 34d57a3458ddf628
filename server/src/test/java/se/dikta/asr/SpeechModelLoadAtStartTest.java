package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.settings.Settings;
import se.dikta.testing.TestServer;
import se.dikta.testing.ToneModel;
import se.dikta.testing.ToneModelGenerator;

/**
 * The speech model loads while the database opens (the server starts the load first and waits for it before
 * listening): it is in at the first answer, it is loaded once however many parts ask, and a model that
 * finishes loading after a failed start closed the engine is released, not kept.
 */
class SpeechModelLoadAtStartTest {

    @TempDir
    Path tmp;

    @Test
    void theSpeechModelLoadedBesideTheDatabaseIsInAtTheServersFirstAnswer() throws Exception {
        ToneModel model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        try (TestServer server = TestServer.start(Map.of("asr.model", model.dir().toString()))) {
            JsonObject health = server.anonymous().get("/health").json();
            assertThat(health.getString("status")).isEqualTo("UP");
            assertThat(health.getJsonObject("asr").getBoolean("loaded")).isTrue();
            assertThat(health.getJsonObject("asr").getString("model")).isEqualTo("vosk-model-tone");
        }
    }

    @Test
    void startingTheEngineAgainReturnsTheSameLoadInsteadOfLoadingTwice() throws Exception {
        ToneModel model = new ToneModelGenerator().generate(tmp.resolve("vosk-model-tone"));
        Vertx vertx = Vertx.vertx();
        try (VoskEngine engine = engine(model.dir())) {
            Future<Void> first = engine.start(vertx);
            assertThat(engine.start(vertx)).isSameAs(first);
            first.await();
            SpeechModel loaded = engine.model().orElseThrow();
            engine.start(vertx).await();
            assertThat(engine.model()).containsSame(loaded);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void aModelThatFinishesLoadingAfterTheEngineClosedIsReleased() throws Exception {
        ToneModel model = new ToneModelGenerator().withHiddenLayers(4, 1024).generate(tmp.resolve("vosk-model-slow"));
        Vertx vertx = Vertx.vertx();
        try {
            VoskEngine engine = engine(model.dir());
            Future<Void> loading = engine.start(vertx);
            engine.close(); // a failed start closes everything while the model is still being read
            loading.await();
            assertThat(engine.model()).isEmpty();
            assertThat(engine.status().loaded()).isFalse();
        } finally {
            vertx.close().await();
        }
    }

    private VoskEngine engine(Path model) {
        return new VoskEngine(AsrConfig.from(Settings.of(Map.of("asr.model", model.toString())), tmp, false),
                new ModelVerifier());
    }
}
