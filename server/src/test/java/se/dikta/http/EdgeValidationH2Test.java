package se.dikta.http;

import java.util.Map;

/** {@link EdgeValidationBehaviour} on the embedded H2 database. */
class EdgeValidationH2Test extends EdgeValidationBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
