package dev.migrate.dialect.postgres;

import static dev.migrate.dialect.postgres.PostgresDialect.quoteIdentifier;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.VersionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The version table, history table and advisory lock on PostgreSQL.
 *
 * <p>The tables live in the connection's current schema (the first on the search path, which {@link
 * #useSchema} sets), are named unqualified and are shaped like Alembic's:
 *
 * <pre>
 * migrate_version (version_num varchar(32) NOT NULL, CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num))
 * migrate_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, revision varchar(32) NOT NULL,
 *                  direction varchar(10) NOT NULL, checksum varchar(64), applied_at timestamptz NOT NULL DEFAULT now(),
 *                  applied_by text NOT NULL DEFAULT current_user, duration_ms bigint NOT NULL, success boolean NOT NULL,
 *                  ops text)
 * </pre>
 *
 * <p>{@code checksum} is the checksum of the revision's upgrade ops in the format it was written in
 * ({@code dev.migrate.runner.Checksums}: {@code v2:...}, or 64 hex digits for the legacy v1), and
 * {@code ops} the canonical text it was taken over ({@code dev.migrate.ops.CanonicalOps}), so that
 * an edit can be shown. History tables created before {@code ops} existed get it on the next run
 * ({@code ALTER TABLE ... ADD COLUMN}, only when it is missing, so a role that does not own an
 * up-to-date table needs no privilege for it).
 *
 * <p>DDL that two processes may run at once ({@code CREATE SCHEMA}/{@code CREATE TABLE ... IF NOT
 * EXISTS} can still fail with a unique violation on the catalog when they race) runs in one {@code
 * DO} block behind a transaction-scoped advisory lock, so the second process waits and then finds
 * the objects there. That lock uses the two-{@code int} key space, which never meets the {@code
 * bigint} keys of {@link #lock}.
 */
public final class PostgresVersionStore implements VersionStore {

  /**
   * First half of the two-int advisory key that serialises DDL on Migrate's own objects ("MIGR" in
   * ASCII).
   */
  private static final int DDL_LOCK_CLASS = 0x4d494752;

  /** First and longest pause between two tries of {@link #lock}, in milliseconds. */
  private static final long FIRST_PAUSE_MILLIS = 50;

  private static final long LONGEST_PAUSE_MILLIS = 500;

  /** The dollar-quote tag around {@code DO} bodies; an identifier containing it is refused. */
  private static final String BODY_TAG = "$migrate$";

  @Override
  public void useSchema(Connection connection, String schema, boolean create) throws SQLException {
    if (create) {
      if (!schemaExists(connection, schema)) {
        // only when missing: CREATE SCHEMA IF NOT EXISTS checks CREATE on the database even when
        // the schema exists, which a role with CREATE on its own schema only does not have
        execute(
            connection,
            serialised(
                "hashtext(" + literal(schema) + ")",
                "CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema)));
      }
    } else if (!schemaExists(connection, schema)) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "schema \""
              + schema
              + "\" does not exist in database "
              + database(connection)
              + ": create it (CREATE SCHEMA "
              + quoteIdentifier(schema)
              + "), or check -Dmigrate.schema / MIGRATE_SCHEMA for a misspelt name");
    }
    execute(connection, "SET search_path TO " + quoteIdentifier(schema));
  }

  @Override
  public boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?)")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  @Override
  public List<String> schemas(Connection connection) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT nspname FROM pg_catalog.pg_namespace ORDER BY nspname")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    return schemas;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One catalog query lists the tables, then one statement counts them all ({@code SELECT 'a',
   * count(*) FROM s.a UNION ALL ...}); names are quoted by {@link PostgresDialect#quoteIdentifier}.
   */
  @Override
  public SortedMap<String, Long> rowCounts(
      Connection connection, String schema, Set<String> excludeTables) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (!excludeTables.contains(rows.getString(1))) {
            tables.add(rows.getString(1));
          }
        }
      }
    }
    SortedMap<String, Long> counts = new TreeMap<>();
    if (tables.isEmpty()) {
      return counts;
    }
    StringBuilder sql = new StringBuilder();
    for (String table : tables) {
      if (sql.length() > 0) {
        sql.append("\nUNION ALL ");
      }
      sql.append("SELECT ")
          .append(literal(table))
          .append(", count(*) FROM ")
          .append(quoteIdentifier(schema))
          .append('.')
          .append(quoteIdentifier(table));
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql.toString())) {
      while (rows.next()) {
        if (rows.getLong(2) > 0) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  @Override
  public void dropSchema(Connection connection, String schema) throws SQLException {
    execute(connection, "DROP SCHEMA IF EXISTS " + quoteIdentifier(schema) + " CASCADE");
  }

  @Override
  public void createTables(Connection connection) throws SQLException {
    execute(
        connection,
        serialised(
            "hashtext(current_schema())",
            String.join(";\n", createTablesStatements())
                + ";\n"
                // history tables created before the ops column: add it, only where it is missing
                + "IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = "
                + literal(quoteIdentifier(HISTORY_TABLE))
                + "::regclass AND attname = 'ops' AND NOT attisdropped) THEN\n"
                + "ALTER TABLE "
                + HISTORY_TABLE
                + " ADD COLUMN ops text;\n"
                + "END IF"));
  }

  @Override
  public List<String> createTablesStatements() {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + VERSION_TABLE
            + " (\n"
            + "    version_num varchar(32) NOT NULL,\n"
            + "    CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num)\n"
            + ")",
        "CREATE TABLE IF NOT EXISTS "
            + HISTORY_TABLE
            + " (\n"
            + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
            + "    revision varchar(32) NOT NULL,\n"
            + "    direction varchar(10) NOT NULL,\n"
            + "    checksum varchar(64),\n"
            + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
            + "    applied_by text NOT NULL DEFAULT current_user,\n"
            + "    duration_ms bigint NOT NULL,\n"
            + "    success boolean NOT NULL,\n"
            + "    ops text\n"
            + ")");
  }

  @Override
  public List<String> useSchemaStatements(String schema, boolean create) {
    List<String> statements = new ArrayList<>();
    if (create) {
      statements.add("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema));
    }
    statements.add("SET search_path TO " + quoteIdentifier(schema));
    return statements;
  }

  @Override
  public List<String> changeHeadsStatements(List<String> removed, List<String> added) {
    List<String> statements = new ArrayList<>();
    int updates = Math.min(removed.size(), added.size());
    for (int i = updates; i < removed.size(); i++) {
      statements.add(
          "DELETE FROM "
              + VERSION_TABLE
              + " WHERE "
              + VERSION_TABLE
              + ".version_num = "
              + literal(removed.get(i)));
    }
    for (int i = 0; i < updates; i++) {
      statements.add(
          "UPDATE "
              + VERSION_TABLE
              + " SET version_num = "
              + literal(added.get(i))
              + " WHERE "
              + VERSION_TABLE
              + ".version_num = "
              + literal(removed.get(i)));
    }
    for (int i = updates; i < added.size(); i++) {
      statements.add(
          "INSERT INTO " + VERSION_TABLE + " (version_num) VALUES (" + literal(added.get(i)) + ")");
    }
    return statements;
  }

  @Override
  public String recordHistoryStatement(String revision, String direction, String checksum) {
    return "INSERT INTO "
        + HISTORY_TABLE
        + " (revision, direction, checksum, duration_ms, success) VALUES ("
        + literal(revision)
        + ", "
        + literal(direction)
        + ", "
        + (checksum == null ? "NULL" : literal(checksum))
        + ", 0, true)";
  }

  @Override
  public List<String> heads(Connection connection) throws SQLException {
    List<String> heads = new ArrayList<>();
    if (!tableExists(connection, VERSION_TABLE)) {
      return heads;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version_num FROM " + VERSION_TABLE + " ORDER BY version_num")) {
      while (rows.next()) {
        heads.add(rows.getString(1));
      }
    }
    return heads;
  }

  @Override
  public void setHeads(Connection connection, List<String> heads) throws SQLException {
    execute(connection, "DELETE FROM " + VERSION_TABLE);
    if (heads.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + VERSION_TABLE + " (version_num) VALUES (?)")) {
      for (String head : heads) {
        insert.setString(1, head);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public void recordHistory(
      Connection connection,
      String revision,
      String direction,
      String checksum,
      String ops,
      long durationMillis,
      boolean success)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + HISTORY_TABLE
                + " (revision, direction, checksum, ops, duration_ms, success)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, revision);
      insert.setString(2, direction);
      insert.setString(3, checksum);
      insert.setString(4, ops);
      insert.setLong(5, durationMillis);
      insert.setBoolean(6, success);
      insert.executeUpdate();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query: {@code SELECT DISTINCT ON (revision) ... WHERE success ORDER BY revision, id
   * DESC}.
   */
  @Override
  public Map<String, RecordedChecksum> recordedChecksums(Connection connection)
      throws SQLException {
    Map<String, RecordedChecksum> last = new HashMap<>();
    if (!tableExists(connection, HISTORY_TABLE)) {
      return last;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT DISTINCT ON (revision) revision, direction, checksum, ops FROM "
                    + HISTORY_TABLE
                    + " WHERE success ORDER BY revision, id DESC")) {
      while (rows.next()) {
        last.put(
            rows.getString(1),
            new RecordedChecksum(
                rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return last;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A catalog query says whether the table (a plain or partitioned table) and the column exist;
   * then {@code SELECT count(column) FROM schema.table} ({@code count(*)} for the table), which
   * reads the whole table.
   */
  @Override
  public OptionalLong valuesHeld(Connection connection, String schema, String table, String column)
      throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')"
                + " AND (?::text IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a"
                + " WHERE a.attrelid = c.oid AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped)))")) {
      exists.setString(1, schema);
      exists.setString(2, table);
      exists.setString(3, column);
      exists.setString(4, column);
      try (ResultSet rows = exists.executeQuery()) {
        rows.next();
        if (!rows.getBoolean(1)) {
          return OptionalLong.empty();
        }
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count("
                    + (column == null ? "*" : quoteIdentifier(column))
                    + ") FROM "
                    + quoteIdentifier(schema)
                    + "."
                    + quoteIdentifier(table))) {
      rows.next();
      return OptionalLong.of(rows.getLong(1));
    }
  }

  @Override
  public List<HistoryRow> history(Connection connection) throws SQLException {
    List<HistoryRow> history = new ArrayList<>();
    if (!tableExists(connection, HISTORY_TABLE)) {
      return history;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT revision, direction, applied_at, applied_by, duration_ms,"
                    + " success, checksum FROM "
                    + HISTORY_TABLE
                    + " ORDER BY id")) {
      while (rows.next()) {
        history.add(
            new HistoryRow(
                rows.getString(1),
                rows.getString(2),
                rows.getObject(3, OffsetDateTime.class).toInstant().toString(),
                rows.getString(4),
                rows.getLong(5),
                rows.getBoolean(6),
                rows.getString(7)));
      }
    }
    return history;
  }

  /**
   * Tries {@code pg_try_advisory_lock(key)} until it succeeds or {@code timeout} has passed,
   * pausing 50 ms after the first failure and doubling the pause up to 500 ms. An interrupt ends
   * the wait (the lock is not taken and the thread's interrupt flag is kept).
   */
  @Override
  public boolean lock(Connection connection, long key, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      while (true) {
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          if (rows.getBoolean(1)) {
            return true;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
      }
    }
  }

  @Override
  public void unlock(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.executeQuery().close();
    }
  }

  /**
   * Whether {@code table} resolves on the search path. {@code to_regclass} returns {@code NULL} for
   * a missing table instead of raising an error, so the caller's transaction is never aborted by
   * the check.
   */
  private static boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, quoteIdentifier(table));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  /**
   * A {@code DO} block that runs {@code ddl} after taking the transaction advisory lock ({@value
   * #DDL_LOCK_CLASS}, {@code objectKey}); a DO block is one statement, so in auto-commit mode the
   * lock covers exactly the DDL and is released with its commit.
   */
  private static String serialised(String objectKey, String ddl) {
    if (ddl.contains(BODY_TAG)) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "a schema or table name contains "
              + BODY_TAG
              + ", which Migrate uses to quote its own DDL; rename it");
    }
    return "DO "
        + BODY_TAG
        + " BEGIN\n"
        + "PERFORM pg_advisory_xact_lock("
        + DDL_LOCK_CLASS
        + ", "
        + objectKey
        + ");\n"
        + ddl
        + ";\n"
        + "END "
        + BODY_TAG;
  }

  /** {@code value} as a SQL string constant (standard-conforming: quotes doubled). */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String database(Connection connection) {
    try {
      return connection.getCatalog();
    } catch (SQLException e) {
      return "(unknown)";
    }
  }
}
