package se.dikta.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import se.dikta.audit.AuditLog;
import se.dikta.db.Database;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/** {@code GET /api/cases} (the cases of the user's unit) and {@code POST /api/cases}. */
public final class CasesApi implements ApiModule {

    /** {@code POST /api/cases}. */
    public static final RequestSpec CREATE = RequestSpec.of(
            Field.text("id", 64).required().column("cases.id")
                    .pattern("[\\p{L}\\p{N}._/-]{1,64}", "1–64 tecken, bokstäver, siffror, . _ / -"),
            Field.text("title", 200).column("cases.title"));

    private final Database db;
    private final CaseStore cases;
    private final AuditLog audit;
    private final Clock clock;

    public CasesApi(Database db, CaseStore cases, AuditLog audit, Clock clock) {
        this.db = db;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/cases", Role.NOTE_READERS, this::list);
        api.post("/cases", Role.NOTE_READERS, this::create);
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        AuthUser user = AuthUser.of(ctx);
        return db.tx(c -> cases.listByUnit(c, user.unitId())).map(list -> new JsonObject().put("cases",
                new JsonArray(list.stream().map(CasesApi::toJson).toList())));
    }

    private Future<JsonObject> create(RoutingContext ctx) {
        AuthUser user = AuthUser.of(ctx);
        JsonObject body = CREATE.body(ctx);
        String id = body.getString("id");
        String title = body.getString("title", "Ärende " + id);
        return db.tx(c -> {
            if (cases.find(c, id).isPresent()) {
                throw ApiException.conflict("Ärendet " + id + " finns redan");
            }
            CaseStore.Case created = cases.create(c, id, user.unitId(), title, clock.instant());
            audit.record(c, user, "case-create", "case", id, null);
            return created;
        }).map(created -> {
            ctx.response().setStatusCode(201);
            return toJson(created);
        });
    }

    static JsonObject toJson(CaseStore.Case c) {
        return new JsonObject().put("id", c.id()).put("unit", c.unit()).put("title", c.title())
                .put("createdAt", c.createdAt().toString());
    }
}
