package se.dikta.auth;

import java.time.Duration;
import se.dikta.settings.Settings;

/**
 * Sign-in settings.
 *
 * @param sessionMaxAge absolute session lifetime
 * @param sessionIdleTimeout a session unused this long expires
 * @param failureDelayStart failed attempts (per user name, address, or both) before wrong answers slow down
 * @param failureDelay added delay per failure beyond {@code failureDelayStart}
 * @param lockoutThreshold failed attempts that lock a user name from one address
 * @param addressLockoutThreshold failed attempts from one address, over any user names, that lock the address
 * @param lockoutDuration how long a lock lasts
 * @param passwordIterations PBKDF2 iterations for new hashes
 * @param passwordLogin sign-in with a local password is allowed ({@code oidc.passwordLogin}; off when only
 *     single sign-on may be used)
 */
public record AuthConfig(
        Duration sessionMaxAge,
        Duration sessionIdleTimeout,
        int failureDelayStart,
        Duration failureDelay,
        int lockoutThreshold,
        int addressLockoutThreshold,
        Duration lockoutDuration,
        int passwordIterations,
        boolean passwordLogin) {

    public static AuthConfig from(Settings s) {
        return new AuthConfig(
                s.duration("auth.sessionMaxAge", Duration.ofHours(8)),
                s.duration("auth.sessionIdleTimeout", Duration.ofMinutes(30)),
                s.integer("auth.failureDelayStart", 3, 1, 1000),
                s.duration("auth.failureDelay", Duration.ofSeconds(1)),
                s.integer("auth.lockoutThreshold", 5, 1, 1000),
                s.integer("auth.addressLockoutThreshold", 30, 1, 100_000),
                s.duration("auth.lockoutDuration", Duration.ofMinutes(15)),
                s.integer("auth.passwordIterations", PasswordHasher.MIN_ITERATIONS, PasswordHasher.MIN_ITERATIONS,
                        10_000_000),
                s.bool("oidc.passwordLogin", true));
    }
}
