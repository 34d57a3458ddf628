package se.dikta.timelog;

import se.dikta.db.DbConfig;
import se.dikta.testing.PostgresServer;

class TimeSavedReportPostgresTest extends TimeSavedReportContract {

    @Override
    DbConfig config() {
        return new DbConfig(PostgresServer.shared().createDatabase(), "dikta", "", 4);
    }
}
