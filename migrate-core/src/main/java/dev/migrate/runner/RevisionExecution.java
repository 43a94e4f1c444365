package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.VersionStore;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CanonicalOps;
import dev.migrate.ops.EnumValueUse;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Revision;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The execution of one revision on a connection the {@link Runner} has locked: its statements, the
 * version-table change and its history row committed together in one transaction; or, for a
 * revision marked {@code @Revision(transactional = false)}, each statement committed on its own
 * before the version table and history; or, for a revision that adds enum values it then uses,
 * those values committed first ({@link EnumValueUse}). A failed attempt is recorded in the history
 * table in a transaction of its own. It is kept apart from the runner, which decides what runs and
 * holds the lock, so that this class holds how one revision runs and what its failures say.
 */
final class RevisionExecution {

  private final Dialect dialect;
  private final VersionStore store;
  private final SessionControl sessions;
  private final String schema;
  private final Duration lockTimeout;
  private final Consumer<String> log;

  /**
   * @param lockTimeout the {@code lock_timeout} each revision's transaction sets for itself ({@code
   *     SET LOCAL})
   */
  RevisionExecution(
      Dialect dialect,
      VersionStore store,
      String schema,
      Duration lockTimeout,
      Consumer<String> log) {
    this.dialect = dialect;
    this.store = store;
    this.sessions = dialect.sessions();
    this.schema = schema;
    this.lockTimeout = lockTimeout;
    this.log = log;
  }

  /**
   * Applies ({@code up}) or reverts {@code revision} on {@code c}, whose version table holds {@code
   * before}, so that it holds {@code after}: in one transaction with the version-table change and
   * the history row, or outside one for {@code @Revision(transactional = false)}, with the enum
   * values the revision then uses committed first.
   *
   * @throws MigrateException ({@link ErrorCode#MIGRATION_FAILED}) naming the revision and the
   *     failing statement; the failed attempt is recorded in the history table
   */
  AppliedRevision apply(
      Connection c, RevisionInfo revision, List<String> before, List<String> after, boolean up)
      throws SQLException {
    String direction = up ? "upgrade" : "downgrade";
    String downs = revision.revises().isEmpty() ? null : String.join(", ", revision.revises());
    log.accept(
        "Running "
            + direction
            + " "
            + (up ? Runner.arrow(downs, revision.id()) : Runner.arrow(revision.id(), downs))
            + ", "
            + revision.message());
    List<Op> ops = revision.ops(up ? Direction.UPGRADE : Direction.DOWNGRADE);
    List<String> statements = statementsOf(ops);
    String checksum = up ? Checksums.of(ops) : revision.checksum();
    // the canonical text beside the checksum of an upgrade, so that a later edit can be shown
    String opsText = up ? CanonicalOps.text(ops) : null;
    List<String> removed = new ArrayList<>(before);
    removed.removeAll(after);
    List<String> added = new ArrayList<>(after);
    added.removeAll(before);
    Revision annotation = revision.type().getAnnotation(Revision.class);
    if (annotation != null && !annotation.transactional()) {
      return applyOutsideTransaction(
          c, revision, before, removed, added, up, statements, checksum, opsText);
    }
    ops.stream()
        .filter(op -> !op.runsInTransaction())
        .findFirst()
        .ifPresent(
            op -> {
              throw new MigrateException(
                  ErrorCode.MIGRATION_FAILED,
                  revision.describe()
                      + " has "
                      + op
                      + ", which PostgreSQL cannot run inside a transaction."
                      + " Mark the class @Revision(..., transactional = false) and run the goal again. Nothing was executed.");
            });
    long started = System.nanoTime();
    List<AddEnumValue> early = EnumValueUse.committedFirst(ops);
    if (!early.isEmpty()) {
      statements = commitFirst(c, revision, direction, ops, early, checksum, started);
    }
    String failed = null;
    c.setAutoCommit(false);
    try (Statement statement = c.createStatement()) {
      statement.execute(sessions.transactionLockTimeout(lockTimeout));
      for (String sql : statements) {
        failed = sql;
        statement.execute(sql);
      }
      failed = null;
      changeHeads(statement, before, removed, added);
      store.recordHistory(
          c, revision.id(), direction, checksum, opsText, millisSince(started), true);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      c.setAutoCommit(true);
      recordFailure(c, revision, direction, checksum, started, e);
      String stays =
          "\nNothing of the revision was applied (its transaction rolled back); the schema stays at "
              + Runner.orBase(Runner.joined(before))
              + ".";
      rethrowIfLockOrPrivilege(c, revision, direction, failed, e, true, stays);
      throw new MigrateException(
          ErrorCode.MIGRATION_FAILED,
          failedTo(revision, direction)
              + ": "
              + e.getMessage()
              + (failed == null ? "" : "\n  in statement: " + failed)
              + "\nThe revision was rolled back; the schema stays at "
              + Runner.orBase(Runner.joined(before))
              + (early.isEmpty()
                  ? ""
                  : ", except the enum value(s) committed before its transaction ("
                      + enumValues(early)
                      + "), which stay and are harmless; the revision adds them only if missing")
              + ". Fix the migration class and run the goal again.",
          e);
    } finally {
      c.setAutoCommit(true);
    }
    return new AppliedRevision(
        revision.id(), revision.message(), direction, statements.size(), millisSince(started));
  }

