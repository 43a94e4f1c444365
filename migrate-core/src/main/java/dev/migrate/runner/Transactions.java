package dev.migrate.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One transaction on a connection the runner holds in auto-commit: the work and a commit, or, on
 * any error, a rollback and the error again; the connection is back in auto-commit afterwards.
 */
final class Transactions {

  private Transactions() {}

  /** What runs inside the transaction, on a statement of its connection. */
  interface Work {
    void run(Statement statement) throws SQLException;
  }

  static void inTransaction(Connection c, Work work) throws SQLException {
    c.setAutoCommit(false);
    try (Statement statement = c.createStatement()) {
      work.run(statement);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
