package se.dikta.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import se.dikta.asr.AsrConfig;
import se.dikta.auditlog.AuditLogConfig;
import se.dikta.auth.AuthConfig;
import se.dikta.db.DbConfig;
import se.dikta.http.HttpConfig;

import se.dikta.retention.RetentionConfig;
import se.dikta.search.SearchConfig;
import se.dikta.settings.ConfigException;
import se.dikta.settings.Settings;
import se.dikta.sso.OidcConfig;
import se.dikta.structure.StructureConfig;
import se.dikta.timelog.TimeLogConfig;

/**
 * The whole configuration, built once at start and passed down; nothing reads configuration later.
 *
 * @param port HTTP port; 0 picks a free one
 * @param host interface to bind
 * @param dataDir where the embedded database, the search index and caches live
 * @param demo seed example users, cases, notes and time-log rows
 * @param structure structuring of dictated text into journal notes
 * @param timelog time-saved reports: typing baseline, pseudonyms, suppression, bootstrap
 * @param tls HTTPS served directly (certificate and key, or a keystore); off behind a TLS proxy
 * @param oidc single sign-on with an OpenID Connect provider; off unless {@code oidc.issuer} is set
 * @param retention how long drafts, uploaded audio, transcription jobs and signed notes are kept (gallring)
 * @param auditLog reading the audit log (the CSV export's page size)
 */
public record DiktaConfig(
        int port,
        String host,
        Path dataDir,
        boolean demo,
        DbConfig db,
        HttpConfig http,
        AuthConfig auth,
        AsrConfig asr,
        SearchConfig search,
        StructureConfig structure,
        TimeLogConfig timelog,
        TlsConfig tls,
        OidcConfig oidc,
        RetentionConfig retention,
        AuditLogConfig auditLog) {

    public static final String DEFAULT_CONFIG_FILE = "dikta.json";

    /** Builds the configuration from flags (by flag name), the environment and the config file. */
    public static DiktaConfig load(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> remaining = new HashMap<>(flags);
        String explicit = remaining.remove("--config");
        if (explicit == null) {
            explicit = env.get("DIKTA_CONFIG");
        }
        Path file = Path.of(explicit != null ? explicit : DEFAULT_CONFIG_FILE);
        Map<String, String> fileValues = Map.of();
        if (explicit != null || Files.exists(file)) {
            fileValues = readConfigFile(file);
        }
        Settings settings = new Settings(remaining, env, fileValues, file.toString());
        DiktaConfig cfg = from(settings);
        if (!settings.unreadFlags().isEmpty()) {
            throw new ConfigException("Unknown option " + String.join(", ", settings.unreadFlags()));
        }
        if (!settings.unreadFileKeys().isEmpty()) {
            throw new ConfigException("Unknown configuration key '" + String.join("', '", settings.unreadFileKeys())
                    + "' in " + file);
        }
        if (!settings.unreadEnv().isEmpty()) {
            throw new ConfigException("Unknown environment variable " + String.join(", ", settings.unreadEnv()));
        }
        return cfg;
    }

    /** Test and embedded use: defaults with {@code overrides} given as dotted keys. */
    public static DiktaConfig forTest(Path dataDir, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.putIfAbsent("dataDir", dataDir.toString());
        values.putIfAbsent("port", "0");
        values.putIfAbsent("host", "127.0.0.1");
        return from(Settings.of(values));
    }

    public static DiktaConfig from(Settings s) {
        Path dataDir = s.path("dataDir", Path.of("data")).toAbsolutePath().normalize();
        boolean demo = s.bool("demo", false);
        AuthConfig auth = AuthConfig.from(s);
        OidcConfig oidc = OidcConfig.from(s);
        if (!auth.passwordLogin() && !oidc.enabled()) {
            throw s.invalid("oidc.passwordLogin", "password sign-in can only be switched off when oidc.issuer is set");
        }
        return new DiktaConfig(
                s.integer("port", 8080, 0, 65535),
                s.string("host", "0.0.0.0"),
                dataDir,
                demo,
                DbConfig.from(s, dataDir),
                HttpConfig.from(s),
                auth,
                AsrConfig.from(s, dataDir, demo),
                SearchConfig.from(s, dataDir),
                StructureConfig.from(s, dataDir),
                TimeLogConfig.from(s, dataDir),
                TlsConfig.from(s),
                oidc,
                RetentionConfig.from(s),
                AuditLogConfig.from(s));
    }

    private static Map<String, String> readConfigFile(Path file) {
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        } catch (DecodeException e) {
            throw new ConfigException("Configuration file " + file + " is not valid JSON: " + e.getMessage());
        }
        Map<String, String> flat = new HashMap<>();
        flatten("", json, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonObject json, Map<String, String> out) {
        for (String name : json.fieldNames()) {
            Object v = json.getValue(name);
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            if (v instanceof JsonObject nested) {
                flatten(key, nested, out);
            } else {
                out.put(key, v == null ? "" : String.valueOf(v));
            }
        }
    }

    /** The origin browsers use, when configured (https behind a proxy); for checks outside the web layer. */
    public java.util.Optional<String> publicOrigin() {
        return http.publicOrigin();
    }
}
