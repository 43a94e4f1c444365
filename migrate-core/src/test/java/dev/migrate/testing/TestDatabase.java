package dev.migrate.testing;

import dev.migrate.Configuration;
import dev.migrate.ConnectionSettings;
import dev.migrate.Migrate;
import dev.migrate.runner.ConnectionSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped again by {@link #close()}.
 *
 * <p>The server comes from system properties, which the parent POM passes to Surefire: {@code
 * migrate.test.url} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}; the database named
 * there is only used to create and drop the test database), {@code migrate.test.user} (default
 * {@code postgres}) and {@code migrate.test.password} (default {@code postgres}). The database is
 * called {@code mt_<16 hex digits>}.
 *
 * <pre>{@code
 * class MyTest {
 *   static TestDatabase db;
 *
 *   @BeforeAll static void create() throws SQLException { db = TestDatabase.create(); }
 *   @AfterAll static void drop() throws SQLException { db.close(); }
 *
 *   @Test void something() throws SQLException {
 *     try (Connection connection = db.connect()) { ... }
 *   }
 * }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

  private static final String URL =
      System.getProperty("migrate.test.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getProperty("migrate.test.user", "postgres");
  private static final String PASSWORD = System.getProperty("migrate.test.password", "postgres");

  private final String name;
  private final String url;

  private TestDatabase(String name, String url) {
    this.name = name;
    this.url = url;
  }

  /**
   * Creates a new empty database on the test server.
   *
   * @throws SQLException if the server cannot be reached (the message names the URL and the
   *     properties to set)
   */
  public static TestDatabase create() throws SQLException {
    String name =
        "mt_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(name, withDatabase(URL, name));
  }

  /** The database's name, for example {@code mt_0f3a9c21d4e5b687}. */
  public String name() {
    return name;
  }

  /** A JDBC URL of this database: {@code migrate.test.url} with its database name replaced. */
  public String url() {
    return url;
  }

  /** The user name tests connect as ({@code migrate.test.user}). */
  public String user() {
    return USER;
  }

  /** The password tests connect with ({@code migrate.test.password}). */
  public String password() {
    return PASSWORD;
  }

  /** A new connection to this database, in auto-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, USER, PASSWORD);
  }

  /** This database's URL and credentials, as the facade takes them. */
  public ConnectionSettings settings() {
    return new ConnectionSettings(url(), user(), password());
  }

  /** The facade's configuration, connected to this database; the test adds the rest. */
  public Configuration configure() {
    return Migrate.configure().connection(settings());
  }

  /** This database as the runner's connection source, described by its name. */
  public ConnectionSource connections() {
    return new ConnectionSource() {
      @Override
      public Connection open() throws SQLException {
        return connect();
      }

      @Override
      public String describe() {
        return name();
      }
    };
  }

  /** Runs one statement on a new connection. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of every row {@code query} returns, in order. */
  public List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }

  /**
   * Drops the database, ending any connection still open to it ({@code WITH (FORCE)}, PostgreSQL
   * 13+).
   */
  @Override
  public void close() throws SQLException {
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static Connection admin() throws SQLException {
    try {
      return DriverManager.getConnection(URL, USER, PASSWORD);
    } catch (SQLException e) {
      throw new SQLException(
          "cannot reach the test PostgreSQL at "
              + URL
              + " as "
              + USER
              + ": "
              + e.getMessage()
              + "; start it, or point -Dmigrate.test.url / -Dmigrate.test.user / -Dmigrate.test.password at one",
          e.getSQLState(),
          e);
    }
  }

  /**
   * {@code jdbc:postgresql://host:port/old?params} with {@code database} in place of {@code old}.
   */
  static String withDatabase(String url, String database) {
    int hosts = url.indexOf("//");
    int slash = url.indexOf('/', hosts < 0 ? 0 : hosts + 2);
    int query = url.indexOf('?');
    if (slash < 0 || query >= 0 && query < slash) {
      throw new IllegalArgumentException(
          "migrate.test.url "
              + url
              + " names no database; write it as jdbc:postgresql://host:port/postgres");
    }
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }
}
