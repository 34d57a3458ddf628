package se.dikta.asr;

import java.util.Map;

/** {@link LongDictationDraftBehaviour} on the embedded H2 database. */
class LongDictationDraftH2Test extends LongDictationDraftBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
