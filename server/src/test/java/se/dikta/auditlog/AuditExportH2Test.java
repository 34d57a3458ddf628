package se.dikta.auditlog;

import java.util.Map;

/** {@link AuditExportBehaviour} on the embedded H2 database: 12,000 rows of ~1.1 KB, 100 a page (120 pages). */
class AuditExportH2Test extends AuditExportBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    protected Bulk bulk() {
        return new Bulk(12_000, 100, 1100);
    }
}
