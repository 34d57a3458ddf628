package se.dikta.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import se.dikta.settings.Settings;

/**
 * HTTPS served by Dikta itself: a PEM certificate chain and key ({@code tls.cert}, {@code tls.key}) or a
 * PKCS#12 keystore ({@code tls.keystore}, {@code tls.keystorePassword}). Without either, Dikta speaks plain
 * HTTP (behind a TLS reverse proxy, see {@code http.trustedProxies}).
 *
 * @param cert             PEM certificate chain, server certificate first
 * @param key              PEM private key (PKCS#8 or PKCS#1)
 * @param keystore         PKCS#12 keystore holding the key and chain, instead of cert + key
 * @param keystorePassword the keystore's password
 * @param redirectPort     also listen here with plain HTTP and redirect every request to HTTPS
 * @param hsts             send Strict-Transport-Security on HTTPS responses
 * @param reloadInterval   how often the files are checked; changed files are loaded without dropping connections
 */
public record TlsConfig(Optional<Path> cert, Optional<Path> key, Optional<Path> keystore, String keystorePassword,
        Optional<Integer> redirectPort, boolean hsts, Duration reloadInterval) {

    public static TlsConfig from(Settings s) {
        Optional<Path> cert = s.optionalString("tls.cert").map(Path::of);
        Optional<Path> key = s.optionalString("tls.key").map(Path::of);
        Optional<Path> keystore = s.optionalString("tls.keystore").map(Path::of);
        if (cert.isPresent() != key.isPresent()) {
            throw s.invalid(cert.isPresent() ? "tls.key" : "tls.cert", "tls.cert and tls.key are given together");
        }
        if (keystore.isPresent() && cert.isPresent()) {
            throw s.invalid("tls.keystore", "give either tls.keystore or tls.cert and tls.key, not both");
        }
        requireReadable(s, "tls.cert", cert);
        requireReadable(s, "tls.key", key);
        requireReadable(s, "tls.keystore", keystore);
        int redirect = s.integer("tls.redirectPort", -1, -1, 65535);
        boolean enabled = cert.isPresent() || keystore.isPresent();
        return new TlsConfig(cert, key, keystore, s.string("tls.keystorePassword", ""),
                redirect < 0 ? Optional.empty() : Optional.of(redirect),
                s.bool("tls.hsts", enabled),
                s.duration("tls.reloadInterval", Duration.ofSeconds(30)));
    }

    private static void requireReadable(Settings s, String key, Optional<Path> file) {
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw s.invalid(key, "cannot read " + file.get());
        }
    }

    public boolean enabled() {
        return cert.isPresent() || keystore.isPresent();
    }

    @Override
    public String toString() {
        return "TlsConfig[cert=" + cert + ", keystore=" + keystore + ", redirectPort=" + redirectPort + "]";
    }
}
