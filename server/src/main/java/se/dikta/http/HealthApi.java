package se.dikta.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import se.dikta.health.HealthContributor;

/** {@code GET /health}: each part's status under its name; 200 when every part is up, 503 otherwise. */
public final class HealthApi {

    private final List<HealthContributor> parts;

    public HealthApi(List<HealthContributor> parts) {
        this.parts = List.copyOf(parts);
    }

    public void mount(Router router) {
        router.get("/health").respond(this::health);
    }

    private Future<JsonObject> health(RoutingContext ctx) {
        List<Future<HealthContributor.Health>> checks = parts.stream()
                .map(p -> p.check().otherwise(e -> new HealthContributor.Health(false, "DOWN")))
                .toList();
        return Future.join(checks).otherwiseEmpty().map(v -> {
            JsonObject body = new JsonObject();
            boolean up = true;
            for (int i = 0; i < parts.size(); i++) {
                HealthContributor.Health h = checks.get(i).result();
                up &= h.up();
                body.put(parts.get(i).name(), h.detail());
            }
            ctx.response().setStatusCode(up ? 200 : 503);
            return new JsonObject().put("status", up ? "UP" : "DOWN").mergeIn(body);
        });
    }
}
