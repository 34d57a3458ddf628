package se.dikta.auditlog;

import java.util.Map;

/** {@link NoteAuditTrailBehaviour} on the embedded H2 database. */
class NoteAuditTrailH2Test extends NoteAuditTrailBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
