package dev.migrate.it.harness;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new, empty PostgreSQL database with a unique name, dropped on {@link #close()}; the harness's
 * counterpart of migrate-core's {@code TestDatabase}. The server comes from {@code
 * -Dmigrate.test.url} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code
 * -Dmigrate.test.user} and {@code -Dmigrate.test.password} (default {@code postgres}/{@code
 * postgres}), as for every other test of the project. With {@code
 * -Dmigrate.test.keepDatabases=true} databases are left in place after the tests, to inspect them.
 */
public final class FreshDatabase implements AutoCloseable {

  static final String SERVER_URL =
      System.getProperty("migrate.test.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = System.getProperty("migrate.test.user", "postgres");
  static final String PASSWORD = System.getProperty("migrate.test.password", "postgres");

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;

  private FreshDatabase(String name) {
    this.name = name;
  }

  /** Creates an empty database named {@code mt_<label>_<unique suffix>}. */
  public static FreshDatabase create(String label) throws SQLException {
    return createFrom(label, null);
  }

  /**
   * Creates a database as a copy of {@code template} ({@code CREATE DATABASE ... TEMPLATE}), which
   * must have no open connection; cheaper than building the same schema twice.
   */
  public static FreshDatabase copyOf(FreshDatabase template, String label) throws SQLException {
    return createFrom(label, template.name);
  }

  private static FreshDatabase createFrom(String label, String template) throws SQLException {
    String name =
        "mt_" + label + "_" + Long.toHexString(System.nanoTime()) + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      for (int attempt = 1; ; attempt++) {
        try {
          s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
          return new FreshDatabase(name);
        } catch (SQLException e) {
          // 55006: the template still has a session, typically a pool connection that is just
          // closing
          if (!"55006".equals(e.getSQLState()) || attempt == 50) {
            throw e;
          }
          sleep();
        }
      }
    }
  }

  private static void sleep() throws SQLException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    }
  }

  /** The database name. */
  public String name() {
    return name;
  }

  /** The JDBC URL of this database on the test server. */
  public String url() {
    return SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
  }

  /** Host of the test server, for command-line clients. */
  public String host() {
    return URI.create(SERVER_URL.substring("jdbc:".length())).getHost();
  }

  /** Port of the test server ({@code 5432} when the URL has none). */
  public int port() {
    int port = URI.create(SERVER_URL.substring("jdbc:".length())).getPort();
    return port < 0 ? 5432 : port;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** A new connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  /** Runs SQL statements (separated by {@code ;}) in one batch of auto-committed statements. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Drops the database, unless {@code -Dmigrate.test.keepDatabases=true} asks to keep it for a
   * look.
   */
  @Override
  public void close() throws SQLException {
    if (Boolean.getBoolean("migrate.test.keepDatabases")) {
      return;
    }
    try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
