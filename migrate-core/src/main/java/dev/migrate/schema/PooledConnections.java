package dev.migrate.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.ConnectionSettings;
import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.runner.ConnectionSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of a fan-out: a HikariCP pool of at most {@code size} connections over a {@link
 * ConnectionSource} that opens a new connection each time (a JDBC URL), or that source itself when
 * it is an application's {@code DataSource} (which pools already) or when HikariCP is not on the
 * class path (it is an optional dependency of migrate-core; the Maven plugin brings it). Closing
 * closes the pool.
 *
 * <p>A pooled connection comes back with the search path the last run set; every run sets it again
 * first.
 */
public final class PooledConnections implements ConnectionSource, AutoCloseable {

  private static final boolean HIKARI = present("com.zaxxer.hikari.HikariDataSource");

  private final ConnectionSource base;
  private final AutoCloseable pool;
  private final ConnectionSource source;

  private PooledConnections(ConnectionSource base, AutoCloseable pool, ConnectionSource source) {
    this.base = base;
    this.pool = pool;
    this.source = source;
  }

  /**
   * A pool over {@code base} when {@code settings} is not {@code null} (the connections come from a
   * driver, not from a pool of the application's) and HikariCP is present; otherwise {@code base}
   * as it is.
   *
   * @param size the most connections open at once, at least 1
   * @throws MigrateException ({@link ErrorCode#CONNECTION}) if the pool cannot open its first
   *     connection
   */
  public static PooledConnections over(
      ConnectionSource base, ConnectionSettings settings, int size) {
    if (settings == null || !HIKARI) {
      return new PooledConnections(base, () -> {}, base);
    }
    return Hikari.pool(base, size);
  }

  /** Whether connections are pooled (false when the base source is used as it is). */
  public boolean pooled() {
    return source != base;
  }

  @Override
  public Connection open() throws SQLException {
    return source.open();
  }

  @Override
  public String describe() {
    return base.describe();
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new MigrateException(
          ErrorCode.CONNECTION,
          "Cannot close the connection pool of " + describe() + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, PooledConnections.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Kept apart so that HikariCP's classes load only when it is present. */
  private static final class Hikari {

    static PooledConnections pool(ConnectionSource base, int size) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(new SourceDataSource(base));
      config.setPoolName("migrate-fan-out");
      config.setMaximumPoolSize(size);
      config.setMinimumIdle(0);
      config.setAutoCommit(true);
      HikariDataSource dataSource;
      try {
        dataSource = new HikariDataSource(config);
      } catch (RuntimeException e) {
        throw new MigrateException(
            ErrorCode.CONNECTION,
            "Cannot start a connection pool on " + base.describe() + ": " + e.getMessage(),
            e);
      }
      ConnectionSource pooled = ConnectionSource.of(dataSource, base::describe);
      return new PooledConnections(base, dataSource, pooled);
    }
  }

  /** A {@link ConnectionSource} seen as the {@code DataSource} HikariCP wraps. */
  private static final class SourceDataSource implements DataSource {

    private final ConnectionSource source;

    SourceDataSource(ConnectionSource source) {
      this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return source.open();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException(
          "the fan-out pool opens connections with the configured user");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
