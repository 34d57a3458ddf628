package se.dikta.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.dikta.failure.DomainException;

/**
 * The connection pool and the one way to run SQL. {@link #tx} runs work on a dedicated JDBC worker pool,
 * never on the event loop, inside a transaction; {@link #txBlocking} is the same for callers that are
 * already on a worker or CLI thread.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long CONNECTION_TIMEOUT_MS = 3_000;
    /** The Swedish answer while the database cannot be reached (503). */
    public static final String UNREACHABLE = "Databasen går inte att nå just nu. Försök igen om en stund – "
            + "inget som redan sparats har gått förlorat.";

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final WorkerExecutor executor;

    private Database(HikariDataSource dataSource, Dialect dialect, WorkerExecutor executor) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.executor = executor;
    }

    /** Opens the pool and brings the schema up to date with the Flyway migrations. Blocking. */
    public static Database open(Vertx vertx, DbConfig config) {
        Dialect dialect = Dialect.ofUrl(config.url());
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(dialect.connectUrl(config.url()));
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setAutoCommit(false);
        hc.setPoolName("dikta-db");
        hc.setInitializationFailTimeout(10_000);
        // While the database is unreachable a request waits at most this long for a connection, then answers
        // 503 (Hikari's default of 30 s would hold every request, and the client, for half a minute).
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        java.util.Optional<java.nio.file.Path> lock = h2LockFile(config.url()).filter(java.nio.file.Files::exists);
        java.util.Optional<String> lockBefore = lock.map(Database::readLock);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
            // H2 rewrites a lock it takes over; a lock left as it was belongs to a live process we joined
            // (AUTO_SERVER: `dikta.jar user add` beside a running server), which is no crash to report
            lock.ifPresent(l -> {
                if (lockBefore.get().equals(readLock(l))) {
                    LOG.info("Embedded database: another process has it open; connected through it ({})", l);
                } else {
                    LOG.warn("Embedded database: {} was left by a server that did not stop cleanly; H2 found no "
                            + "live owner and took the database over (committed data is kept)", l);
                }
            });
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot connect to the database " + config.url() + ": "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new DatabaseUnavailableException("Database migration failed: " + rootMessage(e), e);
        }
        LOG.info("Database ready: {} ({})", dialect, config.url());
        WorkerExecutor executor = vertx.createSharedWorkerExecutor("dikta-jdbc", config.poolSize());
        return new Database(ds, dialect, executor);
    }

    /** Runs {@code work} in a transaction on the JDBC worker pool. */
    public <T> Future<T> tx(SqlWork<T> work) {
        return executor.executeBlocking(() -> txBlocking(work), false);
    }

    /** Runs {@code work} in a transaction on the calling thread; never call it on an event loop. */
    public <T> T txBlocking(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is gone: the original failure says why
                }
                throw e;
            }
        } catch (Exception e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                LOG.warn("Database unreachable (answering 503 until it is back): {}", rootCause(e));
                throw DomainException.unavailable(UNREACHABLE);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new DatabaseException(e);
        }
    }

    /** True when {@code e} says the database could not be reached, rather than that a statement failed. */
    public static boolean isUnreachable(Throwable e) {
        return ConnectionFailures.isConnectionFailure(e);
    }

    /** True when a trivial query succeeds. */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        executor.close();
        dataSource.close();
    }

    private static String readLock(java.nio.file.Path lock) {
        try {
            return java.nio.file.Files.readString(lock, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The lock file H2 keeps beside a file database while it is open ({@code AUTO_SERVER} mode). */
    private static java.util.Optional<java.nio.file.Path> h2LockFile(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        String path = url.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        return java.util.Optional.of(java.nio.file.Path.of(path + ".lock.db"));
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** A checked JDBC failure, rethrown unchecked so {@link Future}s carry it. */
    public static final class DatabaseException extends RuntimeException {
        DatabaseException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The database cannot be reached or migrated at start-up. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
