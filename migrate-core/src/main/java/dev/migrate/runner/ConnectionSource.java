package dev.migrate.runner;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the runner gets its connections: a {@code DataSource}, a JDBC URL, a pool. */
public interface ConnectionSource {

  /** A new connection, which the caller closes. */
  Connection open() throws SQLException;

  /**
   * The database for messages, for example {@code jdbc:postgresql://localhost:5432/app (user app)};
   * never a password.
   */
  String describe();
}
