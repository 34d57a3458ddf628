package se.dikta.search;

import java.util.Map;

/** {@link IndexRebuildAtStartBehaviour} on the embedded H2 database. */
class IndexRebuildAtStartH2Test extends IndexRebuildAtStartBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
