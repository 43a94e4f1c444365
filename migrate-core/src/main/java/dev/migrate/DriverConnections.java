package dev.migrate;

import dev.migrate.runner.ConnectionSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Connections from a JDBC driver found with {@link ServiceLoader} next to Migrate, one new
 * connection per call.
 */
final class DriverConnections implements ConnectionSource {

  private final ConnectionSettings settings;
  private final Supplier<String> applicationName;

  /**
   * @param applicationName what the connections call themselves (pgjdbc's {@code ApplicationName}
   *     property, the server's {@code application_name}), asked at each connect
   */
  DriverConnections(ConnectionSettings settings, Supplier<String> applicationName) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
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
    if (!settings.url().contains("ApplicationName=")) {
      properties.setProperty("ApplicationName", applicationName.get());
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
