package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * A revision gave up waiting for a lock (the session's {@code lock_timeout} expired), thrown by
 * {@link RevisionExecution} so that the {@link Runner} can try the revision again and name the
 * sessions in the way.
 */
final class RevisionLockTimeout extends MigrateException {

  private static final long serialVersionUID = 1L;

  private final transient RevisionInfo revision;
  private final String statement;
  private final boolean nothingApplied;

  /**
   * @param statement the statement that waited, or {@code null}
   * @param nothingApplied whether the database is as before the attempt (its transaction rolled
   *     back, or the first statement of a non-transactional revision waited), so that it can be
   *     tried again
   */
  RevisionLockTimeout(
      RevisionInfo revision,
      String message,
      String statement,
      boolean nothingApplied,
      Throwable cause) {
    super(ErrorCode.LOCKED, message, cause);
    this.revision = revision;
    this.statement = statement;
    this.nothingApplied = nothingApplied;
  }

  RevisionInfo revision() {
    return revision;
  }

  String statement() {
    return statement;
  }

  boolean nothingApplied() {
    return nothingApplied;
  }
}
