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
import se.dikta.http.Field;
import se.dikta.http.RequestSpec;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * User administration, admins only: {@code /api/admin/users} (list, create), {@code /api/admin/users/{username}}
 * (read, change role/unit/name/title), {@code .../deactivate}, {@code .../activate}, {@code .../password}, and
 * {@code /api/admin/units}. Answers carry users' names, roles and units, never anything from notes.
 */
public final class UserAdminApi implements ApiModule {

    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    /** Checked against the roles by {@link #role}. */
    static final Field ROLE = Field.text("role", 20).column("users.role");
    static final Field UNIT = Field.text("unit", 200).column("units.name");
    static final Field DISPLAY_NAME = Field.text("displayName", 200).column("users.display_name");
    static final Field TITLE = Field.text("title", 200).column("users.title");
    /** Hashed, never stored as typed: the upper bound only keeps hashing cheap. */
    static final Field PASSWORD = Field.text("password", 1000).required().minLength(8);

    /** {@code POST /api/admin/users}. */
    public static final RequestSpec CREATE = RequestSpec.of(
            Field.text("username", 100).required().minLength(2).column("users.username")
                    .pattern("[\\p{L}\\p{N}._@-]{2,100}", "2–100 tecken, bokstäver, siffror, . _ @ -"),
            ROLE.required(), UNIT.required(), PASSWORD, DISPLAY_NAME, TITLE);
    /** {@code PUT /api/admin/users/{username}}: fields left out keep their value. */
    public static final RequestSpec CHANGE = RequestSpec.of(ROLE.minLength(1), UNIT.minLength(1),
            DISPLAY_NAME.minLength(1), TITLE.minLength(1)).strict();
    /** {@code POST /api/admin/users/{username}/password}. */
    public static final RequestSpec PASSWORD_RESET = RequestSpec.of(PASSWORD);

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
                        PASSWORD_RESET.body(ctx).getString("password"))
                .map(UserAdminApi::toJson));
        api.get("/admin/units", ADMINS, ctx -> admin.units().map(units -> new JsonObject()
                .put("units", new JsonArray(units.stream().map(UserStore.Unit::name).toList()))
                .put("unitList", new JsonArray(units.stream()
                        .map(u -> new JsonObject().put("id", u.id()).put("name", u.name())).toList()))));
    }

    private Future<JsonObject> addUser(RoutingContext ctx) {
        JsonObject body = CREATE.body(ctx);
        String username = body.getString("username");
        Role role = role(body.getString("role"));
        UserStore.NewUser user = new UserStore.NewUser(username, body.getString("displayName", username),
                body.getString("title", AuthApi.defaultTitle(role)), role, body.getString("unit"));
        return auth.addUser(AuthUser.of(ctx), user, body.getString("password"))
                .compose(created -> admin.summary(created.username()))
                .map(created -> {
                    ctx.response().setStatusCode(201);
                    return toJson(created);
                });
    }

    private Future<JsonObject> change(RoutingContext ctx) {
        JsonObject body = CHANGE.body(ctx);
        String role = body.getString("role");
        UserAdmin.Change change = new UserAdmin.Change(role == null ? null : role(role), body.getString("unit"),
                body.getString("displayName"), body.getString("title"));
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
            throw ApiException.badRequest("Okänd roll i fältet 'role': använd worker, manager eller admin");
        }
    }
}
