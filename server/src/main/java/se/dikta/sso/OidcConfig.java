package se.dikta.sso;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.dikta.identity.Role;
import se.dikta.settings.Settings;

/**
 * Single sign-on with an OpenID Connect provider (Entra ID, AD FS, Keycloak …). Off unless {@code oidc.issuer}
 * is set.
 *
 * @param issuer the provider's issuer URL; its discovery document is {@code issuer/.well-known/openid-configuration}
 * @param clientId Dikta's client id at the provider (also the ID token's required audience)
 * @param clientSecret the client secret (confidential client; PKCE is used as well)
 * @param scopes scopes asked for; {@code openid} is always included
 * @param redirectUri the callback URL registered at the provider; derived from the request (or
 *     {@code http.publicOrigin}) plus {@code /api/auth/oidc/callback} when not set
 * @param usernameClaim the claim that becomes the Dikta user name
 * @param displayNameClaim the claim with the user's full name
 * @param roleClaim a claim holding worker, manager or admin (checked before the group map)
 * @param unitClaim a claim holding the unit's name (checked before the group map)
 * @param groupsClaim the claim listing the user's groups (or roles)
 * @param groupMap group → role and unit; the first entry whose group the user has wins
 * @param signInTimeout how long a started sign-in may take before its state expires
 * @param label the sign-in button's text
 */
public record OidcConfig(
        Optional<String> issuer,
        String clientId,
        String clientSecret,
        List<String> scopes,
        Optional<String> redirectUri,
        String usernameClaim,
        String displayNameClaim,
        Optional<String> roleClaim,
        Optional<String> unitClaim,
        String groupsClaim,
        List<GroupGrant> groupMap,
        Duration signInTimeout,
        String label) {

    /** One group map entry: members of {@code group} get {@code role} in {@code unit} (unit may come from a claim). */
    public record GroupGrant(String group, Role role, Optional<String> unit) {}

    public boolean enabled() {
        return issuer.isPresent();
    }

    public static OidcConfig from(Settings s) {
        Optional<String> issuer = s.optionalString("oidc.issuer").map(OidcConfig::withoutTrailingSlash);
        String clientId = s.string("oidc.clientId", "");
        String clientSecret = s.string("oidc.clientSecret", "");
        List<String> scopes = new ArrayList<>(List.of(s.string("oidc.scopes", "openid profile email").split("[\\s,]+")));
        if (!scopes.contains("openid")) {
            scopes.add(0, "openid");
        }
        Optional<String> roleClaim = s.optionalString("oidc.roleClaim");
        Optional<String> unitClaim = s.optionalString("oidc.unitClaim");
        List<GroupGrant> groupMap = s.optionalString("oidc.groupMap").map(m -> parseGroupMap(s, m)).orElse(List.of());
        OidcConfig cfg = new OidcConfig(issuer, clientId, clientSecret, List.copyOf(scopes),
                s.optionalString("oidc.redirectUri"),
                s.string("oidc.usernameClaim", "preferred_username"),
                s.string("oidc.displayNameClaim", "name"),
                roleClaim, unitClaim,
                s.string("oidc.groupsClaim", "groups"),
                groupMap,
                s.duration("oidc.signInTimeout", Duration.ofMinutes(10)),
                s.string("oidc.label", "Logga in med kommunens konto"));
        if (issuer.isPresent()) {
            if (!issuer.get().startsWith("https://") && !issuer.get().startsWith("http://")) {
                throw s.invalid("oidc.issuer", "expected an http(s) URL");
            }
            if (clientId.isEmpty()) {
                throw s.invalid("oidc.clientId", "required when oidc.issuer is set");
            }
            if (roleClaim.isEmpty() && groupMap.isEmpty()) {
                throw s.invalid("oidc.groupMap", "set oidc.groupMap or oidc.roleClaim so that users get a role");
            }
            if (unitClaim.isEmpty() && groupMap.stream().anyMatch(g -> g.unit().isEmpty())) {
                throw s.invalid("oidc.groupMap", "every entry needs a unit (group=role:unit) unless oidc.unitClaim is set");
            }
            if (unitClaim.isEmpty() && groupMap.isEmpty()) {
                throw s.invalid("oidc.unitClaim", "set oidc.unitClaim or units in oidc.groupMap");
            }
        }
        return cfg;
    }

    /** {@code group=role:unit; group2=role:unit} (entries separated by ';' or new lines; unit optional). */
    static List<GroupGrant> parseGroupMap(Settings s, String text) {
        List<GroupGrant> grants = new ArrayList<>();
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw s.invalid("oidc.groupMap", "expected group=role:unit, got '" + entry.strip() + "'");
            }
            String group = entry.substring(0, eq).strip();
            String grant = entry.substring(eq + 1).strip();
            int colon = grant.indexOf(':');
            String roleText = colon < 0 ? grant : grant.substring(0, colon).strip();
            Optional<String> unit = colon < 0 ? Optional.empty()
                    : Optional.of(grant.substring(colon + 1).strip()).filter(u -> !u.isEmpty());
            Role role;
            try {
                role = Role.parse(roleText);
            } catch (IllegalArgumentException e) {
                throw s.invalid("oidc.groupMap", "unknown role '" + roleText + "' for group '" + group
                        + "': use worker, manager or admin");
            }
            grants.add(new GroupGrant(group, role, unit));
        }
        return List.copyOf(grants);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
