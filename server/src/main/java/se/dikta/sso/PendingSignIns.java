package se.dikta.sso;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

/**
 * Sign-ins in progress, in the database so that the provider may send the browser back to any node. A row
 * holds the PKCE verifier and the nonce; it is keyed by a hash of the {@code state} and bound to the browser
 * that started it (a hash of a cookie value). Consuming a row deletes it: a state works once.
 */
final class PendingSignIns {

    /** What the authorization request needs: state, nonce, PKCE verifier and browser binding (all random). */
    record Started(String state, String nonce, String codeVerifier, String browserKey) {

        /** The PKCE S256 challenge of the verifier. */
        String codeChallenge() {
            return base64Url(sha256(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /** A consumed sign-in: what the callback checks against. */
    record Pending(String nonce, String codeVerifier, Optional<String> next) {}

    private final SecureRandom random = new SecureRandom();

    Started start(Connection c, Optional<String> next, Instant expires) throws SQLException {
        Started s = new Started(token(), token(), token() + token(), token());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oidc_signins (state_hash, browser_hash, nonce, "
                + "code_verifier, next_path, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(s.state()));
            ps.setString(2, hash(s.browserKey()));
            ps.setString(3, s.nonce());
            ps.setString(4, s.codeVerifier());
            ps.setString(5, next.orElse(null));
            ps.setTimestamp(6, Timestamp.from(expires));
            ps.executeUpdate();
        }
        return s;
    }

    /**
     * Takes the sign-in with this state away: empty when it is unknown, already used, expired or was started by
     * another browser. Deleted in every case where it existed, so a second try never finds it.
     */
    Optional<Pending> consume(Connection c, String state, String browserKey, Instant now) throws SQLException {
        String stateHash = hash(state);
        Pending pending;
        String browserHash;
        Instant expires;
        try (PreparedStatement ps = c.prepareStatement("SELECT browser_hash, nonce, code_verifier, next_path, "
                + "expires_at FROM oidc_signins WHERE state_hash = ?")) {
            ps.setString(1, stateHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                browserHash = rs.getString(1);
                pending = new Pending(rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)));
                expires = rs.getTimestamp(5).toInstant();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM oidc_signins WHERE state_hash = ?")) {
            ps.setString(1, stateHash);
            if (ps.executeUpdate() != 1) {
                return Optional.empty(); // another node consumed it first
            }
        }
        boolean sameBrowser = browserKey != null && MessageDigest.isEqual(
                browserHash.getBytes(StandardCharsets.US_ASCII), hash(browserKey).getBytes(StandardCharsets.US_ASCII));
        return sameBrowser && now.isBefore(expires) ? Optional.of(pending) : Optional.empty();
    }

    /** Removes sign-ins nobody finished; returns how many. */
    int purge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM oidc_signins WHERE expires_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return base64Url(b);
    }

    static String hash(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
