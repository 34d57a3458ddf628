package se.dikta.db;

/**
 * The few places where H2 and PostgreSQL differ. H2 runs in PostgreSQL mode, so most SQL is shared;
 * anything that is not belongs here, nowhere else.
 */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect ofUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    public boolean isPostgres() {
        return this == POSTGRESQL;
    }

    /** The JDBC URL to connect with: H2 gets PostgreSQL compatibility and shared access for the CLI. */
    public String connectUrl(String configured) {
        if (this == POSTGRESQL || configured.startsWith("jdbc:h2:mem:")) {
            return configured;
        }
        StringBuilder url = new StringBuilder(configured);
        appendIfMissing(url, "MODE", "PostgreSQL");
        appendIfMissing(url, "DATABASE_TO_LOWER", "TRUE");
        appendIfMissing(url, "DEFAULT_NULL_ORDERING", "HIGH");
        // The server keeps the file open; AUTO_SERVER lets `dikta.jar user add` use the same database.
        appendIfMissing(url, "AUTO_SERVER", "TRUE");
        // A commit is in the file before it returns (H2's default writes up to a second later), so what the
        // server acknowledged, e.g. live dictation's ack, survives a killed process.
        appendIfMissing(url, "WRITE_DELAY", "0");
        return url.toString();
    }

    private static void appendIfMissing(StringBuilder url, String key, String value) {
        if (!url.toString().toUpperCase(java.util.Locale.ROOT).contains(";" + key + "=")) {
            url.append(';').append(key).append('=').append(value);
        }
    }
}
