package se.dikta.auditlog;

import java.util.Map;

/** {@link AuditTrailBehaviour} on the embedded H2 database. */
class AuditTrailH2Test extends AuditTrailBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
