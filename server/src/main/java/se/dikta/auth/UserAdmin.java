package se.dikta.auth;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import se.dikta.audit.AuditLog;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/**
 * What an admin does to users besides creating them: list, change role/unit/name, deactivate and
 * reactivate, reset a password. Deactivating or resetting a password ends the user's sessions in the
 * same transaction, so their next request is refused. Every change is audited. Nothing here touches notes.
 */
public final class UserAdmin {

    /** A change of role, unit, display name or title; null fields keep their value. */
    public record Change(Role role, String unit, String displayName, String title) {}

    private final AuthService auth;
    private final Database db;
    private final UserStore users = new UserStore();
    private final SessionStore sessions;
    private final AuditLog audit;

    public UserAdmin(AuthService auth, Database db, AuthConfig config, AuditLog audit) {
        this.auth = auth;
        this.db = db;
        this.sessions = new SessionStore(config);
        this.audit = audit;
    }

    public Future<List<UserStore.UserSummary>> list() {
        return db.tx(users::summaries);
    }

    public Future<List<UserStore.Unit>> units() {
        return db.tx(users::units);
    }

    public Future<UserStore.UserSummary> summary(String username) {
        return db.tx(c -> find(c, username));
    }

    public Future<UserStore.UserSummary> change(AuthUser actor, String username, Change change) {
        if (change.unit() != null) {
            AuthService.checkUnit(change.unit());
        }
        if (change.displayName() != null && (change.displayName().isBlank() || change.displayName().length() > 200)) {
            throw DomainException.invalid("Namnet måste ha 1–200 tecken");
        }
        if (change.title() != null && (change.title().isBlank() || change.title().length() > 200)) {
            throw DomainException.invalid("Titeln måste ha 1–200 tecken");
        }
        return db.tx(c -> {
            AuthUser user = find(c, username).user();
            Role role = change.role() == null ? user.role() : change.role();
            if (user.id() == actor.id() && role != user.role()) {
                throw DomainException.invalid("Du kan inte ändra din egen roll");
            }
            users.update(c, user.id(), role, change.unit() == null ? user.unit() : change.unit(),
                    change.displayName() == null ? user.displayName() : change.displayName(),
                    change.title() == null ? user.title() : change.title());
            audit.record(c, actor, "user-change", "user", String.valueOf(user.id()),
                    "role=" + role.id() + (change.unit() == null ? "" : ", unit changed"));
            return find(c, username);
        });
    }

    /** Deactivates (and ends every session at once) or reactivates a user. */
    public Future<UserStore.UserSummary> setActive(AuthUser actor, String username, boolean active) {
        return db.tx(c -> {
            AuthUser user = find(c, username).user();
            if (user.id() == actor.id() && !active) {
                throw DomainException.invalid("Du kan inte inaktivera dig själv");
            }
            users.setDisabled(c, user.id(), !active);
            int ended = active ? 0 : sessions.deleteAllOf(c, user.id(), null);
            audit.record(c, actor, active ? "user-activate" : "user-deactivate", "user", String.valueOf(user.id()),
                    active ? null : "sessions ended: " + ended);
            return find(c, username);
        });
    }

    /**
     * Sets a new password (hashed off the event loop) and ends the user's other sessions; the admin's own
     * current session survives a reset of their own password.
     */
    public Future<UserStore.UserSummary> resetPassword(AuthUser actor, String currentSessionId, String username,
                                                       String password) {
        AuthService.checkPassword(password);
        return auth.hash(password).compose(hash -> db.tx(c -> {
            AuthUser user = find(c, username).user();
            users.setPasswordHash(c, user.id(), hash);
            int ended = sessions.deleteAllOf(c, user.id(), user.id() == actor.id() ? currentSessionId : null);
            audit.record(c, actor, "user-password-reset", "user", String.valueOf(user.id()),
                    "sessions ended: " + ended);
            return find(c, username);
        }));
    }

    private UserStore.UserSummary find(Connection c, String username) throws SQLException {
        return users.summary(c, username)
                .orElseThrow(() -> DomainException.notFound("Användaren '" + username + "' finns inte"));
    }
}
