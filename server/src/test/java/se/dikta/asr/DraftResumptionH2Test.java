package se.dikta.asr;

import java.util.Map;

/** {@link DraftResumptionBehaviour} on the embedded H2 database. */
class DraftResumptionH2Test extends DraftResumptionBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
