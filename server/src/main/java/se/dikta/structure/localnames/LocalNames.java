package se.dikta.structure.localnames;

import io.vertx.core.Future;
import java.util.List;
import se.dikta.db.Database;

/** Each unit's local names, read for every structuring request and replaced by an admin. */
public final class LocalNames {

    /** At most this many names per unit. */
    public static final int MAX_NAMES = 2000;

    private final Database db;
    private final LocalNameStore store = new LocalNameStore();

    public LocalNames(Database db) {
        this.db = db;
    }

    public Future<List<LocalName>> forUnit(long unitId) {
        return db.tx(c -> store.list(c, unitId));
    }

    /** Replaces the unit's list; empty when there is no such unit. */
    public Future<java.util.Optional<List<LocalName>>> replace(long unitId, List<LocalName> names) {
        return db.tx(c -> {
            if (!store.unitExists(c, unitId)) {
                return java.util.Optional.empty();
            }
            store.replace(c, unitId, names);
            return java.util.Optional.of(store.list(c, unitId));
        });
    }

    public Future<java.util.Optional<List<LocalName>>> list(long unitId) {
        return db.tx(c -> store.unitExists(c, unitId) ? java.util.Optional.of(store.list(c, unitId))
                : java.util.Optional.empty());
    }
}
