package se.dikta.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2DatabaseTest extends DatabaseContract {

    @TempDir
    Path dir;

    @Override
    DbConfig config() {
        return new DbConfig("jdbc:h2:file:" + dir.resolve("dikta"), "sa", "", 4);
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.H2;
    }
}
