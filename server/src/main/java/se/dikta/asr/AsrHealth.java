package se.dikta.asr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import se.dikta.health.HealthContributor;

/** {@code "asr": {"model": ..., "loaded": ...}} in /health. A missing model is reported but does not make the service DOWN. */
public final class AsrHealth implements HealthContributor {

    private final VoskEngine engine;
    private final StreamSlots slots;

    AsrHealth(VoskEngine engine, StreamSlots slots) {
        this.engine = engine;
        this.slots = slots;
    }

    @Override
    public String name() {
        return "asr";
    }

    @Override
    public Future<Health> check() {
        AsrStatus s = engine.status();
        JsonObject detail = new JsonObject().put("model", s.model()).put("loaded", s.loaded())
                .put("activeStreams", slots.active());
        s.error().ifPresent(e -> detail.put("error", e));
        s.download().ifPresent(d -> {
            JsonObject download = new JsonObject().put("state", d.state()).put("progress", d.fraction());
            d.error().ifPresent(e -> download.put("error", e));
            detail.put("download", download);
        });
        return Future.succeededFuture(new Health(true, detail));
    }
}
