package se.dikta.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.dikta.audit.AuditLog;
import se.dikta.db.Database;
import se.dikta.db.SqlWork;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.work.CpuPool;

/** Sign-in, sign-out, session lookup and user creation. */
public final class AuthService {

    /** A successful sign-in: who, and the session to put into cookies. */
    public record SignedIn(AuthUser user, SessionStore.NewSession session) {}

    private final Vertx vertx;
    private final Database db;
    private final UserStore users;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    /** Hashing is slow on purpose: it gets a pool of its own, so sign-ins never hold up searches. */
    private final WorkerExecutor hashing;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean passwordLogin;

    public AuthService(Vertx vertx, Database db, AuthConfig config, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.db = db;
        this.users = new UserStore();
        this.sessions = new SessionStore(config);
        this.throttle = new LoginThrottle(config);
        this.hasher = new PasswordHasher(config.passwordIterations());
        this.hashing = CpuPool.create(vertx, "password-hashing");
        this.audit = audit;
        this.clock = clock;
        this.passwordLogin = config.passwordLogin();
    }

    public Future<SignedIn> login(String username, String password, String address) {
        if (!passwordLogin) {
            return Future.failedFuture(DomainException.forbidden(
                    "Inloggning med lösenord är avstängd. Logga in med kommunens konto."));
        }
        // The user name is locked only together with the address: a wrong password elsewhere cannot lock a worker out.
        List<String> keys = List.of(LoginThrottle.pairKey(username, address), LoginThrottle.addressKey(address),
                LoginThrottle.userKey(username));
        return db.tx(c -> {
            Optional<Duration> locked = throttle.lockedFor(c, keys, clock.instant());
            if (locked.isPresent()) {
                throw locked(locked.get());
            }
            return users.findByUsername(c, username);
        }).compose(found -> hashing.executeBlocking(() -> {
            // Hashing is slow on purpose: it runs on a worker, never holding a database connection.
            if (found.isEmpty()) {
                hasher.burn(password);
                return Optional.<AuthUser>empty();
            }
            boolean ok = !found.get().disabled() && hasher.matches(password, found.get().passwordHash());
            return ok ? Optional.of(found.get().user()) : Optional.<AuthUser>empty();
        }, false)).compose(user -> user.isPresent() ? startSession(user.get(), address) : fail(username, keys));
    }

    private Future<SignedIn> startSession(AuthUser user, String address) {
        return db.tx(c -> {
            throttle.reset(c, LoginThrottle.pairKey(user.username(), address));
            throttle.reset(c, LoginThrottle.userKey(user.username()));
            SessionStore.NewSession s = sessions.create(c, user.id(), clock.instant());
            users.recordLogin(c, user.id(), clock.instant());
            audit.record(c, user, "login", "user", String.valueOf(user.id()), "from " + address);
            return new SignedIn(user, s);
        });
    }

    private <T> Future<T> fail(String username, List<String> keys) {
        return db.tx(c -> {
            int worst = 0;
            for (String key : keys) {
                worst = Math.max(worst, throttle.recordFailure(c, key, clock.instant()));
            }
            audit.record(c, null, username, "login-failed", "user", null, null);
            return worst;
        }).compose(failures -> {
            Duration delay = throttle.delayAfter(failures);
            Promise<T> answer = Promise.promise();
            DomainException error = DomainException.unauthenticated("Fel användarnamn eller lösenord");
            if (delay.isZero()) {
                answer.fail(error);
            } else {
                vertx.setTimer(delay.toMillis(), t -> answer.fail(error));
            }
            return answer.future();
        });
    }

    private static DomainException locked(Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        return DomainException.throttled("För många misslyckade inloggningar. Kontot är tillfälligt låst, "
                + "försök igen om " + minutes + " min.");
    }

    /**
     * Signs in a user whose identity the organisation's identity provider vouched for (single sign-on):
     * {@code account} creates or updates the user on the given connection, then a session starts, all in one
     * transaction. The session is the same as after a password sign-in, marked as single sign-on.
     */
    public Future<SignedIn> signInExternal(SqlWork<AuthUser> account, String address) {
        return db.tx(c -> {
            AuthUser user = account.run(c);
            SessionStore.NewSession s = sessions.create(c, user.id(), clock.instant(), true);
            audit.record(c, user, "login", "user", String.valueOf(user.id()), "sso from " + address);
            return new SignedIn(user, s);
        });
    }

    public Future<Optional<SessionStore.ActiveSession>> session(String sessionId) {
        return db.tx(c -> sessions.touch(c, sessionId, clock.instant()));
    }

    /**
     * Ends a session a browser still presented when it signed in again (session fixation: whatever id was set
     * before sign-in, by us or anyone, is dropped; the sign-in always issues a new one).
     */
    public Future<Void> discardSession(String sessionId) {
        return db.tx(c -> {
            sessions.delete(c, sessionId);
            return null;
        });
    }

    /** Ends the session; completes with whether it had begun with single sign-on. */
    public Future<Boolean> logout(AuthUser user, String sessionId) {
        return db.tx(c -> {
            boolean sso = sessions.isSso(c, sessionId);
            sessions.delete(c, sessionId);
            audit.record(c, user, "logout", "user", String.valueOf(user.id()), null);
            return sso;
        });
    }

    public Future<Integer> purgeSessions() {
        return db.tx(c -> {
            throttle.purge(c, clock.instant());
            return sessions.purge(c, clock.instant());
        });
    }

    /** A password's hash, computed on the hashing pool (never on the event loop). */
    Future<String> hash(String password) {
        return hashing.executeBlocking(() -> hasher.hash(password), false);
    }

    /** Creates a user (hashing off the event loop); 409 when the name is taken. */
    public Future<AuthUser> addUser(AuthUser actor, UserStore.NewUser user, String password) {
        validate(user, password);
        return hashing.executeBlocking(() -> hasher.hash(password), false)
                .compose(hash -> db.tx(c -> {
                    if (users.exists(c, user.username())) {
                        throw DomainException.conflict("Användaren '" + user.username() + "' finns redan");
                    }
                    AuthUser created = users.create(c, user, hash, clock.instant());
                    audit.record(c, actor, "user-add", "user", String.valueOf(created.id()), created.role().id());
                    return created;
                }));
    }

    /** Blocking user creation for the command line. */
    public AuthUser addUserBlocking(UserStore.NewUser user, String password) {
        validate(user, password);
        String hash = hasher.hash(password);
        return db.txBlocking(c -> {
            if (users.exists(c, user.username())) {
                throw new IllegalArgumentException("User '" + user.username() + "' already exists");
            }
            AuthUser created = users.create(c, user, hash, clock.instant());
            audit.record(c, null, "cli", "user-add", "user", String.valueOf(created.id()), created.role().id());
            return created;
        });
    }

    public Future<List<AuthUser>> listUsers() {
        return db.tx(users::list);
    }

    public List<AuthUser> listUsersBlocking() {
        return db.txBlocking(users::list);
    }

    private static void validate(UserStore.NewUser user, String password) {
        if (!user.username().matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw DomainException.invalid("Ogiltigt användarnamn: 2–100 tecken, bokstäver, siffror, . _ @ -");
        }
        checkUnit(user.unit());
        checkPassword(password);
    }

    static void checkUnit(String unit) {
        if (unit == null || unit.isBlank() || unit.length() > 200) {
            throw DomainException.invalid("Enhet saknas");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw DomainException.invalid("Lösenordet måste ha minst 8 tecken");
        }
    }
}
