package se.dikta.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import se.dikta.config.TlsConfig;

/** Reads the server certificate that {@code tls.*} configures, for the doctor's expiry check. */
final class TlsCertificates {

    private TlsCertificates() {}

    static X509Certificate serverCertificate(TlsConfig tls) throws Exception {
        if (tls.keystore().isPresent()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keystore().get())) {
                ks.load(in, tls.keystorePassword().toCharArray());
            }
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
                    return c;
                }
            }
            throw new IllegalStateException("the keystore holds no key with a certificate");
        }
        try (InputStream in = Files.newInputStream(tls.cert().orElseThrow())) {
            // the first certificate of the chain is the server's own
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
