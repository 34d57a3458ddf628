package se.dikta.timelog;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import se.dikta.db.DbConfig;

class TimeSavedReportH2Test extends TimeSavedReportContract {

    @TempDir
    static Path dir;

    @Override
    DbConfig config() {
        return new DbConfig("jdbc:h2:file:" + dir.resolve("dikta"), "sa", "", 4);
    }
}
