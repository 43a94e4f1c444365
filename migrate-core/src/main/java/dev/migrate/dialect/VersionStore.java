package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;

/**
 * The database-side state of one chain in one schema: the version table ({@code migrate_version},
 * one row per current head, as Alembic's {@code alembic_version}), the append-only history table
 * ({@code migrate_history}) and the advisory lock that serialises runs.
 */
public interface VersionStore {

  /** Name of the version table. */
  String VERSION_TABLE = "migrate_version";

  /** Name of the history table. */
  String HISTORY_TABLE = "migrate_history";

  /**
   * Creates {@code schema} if it does not exist and makes it the only schema on the connection's
   * search path, so that unqualified names in migrations refer to it.
   *
   * @throws SQLException if the schema cannot be created or selected
   */
  void useSchema(Connection connection, String schema, boolean create) throws SQLException;

  /** Whether {@code schema} exists. */
  boolean schemaExists(Connection connection, String schema) throws SQLException;

  /** The names of every schema of the database, sorted, system schemas included. */
  List<String> schemas(Connection connection) throws SQLException;

  /**
   * The number of rows of each table of {@code schema} that holds any, by table name (sorted),
   * leaving out the tables named in {@code excludeTables}; empty when the schema holds no rows or
   * does not exist.
   */
  SortedMap<String, Long> rowCounts(Connection connection, String schema, Set<String> excludeTables)
      throws SQLException;

  /** Drops {@code schema} and everything in it, if it exists. */
  void dropSchema(Connection connection, String schema) throws SQLException;

  /** Creates the version and history tables in the current schema if they are missing. */
  void createTables(Connection connection) throws SQLException;

  /**
   * The revision ids in the version table of the current schema, sorted; empty when the table is
   * missing or empty (the database is at base).
   */
  List<String> heads(Connection connection) throws SQLException;

  /** Replaces the version table's rows with {@code heads}, inside the caller's transaction. */
  void setHeads(Connection connection, List<String> heads) throws SQLException;

  /**
   * The statements that create {@code schema} if {@code create} and make it the current schema, for
   * the head of an offline script ({@code CREATE SCHEMA IF NOT EXISTS ...}, {@code SET search_path
   * TO ...}); no trailing semicolons.
   */
  List<String> useSchemaStatements(String schema, boolean create);

  /**
   * The statements that create the version and history tables if they are missing, as plain DDL for
   * an offline script; no trailing semicolons.
   */
  List<String> createTablesStatements();

  /**
   * The statements that turn the version table's rows {@code removed} into {@code added}, with the
   * ids as literals, as Alembic writes them: one {@code UPDATE} per row that one revision replaces,
   * a {@code DELETE} for each further removed row (a merge collapses rows), an {@code INSERT} for
   * each further added row (a new branch, or the parents a downgraded merge restores). Each
   * statement changes exactly one row. Empty when both are empty.
   */
  List<String> changeHeadsStatements(List<String> removed, List<String> added);

  /**
   * The statement that appends a successful run to the history table with literal values, for
   * offline scripts (duration 0, {@code applied_at} and {@code applied_by} as the database sets
   * them when the script runs).
   *
   * @param checksum the revision's checksum, or {@code null}
   */
  String recordHistoryStatement(String revision, String direction, String checksum);

  /**
   * Appends one row to the history table, without the canonical ops text (column {@code ops} {@code
   * NULL}).
   *
   * @param revision the revision id
   * @param direction {@code "upgrade"}, {@code "downgrade"}, {@code "stamp"} or {@code "repair"}
   * @param checksum the checksum of the revision's upgrade ops, or {@code null}
   * @param durationMillis how long the revision took, in milliseconds
   * @param success whether it committed
   */
  default void recordHistory(
      Connection connection,
      String revision,
      String direction,
      String checksum,
      long durationMillis,
      boolean success)
      throws SQLException {
    recordHistory(connection, revision, direction, checksum, null, durationMillis, success);
  }

  /**
   * Appends one row to the history table, with the canonical text of the revision's upgrade ops
   * (column {@code ops}) beside its checksum, so that a later edit can be shown line by line.
   *
   * @param direction {@code "upgrade"}, {@code "downgrade"}, {@code "stamp"} or {@code "repair"}
   * @param ops the canonical text the checksum was taken over ({@code
   *     dev.migrate.ops.CanonicalOps}), or {@code null}
   * @see #recordHistory(Connection, String, String, String, long, boolean)
   */
  void recordHistory(
      Connection connection,
      String revision,
      String direction,
      String checksum,
      String ops,
      long durationMillis,
      boolean success)
      throws SQLException;

  /**
   * The last successful history row of each revision that has one, by revision id: the checksum
   * (and canonical ops text, where recorded) an applied revision is verified against.
   */
  Map<String, RecordedChecksum> recordedChecksums(Connection connection) throws SQLException;

  /**
   * The number of rows of {@code schema.table} that hold a value in {@code column} ({@code
   * count(column)}), or all its rows ({@code count(*)}) when {@code column} is {@code null}: what
   * dropping the column or table destroys. One count statement; empty when the table or the column
   * does not exist.
   */
  OptionalLong valuesHeld(Connection connection, String schema, String table, String column)
      throws SQLException;

  /** The history rows of the current schema, oldest first; empty when the table is missing. */
  List<HistoryRow> history(Connection connection) throws SQLException;

  /**
   * Takes the session advisory lock for {@code key}, retrying without blocking until {@code
   * timeout} has passed (a blocking lock would deadlock against {@code CREATE INDEX CONCURRENTLY}).
   *
   * @return whether the lock was taken
   */
  boolean lock(Connection connection, long key, Duration timeout) throws SQLException;

  /** Releases the session advisory lock for {@code key}. */
  void unlock(Connection connection, long key) throws SQLException;

  /**
   * One row of the history table. {@code appliedAt} is an ISO-8601 instant; {@code direction} is
   * {@code upgrade}, {@code downgrade}, {@code stamp} or {@code repair}; {@code checksum} is the
   * checksum of the revision's upgrade ops when it ran, in the format it was written in ({@code
   * dev.migrate.runner.Checksums}), {@code null} if not recorded.
   */
  record HistoryRow(
      String revision,
      String direction,
      String appliedAt,
      String appliedBy,
      long durationMillis,
      boolean success,
      String checksum) {}

  /**
   * The checksum an applied revision was last recorded with, from its last successful history row.
   *
   * @param direction the row's direction: {@code upgrade}, {@code stamp}, {@code repair} or {@code
   *     downgrade} (then the revision is not applied)
   * @param checksum the checksum as recorded, in the format it was written in; {@code null} if none
   * @param ops the canonical text of the ops the checksum was taken over; {@code null} where not
   *     recorded (rows written before Migrate recorded it, offline scripts)
   */
  record RecordedChecksum(String revision, String direction, String checksum, String ops) {}
}