  /**
   * Records a failed attempt in the history table, on {@code c} in auto-commit; a failure to record
   * is added to {@code failure} as suppressed, so that the original error is the one reported.
   */
  private void recordFailure(
      Connection c,
      RevisionInfo revision,
      String direction,
      String checksum,
      long started,
      Exception failure) {
    try {
      store.recordHistory(c, revision.id(), direction, checksum, millisSince(started), false);
    } catch (SQLException recording) {
      failure.addSuppressed(recording);
    }
  }

  /**
   * Commits the {@code early} enum values of a revision that uses them (see {@link EnumValueUse}),
   * each statement on its own, and returns the statements of the other ops, for the revision's
   * transaction. A failure here is recorded and reported like one in the transaction; the values
   * committed before it stay.
   */
  private List<String> commitFirst(
      Connection c,
      RevisionInfo revision,
      String direction,
      List<Op> ops,
      List<AddEnumValue> early,
      String checksum,
      long started)
      throws SQLException {
    log.accept(
        "Revision "
            + revision.id()
            + " adds enum value(s) it then uses: committing "
            + enumValues(early)
            + " first (PostgreSQL cannot use a new enum value before its transaction commits), then the rest in one"
            + " transaction");
    commitEach(
        c,
        statementsOf(early),
        revision,
        direction,
        checksum,
        started,
        (done, sql, e) ->
            ": "
                + e.getMessage()
                + "\n  in statement: "
                + sql
                + "\nNothing else of the revision ran. Fix the"
                + " migration class and run the goal again.");
    List<Op> remaining = new ArrayList<>(ops);
    early.forEach(remaining::remove);
    return statementsOf(remaining);
  }

  /**
   * A revision marked {@code @Revision(transactional = false)}: each statement commits on its own,
   * then the version table and the history row commit together. On a failure the statements before
   * the failing one stay applied; the history records the attempt as failed and the message names
   * the statement.
   */
  private AppliedRevision applyOutsideTransaction(
      Connection c,
      RevisionInfo revision,
      List<String> before,
      List<String> removed,
      List<String> added,
      boolean up,
      List<String> statements,
      String checksum,
      String opsText)
      throws SQLException {
    String direction = up ? "upgrade" : "downgrade";
    log.accept(
        "Revision "
            + revision.id()
            + " is marked transactional = false: running its "
            + statements.size()
            + " statement(s) outside a transaction, each committed on its own");
    long started = System.nanoTime();
    commitEach(
        c,
        statements,
        revision,
        direction,
        checksum,
        started,
        (done, sql, e) ->
            " at statement "
                + (done + 1)
                + " of "
                + statements.size()
                + ": "
                + e.getMessage()
                + "\n  in statement: "
                + sql
                + "\nIt runs outside a transaction (transactional = false), so the "
                + done
                + " statement(s) before"
                + " it stay applied and the schema may be partially changed; the version table still says "
                + Runner.orBase(Runner.joined(before))
                + ". Repair the schema by hand (for a failed CREATE INDEX"
                + " CONCURRENTLY, drop the INVALID index), then run the goal again.");
    Transactions.inTransaction(
        c,
        statement -> {
          changeHeads(statement, before, removed, added);
          store.recordHistory(
              c, revision.id(), direction, checksum, opsText, millisSince(started), true);
        });
    return new AppliedRevision(
        revision.id(), revision.message(), direction, statements.size(), millisSince(started));
  }

