package se.dikta.structure;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.structure.core.Transcript;
import se.dikta.structure.core.Transcript.TimeSpan;
import se.dikta.structure.localnames.LocalNames;
import se.dikta.structure.template.Template;
import se.dikta.structure.template.TemplateSection;

/**
 * {@code POST /api/structure} (recogniser text, optional template and word times → structured note) and
 * {@code GET /api/templates}. Both carry note content, so workers and managers only.
 */
public final class StructureApi implements ApiModule {


    /**
     * {@code POST /api/structure}. {@code text} is bounded again by {@code structure.maxTextChars} (413);
     * {@code words} must have one entry per word of the text.
     */
    public static final RequestSpec STRUCTURE = RequestSpec.of(
            Field.text("text", 10_000_000).required(),
            Field.text("template", 100),
            Field.array("words", 2_000_000));

    private final StructureService service;
    private final StructureConfig config;
    private final LocalNames localNames;

    public StructureApi(StructureService service, StructureConfig config, LocalNames localNames) {
        this.service = service;
        this.config = config;
        this.localNames = localNames;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.post("/structure", Role.NOTE_READERS, this::structure);
        api.get("/templates", Role.NOTE_READERS, ctx -> Future.succeededFuture(templates()));
    }

    private Future<StructuredNote> structure(RoutingContext ctx) {
        JsonObject body = STRUCTURE.body(ctx);
        String text = body.getString("text");
        if (text.length() > config.maxTextChars()) {
            throw ApiException.payloadTooLarge("Texten är för lång: högst " + config.maxTextChars() + " tecken");
        }
        String templateId = body.getString("template", Template.DEFAULT_ID);
        Template template = service.template(templateId).orElseThrow(() -> ApiException.badRequest(
                "Okänd mall '" + templateId + "'. Tillgängliga mallar: " + String.join(", ", service.templateIds())));
        Object words = body.getValue("words");
        // tokenising a long text is CPU work: it runs on the structuring pool, not on the event loop
        return localNames.forUnit(AuthUser.of(ctx).unitId())
                .compose(names -> service.structure(() -> transcript(text, words), template, names));
    }

    /** The text's words, with the times of {@code words} when sent (one entry per word of the text). */
    static Transcript transcript(String text, Object words) {
        Transcript plain = Transcript.of(text);
        if (words == null) {
            return plain;
        }
        if (!(words instanceof JsonArray array)) {
            throw ApiException.badRequest("Fältet 'words' ska vara en lista");
        }
        if (array.size() != plain.size()) {
            throw ApiException.badRequest("Fältet 'words' har " + array.size() + " ord men texten har "
                    + plain.size() + ": skicka ett tidsstämplat ord per ord i texten");
        }
        List<TimeSpan> times = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject word)
                    || !(word.getValue("start") instanceof Number start) || !(word.getValue("end") instanceof Number end)
                    || start.doubleValue() < 0 || end.doubleValue() < start.doubleValue()) {
                throw ApiException.badRequest("Ord " + (i + 1) + " i 'words' saknar giltiga tider (start, end i sekunder)");
            }
            times.add(new TimeSpan(start.doubleValue(), end.doubleValue()));
        }
        return new Transcript(plain.words(), times);
    }

    private JsonObject templates() {
        JsonArray list = new JsonArray();
        for (Template template : service.templates().all()) {
            JsonArray sections = new JsonArray();
            for (TemplateSection section : template.sections()) {
                sections.add(new JsonObject().put("key", section.key().name()).put("title", section.title())
                        .put("hint", section.hint()));
            }
            list.add(new JsonObject().put("id", template.id()).put("title", template.title())
                    .put("sections", sections));
        }
        return new JsonObject().put("templates", list);
    }
}
