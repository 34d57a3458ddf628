package se.dikta.auditlog;

import java.util.Map;

/** {@link AccessAuditTrailBehaviour} on the embedded H2 database. */
class AccessAuditTrailH2Test extends AccessAuditTrailBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
