package se.dikta.cli;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Clock;
import se.dikta.audit.AuditLog;
import se.dikta.auth.AuthService;
import se.dikta.config.DiktaConfig;
import se.dikta.db.Database;

/** What a command-line subcommand needs: the same configuration and database the server uses. */
public final class CliContext implements AutoCloseable {

    private final DiktaConfig config;
    private final Vertx vertx;
    private final Database db;
    private final Clock clock = Clock.systemUTC();

    private CliContext(DiktaConfig config, Vertx vertx, Database db) {
        this.config = config;
        this.vertx = vertx;
        this.db = db;
    }

    public static CliContext open(DiktaConfig config) throws Exception {
        Files.createDirectories(config.dataDir());
        Vertx vertx = Vertx.vertx();
        try {
            return new CliContext(config, vertx, Database.open(vertx, config.db()));
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    public DiktaConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Database db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public AuthService auth() {
        return new AuthService(vertx, db, config.auth(), new AuditLog(db, clock), clock);
    }

    @Override
    public void close() {
        db.close();
        vertx.close().await();
    }
}
