package dev.migrate.dialect;

import java.time.Duration;
import java.util.Objects;

/**
 * How a migration run's database session behaves, set when the runner opens it ({@link
 * SessionControl#begin}) and reset when it is done.
 *
 * @param applicationName what the session calls itself ({@code application_name}), for example
 *     {@code migrate upgrade public}; visible to other sessions in {@code pg_stat_activity}
 * @param lockTimeout the longest a statement waits for a table lock ({@code lock_timeout}); at
 *     least 1 ms (PostgreSQL's unit), never unbounded
 * @param statementTimeout the longest a statement runs ({@code statement_timeout}); {@link
 *     Duration#ZERO} for no limit
 * @param connectionCheckInterval how often the server checks, while a statement runs, that the
 *     client is still connected ({@code client_connection_check_interval}, PostgreSQL 14+), so that
 *     a killed client's statement is cancelled; {@link Duration#ZERO} for never
 */
public record SessionSettings(
    String applicationName,
    Duration lockTimeout,
    Duration statementTimeout,
    Duration connectionCheckInterval) {

  /** The application name of sessions that do not say which verb they run. */
  public static final String APPLICATION = "migrate";

  /** Defaults: lock timeout 5 s, no statement timeout, connection check every 2 s. */
  public static final SessionSettings DEFAULTS =
      new SessionSettings(APPLICATION, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(2));

  public SessionSettings {
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    Objects.requireNonNull(connectionCheckInterval, "connectionCheckInterval");
    if (lockTimeout.toMillis() < 1) {
      throw new IllegalArgumentException(
          "lockTimeout must be at least 1 ms (an unbounded lock wait blocks every query queued"
              + " behind it), got "
              + lockTimeout);
    }
    if (statementTimeout.isNegative() || connectionCheckInterval.isNegative()) {
      throw new IllegalArgumentException("timeouts cannot be negative");
    }
  }

  /** These settings with {@code applicationName} instead. */
  public SessionSettings withApplicationName(String applicationName) {
    return new SessionSettings(
        applicationName, lockTimeout, statementTimeout, connectionCheckInterval);
  }
}
