package se.dikta.structure.localnames;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.structure.entities.EntityCategory;

/**
 * {@code GET|PUT /api/admin/units/{unitId}/local-names}: a unit's own names (schools, places, services,
 * colleagues) that structuring capitalises and the name finder knows, without retraining. Admins only;
 * PUT replaces the whole list.
 */
public final class LocalNamesApi implements ApiModule {

    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);
    private static final Set<EntityCategory> TYPES = Set.of(EntityCategory.PERSON, EntityCategory.PLACE,
            EntityCategory.ORGANIZATION);
    private static final int MAX_CHARS = 200;

    /** {@code PUT}: the list; each entry is checked against {@link #ENTRY}. */
    public static final RequestSpec REPLACE = RequestSpec.of(Field.array("names", LocalNames.MAX_NAMES).required());
    /** One name of the list (the spoken form is normalised, then bounded again). */
    public static final RequestSpec ENTRY = RequestSpec.of(
            Field.text("written", MAX_CHARS).required().column("unit_local_names.written"),
            Field.text("spoken", MAX_CHARS).column("unit_local_names.spoken"),
            Field.text("type", 20).column("unit_local_names.type"));

    private final LocalNames names;

    public LocalNamesApi(LocalNames names) {
        this.names = names;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/admin/units/:unitId/local-names", ADMINS, ctx -> {
            long unitId = unitId(ctx);
            return names.list(unitId).map(list -> response(unitId, list));
        });
        api.put("/admin/units/:unitId/local-names", ADMINS, ctx -> {
            long unitId = unitId(ctx);
            List<LocalName> list = parse(ApiRoutes.json(ctx));
            return names.replace(AuthUser.of(ctx), unitId, list).map(saved -> response(unitId, saved));
        });
    }

    private static long unitId(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("unitId"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Enheten finns inte");
        }
    }

    private static JsonObject response(long unitId, Optional<List<LocalName>> list) {
        List<LocalName> found = list.orElseThrow(() -> ApiException.notFound("Enheten finns inte"));
        JsonArray array = new JsonArray();
        found.forEach(n -> array.add(new JsonObject().put("spoken", n.spoken()).put("written", n.written())
                .put("type", n.type().name())));
        return new JsonObject().put("unitId", unitId).put("names", array);
    }

    static List<LocalName> parse(JsonObject body) {
        JsonArray array = REPLACE.check(body).getJsonArray("names");
        List<LocalName> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "Namn " + (i + 1) + ": ";
            if (!(array.getValue(i) instanceof JsonObject raw)) {
                throw ApiException.badRequest(at + "ska vara ett objekt med 'written' och 'type'");
            }
            JsonObject entry;
            try {
                entry = ENTRY.check(raw);
            } catch (ApiException e) {
                throw ApiException.badRequest(at + e.getMessage());
            }
            String written = entry.getString("written");
            EntityCategory type = entry.getValue("type") instanceof String t
                    ? EntityCategory.parse(t).filter(TYPES::contains).orElse(null) : null;
            if (type == null) {
                throw ApiException.badRequest(at + "'type' ska vara PERSON, PLACE eller ORGANIZATION");
            }
            String spoken = entry.getValue("spoken") instanceof String s && !s.isBlank()
                    ? LocalName.spokenForm(s) : LocalName.spokenForm(written);
            if (spoken.isEmpty() || written.strip().length() > MAX_CHARS || spoken.length() > MAX_CHARS) {
                throw ApiException.badRequest(at + "namnet ska ha 1–" + MAX_CHARS + " tecken");
            }
            if (!seen.add(spoken)) {
                throw ApiException.badRequest(at + "'" + spoken + "' finns redan i listan");
            }
            list.add(new LocalName(spoken, written.strip(), type));
        }
        return list;
    }
}
