package se.dikta.sso;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.dikta.failure.DomainException;
import se.dikta.identity.Role;

/**
 * Who a verified ID token says the user is in Dikta: user name, display name, role and unit, from the
 * configured claims or the group map. A user the configuration gives no role or unit is refused.
 */
final class ClaimMapping {

    /** The Dikta account a sign-in creates or updates. */
    record Account(String username, String displayName, Role role, String unit) {}

    static final String NO_ACCESS = "Ditt konto har ingen behörighet till Dikta (ingen roll eller enhet är "
            + "kopplad till dina grupper). Kontakta din systemförvaltare.";

    private final OidcConfig config;

    ClaimMapping(OidcConfig config) {
        this.config = config;
    }

    Account map(Map<String, Object> claims) {
        String username = text(claims.get(config.usernameClaim())).orElse(null);
        if (username == null || !username.matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw DomainException.forbidden("Kontot saknar ett giltigt användarnamn (anspråket '"
                    + config.usernameClaim() + "'). Kontakta din systemförvaltare.");
        }
        String displayName = text(claims.get(config.displayNameClaim())).filter(n -> n.length() <= 200).orElse(username);
        List<String> groups = values(claims.get(config.groupsClaim()));
        Optional<OidcConfig.GroupGrant> grant = config.groupMap().stream()
                .filter(g -> groups.contains(g.group())).findFirst();
        Optional<Role> role = config.roleClaim().flatMap(c -> roleFrom(values(claims.get(c))))
                .or(() -> grant.map(OidcConfig.GroupGrant::role));
        Optional<String> unit = config.unitClaim().flatMap(c -> text(claims.get(c)))
                .or(() -> grant.flatMap(OidcConfig.GroupGrant::unit))
                .filter(u -> u.length() <= 200);
        if (role.isEmpty() || unit.isEmpty()) {
            throw DomainException.forbidden(NO_ACCESS);
        }
        return new Account(username, displayName, role.get(), unit.get());
    }

    private static Optional<Role> roleFrom(List<String> values) {
        for (String v : values) {
            try {
                return Optional.of(Role.parse(v));
            } catch (IllegalArgumentException e) {
                // another value of the claim (e.g. a role of another application)
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.isEmpty() ? Optional.empty() : text(c.iterator().next());
        }
        return Optional.ofNullable(claim).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static List<String> values(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(v -> text(v).ifPresent(out::add));
        } else {
            text(claim).ifPresent(out::add);
        }
        return out;
    }
}
