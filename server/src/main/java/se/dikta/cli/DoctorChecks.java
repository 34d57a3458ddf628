package se.dikta.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import se.dikta.asr.ModelException;
import se.dikta.asr.ModelInfo;
import se.dikta.asr.ModelVerifier;
import se.dikta.config.DiktaConfig;
import se.dikta.db.Dialect;

/**
 * The checks behind {@code doctor}: each looks at one thing an administrator can fix and says how, in
 * Swedish and English. Nothing here changes state: the database is inspected, not migrated, and the
 * port is only probed.
 */
final class DoctorChecks {

    enum Level { OK, WARN, FAIL }

    record Finding(Level level, String what, String sv, String en) {}

    private static final long GIB = 1024L * 1024 * 1024;

    private final DiktaConfig config;
    private final List<Finding> findings = new ArrayList<>();

    DoctorChecks(DiktaConfig config) {
        this.config = config;
    }

    List<Finding> run() {
        dataDirectory();
        database();
        speechModel();
        nlpModels();
        transport();
        port();
        return List.copyOf(findings);
    }

    private void add(Level level, String what, String sv, String en) {
        findings.add(new Finding(level, what, sv, en));
    }

    private void dataDirectory() {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".doctor-", ".tmp");
            Files.delete(probe);
            long free = Files.getFileStore(dir).getUsableSpace();
            String size = String.format("%.1f GiB", free / (double) GIB);
            if (free < GIB) {
                add(Level.FAIL, "disk", "Bara " + size + " ledigt i " + dir + ": frigör utrymme (minst 1 GiB, helst 5)",
                        "Only " + size + " free in " + dir + ": free space (at least 1 GiB, better 5)");
            } else if (free < 5 * GIB) {
                add(Level.WARN, "disk", size + " ledigt i " + dir + ": mindre än rekommenderade 5 GiB",
                        size + " free in " + dir + ": less than the recommended 5 GiB");
            } else {
                add(Level.OK, "disk", "Datakatalogen " + dir + " är skrivbar, " + size + " ledigt",
                        "Data directory " + dir + " is writable, " + size + " free");
            }
        } catch (IOException e) {
            add(Level.FAIL, "disk", "Datakatalogen " + dir + " går inte att skriva i: ge tjänstens användare skrivrätt ("
                    + e.getMessage() + ")", "Cannot write to the data directory " + dir + ": give the service user write access");
        }
    }

    private void database() {
        Dialect dialect = Dialect.ofUrl(config.db().url());
        if (!dialect.isPostgres() && config.db().url().startsWith("jdbc:h2:file:")
                && !Files.exists(BackupCommands.H2File.of(config).dataFile())) {
            // Connecting would create an empty database; the doctor changes nothing.
            add(Level.WARN, "database", "Ingen databas ännu i " + config.dataDir() + ": den skapas vid första start",
                    "No database yet in " + config.dataDir() + ": it is created at the first start");
            return;
        }
        try (Connection c = DriverManager.getConnection(dialect.connectUrl(config.db().url()), config.db().user(),
                config.db().password())) {
            add(Level.OK, "database", "Databasen svarar (" + dialect + ")", "The database answers (" + dialect + ")");
            clock(c);
            migrations();
        } catch (Exception e) {
            add(Level.FAIL, "database", "Databasen går inte att nå: " + e.getMessage()
                            + ". Kontrollera db.url, användare, lösenord och att databasservern kör",
                    "Cannot reach the database: check db.url, user, password and that the database server runs");
        }
    }

    private void clock(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rs.next();
            Instant db = rs.getTimestamp(1).toInstant();
            long skew = Math.abs(Duration.between(db, Instant.now()).toMillis());
            if (skew > 5_000) {
                add(Level.FAIL, "clock", "Klockan skiljer " + skew / 1000 + " s från databasens: synkronisera med NTP "
                        + "(tidsstämplar i journal och logg måste stämma)", "The clock differs " + skew / 1000
                        + " s from the database's: synchronise with NTP");
            } else {
                add(Level.OK, "clock", "Klockan stämmer med databasens (" + skew + " ms)",
                        "The clock agrees with the database's (" + skew + " ms)");
            }
        }
    }

    private void migrations() {
        Dialect dialect = Dialect.ofUrl(config.db().url());
        MigrationInfo[] all = Flyway.configure()
                .dataSource(dialect.connectUrl(config.db().url()), config.db().user(), config.db().password())
                .locations("classpath:db/migration").load().info().all();
        long pending = Stream.of(all).filter(m -> m.getState() == MigrationState.PENDING).count();
        long failed = Stream.of(all).filter(m -> m.getState().isFailed()).count();
        long future = Stream.of(all).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS).count();
        if (failed > 0) {
            add(Level.FAIL, "migrations", failed + " databasmigrering(ar) misslyckades: återställ från backup och starta om",
                    failed + " database migration(s) failed: restore the backup and start again");
        } else if (future > 0) {
            add(Level.FAIL, "migrations", "Databasen har ett nyare schema än den här versionen av Dikta: kör den nyare versionen",
                    "The database has a newer schema than this Dikta version: run the newer version");
        } else if (pending > 0) {
            add(Level.WARN, "migrations", pending + " migrering(ar) körs vid nästa start: ta en backup först",
                    pending + " migration(s) will run at the next start: take a backup first");
        } else {
            add(Level.OK, "migrations", "Databasschemat är aktuellt", "The database schema is up to date");
        }
    }

    private void speechModel() {
        Path dir = config.asr().model();
        try {
            ModelInfo info = new ModelVerifier().verify(dir);
            boolean manifest = Files.exists(dir.resolve(ModelVerifier.MANIFEST));
            add(manifest ? Level.OK : Level.WARN, "speech model", "Taligenkänningsmodellen " + info.name() + " är hel ("
                            + info.sampleRate() + " Hz" + (manifest ? ", kontrollsummor stämmer)"
                            : "; ingen kontrollsummefil: installera med models/fetch-model.sh)"),
                    "Speech model " + info.name() + " is intact" + (manifest ? " (checksums match)"
                            : "; no checksum manifest: install with models/fetch-model.sh"));
        } catch (ModelException e) {
            add(Level.FAIL, "speech model", e.getMessage() + ". Installera modellen: models/fetch-model.sh "
                    + "(eller --from FIL.zip utan internet); skrivläget fungerar under tiden",
                    "Speech model unusable at " + dir + ": install it with models/fetch-model.sh (--from FILE.zip offline)");
        }
    }

    private void nlpModels() {
        Path dir = config.structure().modelDir();
        boolean cached;
        try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            cached = s.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            cached = false;
        }
        if (!cached && packagedModelsFit()) {
            add(Level.OK, "nlp models", "Språkmodellerna som tränades vid bygget används (de passar träningsdata)",
                    "The language models trained at build time are used (they fit the training data)");
        } else if (cached) {
            add(Level.OK, "nlp models", "Tränade språkmodeller finns i " + dir, "Trained language models are cached in " + dir);
        } else {
            add(Level.WARN, "nlp models", "Inga tränade språkmodeller i " + dir + ": första starten tränar dem (15–25 s)",
                    "No trained language models in " + dir + ": the first start trains them (15-25 s)");
        }
    }

    /** True when the jar's pre-trained models were trained from the data this server is configured with. */
    private boolean packagedModelsFit() {
        try {
            String fingerprint = new se.dikta.structure.model.NlpModelStore(
                    se.dikta.structure.StructureService.trainingSource(config.structure()),
                    config.structure().modelDir(), null).fingerprint();
            return se.dikta.structure.model.PackagedModels.onClasspath(DoctorChecks.class.getClassLoader())
                    .matches(fingerprint);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void transport() {
        boolean https = config.publicOrigin().map(o -> o.startsWith("https://")).orElse(false);
        if (config.tls().enabled()) {
            certificate();
        } else if (https) {
            add(Level.OK, "https", "Webbläsarna når Dikta via " + config.publicOrigin().get(),
                    "Browsers reach Dikta at " + config.publicOrigin().get());
        } else {
            add(Level.WARN, "https", "Inget HTTPS konfigurerat (http.publicOrigin): webbläsare ger bara mikrofonen till "
                    + "sidor över HTTPS, så diktering fungerar bara på servern själv. Ställ en omvänd proxy med TLS framför "
                    + "och sätt http.publicOrigin", "No HTTPS configured (http.publicOrigin): browsers allow the microphone "
                    + "only over HTTPS; put a TLS reverse proxy in front and set http.publicOrigin");
        }
    }

    /** The served certificate's validity: expired or not yet valid fails, under 30 days left warns. */
    private void certificate() {
        try {
            X509Certificate cert = TlsCertificates.serverCertificate(config.tls());
            Instant notAfter = cert.getNotAfter().toInstant();
            long days = Duration.between(Instant.now(), notAfter).toDays();
            String subject = cert.getSubjectX500Principal().getName();
            if (Instant.now().isAfter(notAfter) || Instant.now().isBefore(cert.getNotBefore().toInstant())) {
                add(Level.FAIL, "certificate", "Certifikatet " + subject + " är inte giltigt nu (giltigt till " + notAfter
                        + "): förnya det", "The certificate " + subject + " is not valid now (valid until " + notAfter + "): renew it");
            } else if (days < 30) {
                add(Level.WARN, "certificate", "Certifikatet " + subject + " går ut om " + days + " dagar (" + notAfter
                        + "): förnya det i tid", "The certificate " + subject + " expires in " + days + " days: renew it in time");
            } else {
                add(Level.OK, "certificate", "Certifikatet " + subject + " är giltigt till " + notAfter,
                        "The certificate " + subject + " is valid until " + notAfter);
            }
        } catch (Exception e) {
            add(Level.FAIL, "certificate", "Certifikatet går inte att läsa: " + e.getMessage()
                    + " (kontrollera tls.cert/tls.key eller tls.keystore och lösenordet)",
                    "Cannot read the certificate: check tls.cert/tls.key or tls.keystore and its password");
        }
    }

    private void port() {
        int port = config.port();
        if (port == 0) {
            add(Level.OK, "port", "Porten väljs vid start (port 0)", "The port is chosen at start (port 0)");
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(config.host(), port));
            add(Level.OK, "port", "Port " + port + " på " + config.host() + " är ledig för servern",
                    "Port " + port + " on " + config.host() + " is free for the server");
        } catch (IOException busy) {
            if (diktaAnswers(port)) {
                add(Level.OK, "port", "Dikta kör redan och svarar på port " + port, "Dikta already runs and answers on port " + port);
            } else {
                add(Level.FAIL, "port", "Port " + port + " används av ett annat program: välj en annan med --port eller stoppa det",
                        "Port " + port + " is used by another program: choose another with --port or stop it");
            }
        }
    }

    private static boolean diktaAnswers(int port) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"asr\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
