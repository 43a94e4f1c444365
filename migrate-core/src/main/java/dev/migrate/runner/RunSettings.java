package dev.migrate.runner;

import dev.migrate.dialect.SessionSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of every wait of a migration run.
 *
 * @param lockWait how long a run waits for another run's lock on the same schema (the session
 *     advisory lock), logging who holds it every {@value Runner#LOCK_REPORT_SECONDS} seconds; zero
 *     tries once
 * @param lockRetries how many times a revision that gave up waiting for a table lock ({@link
 *     SessionSettings#lockTimeout()}) is tried again, pausing 1 s before the first retry and
 *     doubling the pause up to 10 s; 0 tries once
 * @param session the settings of the run's database session: lock timeout, statement timeout,
 *     application name, connection check
 */
public record RunSettings(Duration lockWait, int lockRetries, SessionSettings session) {

  /**
   * Defaults: wait 60 s for another run, 3 retries, lock timeout 5 s, no statement timeout, see
   * {@link SessionSettings#DEFAULTS}.
   */
  public static final RunSettings DEFAULTS =
      new RunSettings(Duration.ofSeconds(60), 3, SessionSettings.DEFAULTS);

  public RunSettings {
    Objects.requireNonNull(lockWait, "lockWait");
    Objects.requireNonNull(session, "session");
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lockWait cannot be negative, got " + lockWait);
    }
    if (lockRetries < 0) {
      throw new IllegalArgumentException("lockRetries cannot be negative, got " + lockRetries);
    }
  }

  /** These settings with {@code lockWait} instead. */
  public RunSettings withLockWait(Duration lockWait) {
    return new RunSettings(lockWait, lockRetries, session);
  }
}
