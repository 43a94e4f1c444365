package dev.migrate.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Where the runner gets its connections: a {@code DataSource}, a JDBC URL, a pool. */
public interface ConnectionSource {

  /** A new connection, which the caller closes. */
  Connection open() throws SQLException;

  /**
   * The database for messages, for example {@code jdbc:postgresql://localhost:5432/app (user app)};
   * never a password.
   */
  String describe();

  /**
   * Connections from {@code dataSource}, described for messages by {@code description}, asked each
   * time a message names the database.
   */
  static ConnectionSource of(DataSource dataSource, Supplier<String> description) {
    return new ConnectionSource() {
      @Override
      public Connection open() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public String describe() {
        return description.get();
      }
    };
  }
}
