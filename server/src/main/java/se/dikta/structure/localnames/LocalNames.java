package se.dikta.structure.localnames;

import io.vertx.core.Future;
import java.util.List;
import se.dikta.audit.AuditLog;
import se.dikta.db.Database;
import se.dikta.identity.AuthUser;

/** Each unit's local names, read for every structuring request and replaced by an admin. */
public final class LocalNames {

    /** At most this many names per unit. */
    public static final int MAX_NAMES = 2000;

    private final Database db;
    private final AuditLog audit;
    private final LocalNameStore store = new LocalNameStore();

    public LocalNames(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Future<List<LocalName>> forUnit(long unitId) {
        return db.tx(c -> store.list(c, unitId));
    }

    /** Replaces the unit's list (audited as "local-names-replace"); empty when there is no such unit. */
    public Future<java.util.Optional<List<LocalName>>> replace(AuthUser actor, long unitId, List<LocalName> names) {
        return db.tx(c -> {
            if (!store.unitExists(c, unitId)) {
                return java.util.Optional.empty();
            }
            store.replace(c, unitId, names);
            audit.record(c, actor, "local-names-replace", "unit", Long.toString(unitId), names.size() + " namn");
            return java.util.Optional.of(store.list(c, unitId));
        });
    }

    public Future<java.util.Optional<List<LocalName>>> list(long unitId) {
        return db.tx(c -> store.unitExists(c, unitId) ? java.util.Optional.of(store.list(c, unitId))
                : java.util.Optional.empty());
    }
}
