package se.dikta.retention;

import java.util.Map;

/** {@link RetentionBehaviour} on the embedded H2 database. */
class RetentionH2Test extends RetentionBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
