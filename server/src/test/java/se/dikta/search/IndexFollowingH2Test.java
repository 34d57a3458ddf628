package se.dikta.search;

import java.util.Map;

/** {@link IndexFollowingBehaviour} on the embedded H2 database. */
class IndexFollowingH2Test extends IndexFollowingBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }
}
