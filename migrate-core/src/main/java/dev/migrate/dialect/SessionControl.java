package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the runner asks of the database about sessions and locks: the settings that bound every wait
 * of a migration run, how a lock timeout and a missing privilege look, and who holds a lock the run
 * needs.
 */
public interface SessionControl {

  /**
   * Sets {@code settings} on {@code connection} for the rest of its session ({@code SET
   * application_name}, {@code lock_timeout}, {@code statement_timeout}, and {@code
   * client_connection_check_interval} where the server has it); {@link #end} takes them back.
   *
   * @throws SQLException if a setting is refused
   */
  void begin(Connection connection, SessionSettings settings) throws SQLException;

  /**
   * Resets what {@link #begin} set, so that a connection returned to an application's pool is as it
   * was; errors are ignored (the connection is being closed anyway).
   */
  void end(Connection connection);

  /**
   * The statement that bounds lock waits inside the current transaction only ({@code SET LOCAL
   * lock_timeout = '5000ms'}), without a trailing semicolon.
   */
  String transactionLockTimeout(Duration lockTimeout);

  /** Whether {@code e} says a statement gave up waiting for a lock (PostgreSQL: SQLState 55P03). */
  boolean isLockTimeout(Throwable e);

  /**
   * Other sessions holding locks on the tables {@code tables} of {@code schema} (every relation of
   * {@code schema} when {@code tables} is empty), each with the locks it holds there, oldest
   * session first.
   *
   * @throws SQLException if the activity views cannot be read
   */
  List<BlockingSession> lockHolders(Connection connection, String schema, Set<String> tables)
      throws SQLException;

  /**
   * The session holding the session advisory lock {@code key} of the current database (at most one;
   * empty when nobody holds it any more).
   *
   * @throws SQLException if the activity views cannot be read
   */
  List<BlockingSession> advisoryLockHolders(Connection connection, long key) throws SQLException;

  /**
   * For an error saying that the session's role lacks a privilege (PostgreSQL: SQLState 42501),
   * what is missing and the fix: the privilege, the object, the role, and the {@code GRANT} (or
   * ownership change) that would allow {@code statement}; empty for any other error.
   *
   * @param connection the session that failed, in auto-commit (its transaction rolled back), used
   *     to name the role
   * @param statement the statement that failed, or {@code null} when not known
   */
  Optional<String> missingPrivilege(Connection connection, Throwable e, String statement);
}
