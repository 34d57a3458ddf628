package se.dikta.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;

/**
 * {@code /api/notes}: create, read, save (drafts), sign, amend (signed notes), list by case, versions.
 * Access rules live in {@link NoteService}; this class only translates HTTP.
 */
public final class NotesApi implements ApiModule {

    private final NoteService notes;

    public NotesApi(NoteService notes) {
        this.notes = notes;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.post("/notes", Role.NOTE_READERS, this::create);
        api.get("/notes", Role.NOTE_READERS, this::listByCase);
        api.get("/notes/:id", Role.NOTE_READERS, ctx -> notes.get(AuthUser.of(ctx), id(ctx))
                .map(n -> NoteJson.toJson(n, true)));
        api.put("/notes/:id", Role.NOTE_READERS, this::save);
        api.post("/notes/:id/sign", Role.NOTE_READERS, ctx -> notes.sign(AuthUser.of(ctx), id(ctx))
                .map(n -> NoteJson.toJson(n, true)));
        api.post("/notes/:id/amendments", Role.NOTE_READERS, this::amend);
        api.get("/notes/:id/versions", Role.NOTE_READERS, ctx -> notes.versions(AuthUser.of(ctx), id(ctx))
                .map(list -> new JsonObject().put("versions",
                        new JsonArray(list.stream().map(NoteJson::version).toList()))));
    }

    private Future<JsonObject> create(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        String caseId = ApiRoutes.requiredString(body, "caseId");
        String template = ApiRoutes.requiredString(body, "template");
        // mode and audio seconds are the server's (a new note is typed until dictation reaches it), and no
        // editing time can have been spent on a note before its first save
        NoteContent content = NoteJson.content(body).withMetrics(new NoteMetrics(NoteMode.TYPED, 0, 0));
        return notes.create(AuthUser.of(ctx), caseId, template, content).map(n -> {
            ctx.response().setStatusCode(201);
            return NoteJson.toJson(n, true);
        });
    }

    private Future<JsonObject> save(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        return notes.save(AuthUser.of(ctx), id(ctx), NoteJson.content(body), NoteJson.expectedVersion(body))
                .map(n -> NoteJson.toJson(n, true));
    }

    private Future<JsonObject> amend(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        return notes.amend(AuthUser.of(ctx), id(ctx), NoteJson.optionalString(body, "section"),
                NoteJson.optionalString(body, "text")).map(n -> {
                    ctx.response().setStatusCode(201);
                    return NoteJson.toJson(n, true);
                });
    }

    private Future<JsonObject> listByCase(RoutingContext ctx) {
        String caseId = ctx.queryParams().get("caseId");
        if (caseId == null || caseId.isBlank()) {
            throw ApiException.badRequest("Ange ärendet: /api/notes?caseId=...");
        }
        return notes.listByCase(AuthUser.of(ctx), caseId.strip()).map(list -> new JsonObject().put("notes",
                new JsonArray(list.stream().map(n -> NoteJson.toJson(n, false)).toList())));
    }

    private static String id(RoutingContext ctx) {
        return ctx.pathParam("id");
    }
}
