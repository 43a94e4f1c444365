package dev.migrate;

import dev.migrate.runner.ConnectionSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Connections from a JDBC driver found with {@link ServiceLoader} next to Migrate, one new
 * connection per call.
 */
final class DriverConnections implements ConnectionSource {

  private final ConnectionSettings settings;

  DriverConnections(ConnectionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * A new connection with the settings' user and password.
   *
   * @throws MigrateException {@link ErrorCode#CONNECTION} if the driver cannot connect, {@link
   *     ErrorCode#CONFIGURATION} if no driver on the class path accepts the URL
   */
  @Override
  public Connection open() throws SQLException {
    Properties properties = new Properties();
    if (settings.user() != null) {
      properties.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      properties.setProperty("password", settings.password());
    }
    for (Driver driver : ServiceLoader.load(Driver.class, Migrate.class.getClassLoader())) {
      if (driver.acceptsURL(settings.url())) {
        try {
          return driver.connect(settings.url(), properties);
        } catch (SQLException e) {
          throw new MigrateException(
              ErrorCode.CONNECTION,
              "Cannot connect to "
                  + describe()
                  + ": "
                  + e.getMessage()
                  + "\nCheck that the database is running and the URL, user and password are right.",
              e);
        }
      }
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION,
        "No JDBC driver accepts "
            + describe()
            + ". Add org.postgresql:postgresql to the class path.");
  }

  @Override
  public String describe() {
    return settings.describe();
  }
}
