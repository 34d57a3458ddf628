package se.dikta.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.dikta.auth.UserStore;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

/** One behavioural suite for the storage foundation; a thin subclass per database runs it. */
abstract class DatabaseContract {

    Vertx vertx;
    Database db;

    /** The database configuration to test against. */
    abstract DbConfig config() throws Exception;

    abstract Dialect expectedDialect();

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        db = Database.open(vertx, config());
    }

    @AfterEach
    void close() {
        db.close();
        vertx.close().await();
    }

    @Test
    void migrationsCreateTheFoundationTables() {
        List<String> tables = db.txBlocking(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            return names;
        });
        assertThat(tables).contains("units", "users", "sessions", "login_throttle", "cases", "audit_log",
                "flyway_schema_history");
        assertThat(db.dialect()).isEqualTo(expectedDialect());
    }

    @Test
    void storesAndFindsUsersWithTheirUnit() {
        UserStore users = new UserStore();
        AuthUser created = db.txBlocking(c -> users.create(c,
                new UserStore.NewUser("åsa", "Åsa Öberg", "Socialsekreterare", Role.WORKER, "IFO Äldre"),
                "hash", Instant.now()));
        var found = db.txBlocking(c -> users.findByUsername(c, "åsa")).orElseThrow();
        assertThat(found.user()).isEqualTo(created);
        assertThat(found.user().displayName()).isEqualTo("Åsa Öberg");
        long unitId = db.txBlocking(c -> users.unitId(c, "IFO Äldre"));
        assertThat(unitId).isEqualTo(created.unitId());
    }

    @Test
    void failedWorkRollsBack() {
        UserStore users = new UserStore();
        assertThatThrownBy(() -> db.txBlocking(c -> {
            users.unitId(c, "Rullas tillbaka");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        long count = db.txBlocking(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM units WHERE name = 'Rullas tillbaka'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(count).isZero();
    }

    @Test
    void asyncWorkRunsOffTheEventLoop() {
        Boolean onEventLoop = db.tx(c -> io.vertx.core.Context.isOnEventLoopThread()).await();
        assertThat(onEventLoop).isFalse();
    }
}
