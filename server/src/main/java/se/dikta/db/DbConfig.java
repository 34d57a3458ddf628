package se.dikta.db;

import java.nio.file.Path;
import se.dikta.settings.Settings;

/**
 * Database connection settings. Without {@code db.url} Dikta uses an embedded H2 file in the data
 * directory; a {@code jdbc:postgresql:} URL selects PostgreSQL.
 */
public record DbConfig(String url, String user, String password, int poolSize) {

    public static DbConfig from(Settings s, Path dataDir) {
        String defaultUrl = "jdbc:h2:file:" + dataDir.resolve("dikta").toString().replace('\\', '/');
        String url = s.string("db.url", defaultUrl);
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw s.invalid("db.url", "only jdbc:h2: and jdbc:postgresql: URLs are supported");
        }
        return new DbConfig(
                url,
                s.string("db.user", url.startsWith("jdbc:h2:") ? "sa" : ""),
                s.string("db.password", ""),
                s.integer("db.poolSize", 10, 1, 200));
    }

    @Override
    public String toString() {
        return "DbConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