  /**
   * Throws {@link RevisionLockTimeout} when {@code e} is a lock timeout, and {@link
   * ErrorCode#PERMISSION_DENIED} naming the privilege, the object, the statement and the {@code
   * GRANT} when it is a missing privilege; returns for any other error.
   *
   * @param nothingApplied whether the database is as before the attempt
   * @param consequence what stays of the revision, for the message
   */
  private void rethrowIfLockOrPrivilege(
      Connection c,
      RevisionInfo revision,
      String direction,
      String statement,
      Throwable e,
      boolean nothingApplied,
      String consequence) {
    if (sessions.isLockTimeout(e)) {
      throw new RevisionLockTimeout(
          revision,
          failedTo(revision, direction)
              + ": it waited longer than the lock timeout ("
              + lockTimeout.toMillis()
              + " ms) for a lock"
              + (statement == null ? "" : "\n  in statement: " + statement)
              + consequence,
          statement,
          nothingApplied,
          e);
    }
    sessions
        .missingPrivilege(c, e, statement)
        .ifPresent(
            advice -> {
              throw new MigrateException(
                  ErrorCode.PERMISSION_DENIED,
                  failedTo(revision, direction)
                      + ": permission denied: "
                      + advice
                      + "."
                      + consequence
                      + " Grant the privilege, then run the goal again.",
                  e);
            });
  }

  /** What a failure message says after {@link #failedTo}, given the statements done before. */
  private interface StatementFailure {
    String describe(int done, String sql, SQLException e);
  }

  /**
   * Runs {@code statements} in auto-commit, each committed on its own. A failing statement is
   * recorded as a failed attempt and reported as {@link ErrorCode#MIGRATION_FAILED}, worded by
   * {@code failure}; the statements before it stay committed.
   */
  private void commitEach(
      Connection c,
      List<String> statements,
      RevisionInfo revision,
      String direction,
      String checksum,
      long started,
      StatementFailure failure)
      throws SQLException {
    c.setAutoCommit(true);
    try (Statement statement = c.createStatement()) {
      int done = 0;
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          recordFailure(c, revision, direction, checksum, started, e);
          rethrowIfLockOrPrivilege(
              c,
              revision,
              direction,
              sql,
              e,
              done == 0,
              done == 0
                  ? "\nNothing of the revision was applied."
                  : "\nThe "
                      + done
                      + " statement(s) before it ran outside a transaction and stay applied.");
          throw new MigrateException(
              ErrorCode.MIGRATION_FAILED,
              failedTo(revision, direction) + failure.describe(done, sql, e),
              e);
        }
        done++;
      }
    }
  }

  /** The statements of {@code ops} in the dialect, in order. */
  private List<String> statementsOf(List<? extends Op> ops) {
    List<String> statements = new ArrayList<>();
    for (Op op : ops) {
      statements.addAll(dialect.statements(op));
    }
    return statements;
  }

  /**
   * Moves the version table from {@code before} by the {@code removed} and {@code added} heads;
   * each statement must change exactly one row.
   */
  private void changeHeads(
      Statement statement, List<String> before, List<String> removed, List<String> added)
      throws SQLException {
    for (String sql : store.changeHeadsStatements(removed, added)) {
      if (statement.executeUpdate(sql) != 1) {
        throw new SQLException(
            "the version table does not hold the rows " + before + " this run read: " + sql);
      }
    }
  }

  /** How a failure message starts: the revision, what it failed to do, and where. */
  private String failedTo(RevisionInfo revision, String direction) {
    return revision.describe() + " failed to " + direction + " schema " + schema;
  }

  /** The enum values as messages list them: {@code 'value' in type}, comma-separated. */
  private static String enumValues(List<AddEnumValue> values) {
    return values.stream()
        .map(a -> "'" + a.value() + "' in " + a.type())
        .collect(Collectors.joining(", "));
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }
}
