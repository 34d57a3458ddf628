package se.dikta.db;

import io.vertx.core.Future;
import se.dikta.health.HealthContributor;

/** Reports {@code "db": "UP"} when a connection validates. */
public final class DatabaseHealth implements HealthContributor {

    private final Database db;

    public DatabaseHealth(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public Future<Health> check() {
        return db.tx(c -> c.isValid(2))
                .map(ok -> new Health(ok, ok ? "UP" : "DOWN"))
                .otherwise(new Health(false, "DOWN"));
    }
}
