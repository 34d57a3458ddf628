package se.dikta.sso;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.audit.AuditEntry;
import se.dikta.audit.AuditLog;
import se.dikta.audit.AuditOutcome;
import se.dikta.auth.AuthApi;
import se.dikta.auth.AuthService;
import se.dikta.auth.UserStore;
import se.dikta.db.Database;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;

/**
 * Single sign-on with the authorization code flow and PKCE. {@link #begin} stores the sign-in's state, nonce
 * and verifier in the database and gives the provider URL to send the browser to; {@link #complete} takes the
 * state back (once), exchanges the code, verifies the ID token, maps its claims to a role and unit, creates or
 * updates the user and starts an ordinary Dikta session.
 */
public final class OidcService {

    /** Where to send the browser, and the value of the cookie that binds the sign-in to this browser. */
    public record Begun(String authorizationUrl, String browserKey) {}

    /** A finished sign-in: the ordinary session, and where the user wanted to go. */
    public record Completed(AuthService.SignedIn signedIn, Optional<String> next) {}

    static final String EXPIRED = "Inloggningen har gått ut eller har redan använts. Försök igen.";
    static final String FAILED = "Inloggningen med kommunens konto misslyckades. Försök igen eller kontakta "
            + "din systemförvaltare.";
    private static final Logger LOG = LoggerFactory.getLogger(OidcService.class);

    private final Vertx vertx;
    private final Database db;
    private final AuthService auth;
    private final AuditLog audit;
    private final OidcConfig config;
    private final Clock clock;
    private final OidcProvider provider;
    private final ClaimMapping mapping;
    private final PendingSignIns pending = new PendingSignIns();
    private final UserStore users = new UserStore();

    public OidcService(Vertx vertx, Database db, AuthService auth, AuditLog audit, OidcConfig config, Clock clock) {
        this.vertx = vertx;
        this.db = db;
        this.auth = auth;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.provider = new OidcProvider(config, clock);
        this.mapping = new ClaimMapping(config);
    }

    public OidcConfig config() {
        return config;
    }

    public Future<Begun> begin(Optional<String> next, String redirectUri) {
        Instant now = clock.instant();
        return vertx.executeBlocking(provider::metadata, false).recover(this::unavailable).compose(m -> db.tx(c -> {
            pending.purge(c, now);
            PendingSignIns.Started s = pending.start(c, next, now.plus(config.signInTimeout()));
            String url = m.authorizationEndpoint() + (m.authorizationEndpoint().contains("?") ? "&" : "?")
                    + "response_type=code&client_id=" + OidcProvider.urlEncode(config.clientId())
                    + "&redirect_uri=" + OidcProvider.urlEncode(redirectUri)
                    + "&scope=" + OidcProvider.urlEncode(String.join(" ", config.scopes()))
                    + "&state=" + s.state() + "&nonce=" + s.nonce()
                    + "&code_challenge=" + s.codeChallenge() + "&code_challenge_method=S256";
            return new Begun(url, s.browserKey());
        }));
    }

    public Future<Completed> complete(String state, String code, String browserKey, String redirectUri, String address) {
        Instant now = clock.instant();
        return db.tx(c -> pending.consume(c, state, browserKey, now)).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(DomainException.forbidden(EXPIRED));
            }
            PendingSignIns.Pending p = found.get();
            return vertx.executeBlocking(() -> provider.verify(provider.exchange(code, redirectUri, p.codeVerifier()),
                    p.nonce()).getClaims(), false).recover(this::failed)
                    .compose(claims -> {
                        ClaimMapping.Account account;
                        try {
                            account = mapping.map(claims);
                        } catch (DomainException e) {
                            return refused(claims.get(config.usernameClaim()), address, e);
                        }
                        return auth.signInExternal(c -> upsert(c, account), address)
                                .map(signedIn -> new Completed(signedIn, p.next()));
                    });
        });
    }

    /** The provider's sign-out URL (RP-initiated logout), when the provider has one. */
    public Future<Optional<String>> endSessionUrl(String postLogoutRedirectUri) {
        return vertx.executeBlocking(provider::metadata, false)
                .map(m -> m.endSessionEndpoint().map(e -> e + (e.contains("?") ? "&" : "?")
                        + "client_id=" + OidcProvider.urlEncode(config.clientId())
                        + "&post_logout_redirect_uri=" + OidcProvider.urlEncode(postLogoutRedirectUri)))
                .otherwise(Optional.empty());
    }

    private AuthUser upsert(Connection c, ClaimMapping.Account a) throws SQLException {
        Optional<UserStore.StoredUser> existing = users.findByUsername(c, a.username());
        if (existing.isEmpty()) {
            AuthUser created = users.create(c, new UserStore.NewUser(a.username(), a.displayName(),
                    AuthApi.defaultTitle(a.role()), a.role(), a.unit()), "!sso", clock.instant());
            audit.record(c, created, "user-add", "user", String.valueOf(created.id()), created.role().id() + " (sso)");
            return created;
        }
        if (existing.get().disabled()) {
            throw DomainException.forbidden("Ditt konto i Dikta är avstängt. Kontakta din systemförvaltare.");
        }
        AuthUser u = existing.get().user();
        if (u.role() == a.role() && u.unit().equals(a.unit()) && u.displayName().equals(a.displayName())) {
            return u;
        }
        long unitId = users.unitId(c, a.unit());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE users SET role = ?, unit_id = ?, display_name = ? WHERE id = ?")) {
            ps.setString(1, a.role().id());
            ps.setLong(2, unitId);
            ps.setString(3, a.displayName());
            ps.setLong(4, u.id());
            ps.executeUpdate();
        }
        AuthUser updated = new AuthUser(u.id(), u.username(), a.role(), a.unit(), unitId, a.displayName(), u.title());
        audit.record(c, updated, "user-update", "user", String.valueOf(u.id()),
                "sso: " + a.role().id() + ", " + a.unit());
        return updated;
    }

    private <T> Future<T> refused(Object username, String address, DomainException why) {
        String name = username == null ? null : String.valueOf(username);
        return audit.recordAlone(AuditEntry.anonymous(name == null || name.length() > 100 ? null : name, address,
                "login-failed").on("user", null).outcome(AuditOutcome.DENIED).detail("sso: no role or unit"))
                .compose(v -> Future.failedFuture(why));
    }

    private <T> Future<T> failed(Throwable e) {
        if (e instanceof DomainException) {
            return Future.failedFuture(e);
        }
        LOG.warn("Single sign-on failed: {}", e.getMessage());
        return Future.failedFuture(DomainException.forbidden(FAILED));
    }

    private <T> Future<T> unavailable(Throwable e) {
        LOG.warn("OpenID provider unavailable: {}", e.getMessage());
        return Future.failedFuture(DomainException.unavailable(
                "Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund."));
    }
}
