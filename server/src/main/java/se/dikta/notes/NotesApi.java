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
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;

/**
 * {@code /api/notes}: create, read, save (drafts), sign, amend (signed notes), list by case, versions.
 * Access rules live in {@link NoteService}; this class only translates HTTP.
 */
public final class NotesApi implements ApiModule {

    private static final Field EVENT_DATE = Field.date("eventDate");
    private static final Field SECTIONS = Field.array("sections", NoteJson.MAX_SECTIONS);
    private static final Field TRANSCRIPT = Field.text("transcript", NoteJson.MAX_STORED_CHARS).column("notes.transcript");
    private static final Field WORDS = Field.array("words", NoteJson.MAX_WORDS);
    private static final Field METRICS = Field.object("metrics");
    private static final Field PROPOSAL = Field.text("proposal", NoteJson.MAX_STORED_CHARS).column("notes.proposal");

    /**
     * {@code POST /api/notes}. The spec checks each field's type and bounds; {@link NoteJson} then reads the
     * sections, words and metrics one by one (keys, times), and bounds what they take once stored as JSON.
     */
    public static final RequestSpec CREATE = RequestSpec.of(
            Field.text("caseId", 64).required().column("notes.case_id"),
            Field.text("template", 100).required().column("notes.template")
                    .pattern("[\\p{L}\\p{N}._-]{1,100}", "en malls id, t.ex. journalanteckning"),
            EVENT_DATE, SECTIONS, TRANSCRIPT, WORDS, METRICS, PROPOSAL);
    /** {@code PUT /api/notes/{id}}: fields left out keep their value. */
    public static final RequestSpec SAVE = RequestSpec.of(EVENT_DATE, SECTIONS, TRANSCRIPT, WORDS, METRICS, PROPOSAL,
            Field.integer("version", 1, Integer.MAX_VALUE));
    /** {@code POST /api/notes/{id}/amendments}. */
    public static final RequestSpec AMEND = RequestSpec.of(
            Field.text("text", NoteJson.MAX_STORED_CHARS).required().column("note_amendments.body"),
            Field.text("section", 40).column("note_amendments.section"));
    /** {@code GET /api/notes?caseId=}. */
    public static final RequestSpec LIST = RequestSpec.of(Field.text("caseId", 64).required().column("cases.id"));

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
        CREATE.check(body);
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
        SAVE.check(body);
        return notes.save(AuthUser.of(ctx), id(ctx), NoteJson.content(body), NoteJson.expectedVersion(body))
                .map(n -> NoteJson.toJson(n, true));
    }

    private Future<JsonObject> amend(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        AMEND.check(body);
        return notes.amend(AuthUser.of(ctx), id(ctx), NoteJson.optionalString(body, "section"),
                NoteJson.optionalString(body, "text")).map(n -> {
                    ctx.response().setStatusCode(201);
                    return NoteJson.toJson(n, true);
                });
    }

    private Future<JsonObject> listByCase(RoutingContext ctx) {
        String caseId = LIST.query(ctx).getString("caseId");
        return notes.listByCase(AuthUser.of(ctx), caseId).map(list -> new JsonObject().put("notes",
                new JsonArray(list.stream().map(n -> NoteJson.toJson(n, false)).toList())));
    }

    /** A note id is a UUID: anything else cannot be a note, so it is answered like one that does not exist. */
    private static String id(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || id.length() > 36 || !RequestSpec.printable(id)) {
            throw ApiException.notFound("Anteckningen finns inte");
        }
        return id;
    }
}
