package se.dikta.auditlog;

import java.util.Map;
import se.dikta.testing.PostgresServer;

/** {@link AuditExportBehaviour} on a real PostgreSQL server: 100,500 rows (over the old limit), 1,000 a page. */
class AuditExportPostgresTest extends AuditExportBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("db.url", PostgresServer.shared().createDatabase(), "db.user", "dikta");
    }

    @Override
    protected Bulk bulk() {
        return new Bulk(100_500, 1000, 200);
    }
}
