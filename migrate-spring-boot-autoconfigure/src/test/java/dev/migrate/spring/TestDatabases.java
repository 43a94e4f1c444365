package dev.migrate.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database per test on the PostgreSQL of {@code migrate.test.url} (default {@code
 * 127.0.0.1:5432}, user {@code postgres}), dropped again by {@link #close()}.
 */
final class TestDatabases implements AutoCloseable {

  private static final String ADMIN_URL =
      System.getProperty("migrate.test.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = System.getProperty("migrate.test.user", "postgres");
  static final String PASSWORD = System.getProperty("migrate.test.password", "postgres");

  final String name = "boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  TestDatabases() throws SQLException {
    admin("CREATE DATABASE " + name);
  }

  /** The JDBC URL of this database. */
  String url() {
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  @Override
  public void close() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
