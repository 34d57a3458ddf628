package se.dikta.search;

import java.util.Map;

/** {@link ConcurrentIndexWritersBehaviour} on the embedded H2 database. */
class ConcurrentIndexWritersH2Test extends ConcurrentIndexWritersBehaviour {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    protected boolean commitsBecomeVisibleInRevisionOrder() {
        return false;
    }
}
