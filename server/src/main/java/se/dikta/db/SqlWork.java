package se.dikta.db;

import java.sql.Connection;

/** Work done with one connection inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws Exception;
}
