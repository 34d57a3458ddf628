package se.dikta.audit;

import java.util.Map;

/** {@link AuditChainBehaviour} on the embedded H2 database. */
class AuditChainH2Test extends AuditChainBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
