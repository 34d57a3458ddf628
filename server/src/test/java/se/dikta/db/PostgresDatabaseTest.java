package se.dikta.db;

import se.dikta.testing.PostgresServer;

class PostgresDatabaseTest extends DatabaseContract {

    @Override
    DbConfig config() {
        return new DbConfig(PostgresServer.shared().createDatabase(), "dikta", "", 4);
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.POSTGRESQL;
    }
}
