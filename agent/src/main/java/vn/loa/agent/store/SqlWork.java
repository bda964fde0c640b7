package vn.loa.agent.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the agent database's connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
