package se.dikta.timelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable worker pseudonyms for manager reports ("Medarbetare 7F3A"): an HMAC-SHA256 of the user id
 * under a server secret, so the same worker keeps the same label across reports and exports while
 * nobody without the secret can recompute it from a user id.
 */
public final class Pseudonyms {

    static final String PREFIX = "Medarbetare ";
    private static final int SHORT_HEX = 4;
    private static final int LONG_HEX = 8;

    private final Supplier<byte[]> source;
    private byte[] secret;

    public Pseudonyms(byte[] secret) {
        this.secret = checked(secret.clone());
        this.source = null;
    }

    private Pseudonyms(Supplier<byte[]> source) {
        this.source = source;
    }

    /**
     * The configured secret, else the one in {@code secretFile}, else a new random secret written
     * there (owner-readable only where the file system supports it) so labels survive restarts. The
     * file is read on first use, which is on a database worker thread, not at construction on the
     * event loop.
     */
    public static Pseudonyms of(TimeLogConfig cfg) {
        return new Pseudonyms(() -> load(cfg.pseudonymSecret(), cfg.pseudonymSecretFile()));
    }

    static byte[] load(Optional<String> configured, Path secretFile) {
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (Files.exists(secretFile)) {
                return HexFormat.of().parseHex(Files.readString(secretFile).trim());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(secretFile.toAbsolutePath().getParent());
            Files.writeString(secretFile, HexFormat.of().formatHex(secret), StandardOpenOption.CREATE_NEW);
            secretFile.toFile().setReadable(false, false);
            secretFile.toFile().setReadable(true, true);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create pseudonym secret " + secretFile, e);
        }
    }

    public String of(long userId) {
        return PREFIX + hex(userId, SHORT_HEX);
    }

    /** Labels for the workers of one report; workers whose short labels collide get longer ones. */
    public Map<Long, String> labels(Collection<Long> userIds) {
        Map<String, Long> perShort = userIds.stream().distinct()
                .collect(Collectors.groupingBy(id -> hex(id, SHORT_HEX), Collectors.counting()));
        Map<Long, String> labels = new LinkedHashMap<>();
        for (long id : userIds) {
            String shortHex = hex(id, SHORT_HEX);
            labels.put(id, PREFIX + (perShort.get(shortHex) > 1 ? hex(id, LONG_HEX) : shortHex));
        }
        return labels;
    }

    private synchronized byte[] secret() {
        if (secret == null) {
            secret = checked(source.get());
        }
        return secret;
    }

    private static byte[] checked(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("pseudonym secret must be at least 16 bytes");
        }
        return secret;
    }

    private String hex(long userId, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("dikta-worker:" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest).substring(0, digits);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
