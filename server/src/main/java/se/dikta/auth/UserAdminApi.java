package se.dikta.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import se.dikta.http.ApiException;
import se.dikta.http.ApiModule;
import se.dikta.http.ApiRoutes;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * User administration, admins only: {@code /api/admin/users} (list, create), {@code /api/admin/users/{username}}
 * (read, change role/unit/name/title), {@code .../deactivate}, {@code .../activate}, {@code .../password}, and
 * {@code /api/admin/units}. Answers carry users' names, roles and units, never anything from notes.
 */
public final class UserAdminApi implements ApiModule {

    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    private final AuthService auth;
    private final UserAdmin admin;

    public UserAdminApi(AuthService auth, UserAdmin admin) {
        this.auth = auth;
        this.admin = admin;
    }

    @Override
    public void mount(ApiRoutes api) {
        api.get("/admin/users", ADMINS, ctx -> admin.list().map(users -> new JsonObject().put("users",
                new JsonArray(users.stream().map(UserAdminApi::toJson).toList()))));
        api.post("/admin/users", ADMINS, this::addUser);
        api.get("/admin/users/:username", ADMINS, ctx -> admin.summary(username(ctx)).map(UserAdminApi::toJson));
        api.put("/admin/users/:username", ADMINS, this::change);
        api.post("/admin/users/:username/deactivate", ADMINS,
                ctx -> admin.setActive(AuthUser.of(ctx), username(ctx), false).map(UserAdminApi::toJson));
        api.post("/admin/users/:username/activate", ADMINS,
                ctx -> admin.setActive(AuthUser.of(ctx), username(ctx), true).map(UserAdminApi::toJson));
        api.post("/admin/users/:username/password", ADMINS, ctx -> admin.resetPassword(AuthUser.of(ctx),
                        ctx.get(SessionAuthenticator.SESSION_ID_KEY), username(ctx),
                        ApiRoutes.requiredString(ApiRoutes.json(ctx), "password"))
                .map(UserAdminApi::toJson));
        api.get("/admin/units", ADMINS, ctx -> admin.units().map(units -> new JsonObject()
                .put("units", new JsonArray(units.stream().map(UserStore.Unit::name).toList()))
                .put("unitList", new JsonArray(units.stream()
                        .map(u -> new JsonObject().put("id", u.id()).put("name", u.name())).toList()))));
    }

    private Future<JsonObject> addUser(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        String username = ApiRoutes.requiredString(body, "username");
        Role role = role(ApiRoutes.requiredString(body, "role"));
        UserStore.NewUser user = new UserStore.NewUser(username, optional(body, "displayName", username),
                optional(body, "title", AuthApi.defaultTitle(role)), role, ApiRoutes.requiredString(body, "unit"));
        return auth.addUser(AuthUser.of(ctx), user, ApiRoutes.requiredString(body, "password"))
                .compose(created -> admin.summary(created.username()))
                .map(created -> {
                    ctx.response().setStatusCode(201);
                    return toJson(created);
                });
    }

    private Future<JsonObject> change(RoutingContext ctx) {
        JsonObject body = ApiRoutes.json(ctx);
        for (String field : body.fieldNames()) {
            if (!Set.of("role", "unit", "displayName", "title").contains(field)) {
                throw ApiException.badRequest("Fältet '" + field + "' kan inte ändras här");
            }
        }
        String role = string(body, "role");
        UserAdmin.Change change = new UserAdmin.Change(role == null ? null : role(role), string(body, "unit"),
                string(body, "displayName"), string(body, "title"));
        return admin.change(AuthUser.of(ctx), username(ctx), change).map(UserAdminApi::toJson);
    }

    /** The user as the administration page shows it. */
    static JsonObject toJson(UserStore.UserSummary s) {
        return s.user().toJson()
                .put("id", s.user().id())
                .put("active", s.active())
                .put("lastLoginAt", s.lastLoginAt() == null ? null : s.lastLoginAt().toString())
                .put("createdAt", s.createdAt() == null ? null : s.createdAt().toString());
    }

    private static String username(RoutingContext ctx) {
        return ctx.pathParam("username");
    }

    private static Role role(String value) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Okänd roll: använd worker, manager eller admin");
        }
    }

    /** A string field that may be absent; present but not a string → 400. */
    private static String string(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiException.badRequest("Fältet '" + field + "' ska vara text");
        }
        return s.trim();
    }

    private static String optional(JsonObject body, String field, String fallback) {
        String v = string(body, field);
        return v == null || v.isBlank() ? fallback : v;
    }
}
