package dev.migrate.dialect.postgres;

import static dev.migrate.dialect.postgres.PostgresDialect.quoteIdentifier;

import dev.migrate.dialect.BlockingSession;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SessionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sessions and locks on PostgreSQL.
 *
 * <p>Sources: PostgreSQL docs, "Client Connection Defaults" ({@code lock_timeout}, {@code
 * statement_timeout}: "Abort any statement that waits longer than the specified amount of time
 * while attempting to acquire a lock"), "Connections and Authentication" ({@code
 * client_connection_check_interval}, PostgreSQL 14+: "Sets the time interval between optional
 * checks that the client is still connected, while running queries ... allows long running queries
 * to be aborted sooner"), "Appendix A. PostgreSQL Error Codes" (55P03 {@code lock_not_available},
 * 42501 {@code insufficient_privilege}), "pg_locks" (an advisory lock on a {@code bigint} key shows
 * its high half in {@code classid}, its low half in {@code objid}, and {@code objsubid = 1}).
 */
final class PostgresSessionControl implements SessionControl {

  /** SQLState of a statement that gave up waiting for a lock ({@code lock_not_available}). */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  /** SQLState of a missing privilege ({@code insufficient_privilege}). */
  static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** The first server version with {@code client_connection_check_interval}. */
  private static final int CONNECTION_CHECK_SINCE = 14;

  private static final String SESSION_COLUMNS =
      "a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start, a.state,"
          + " coalesce(a.state_change, a.query_start), a.query";

  private static final Pattern PERMISSION_DENIED =
      Pattern.compile(
          "permission denied for (schema|table|database|sequence|view|relation) (\\S+)");

  private static final Pattern NOT_OWNER =
      Pattern.compile(
          "must be owner of (table|relation|index|sequence|view|materialized view|schema|type) (\\S+)");

  @Override
  public void begin(Connection connection, SessionSettings settings) throws SQLException {
    boolean connectionCheck =
        !settings.connectionCheckInterval().isZero() && hasConnectionCheck(connection);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT set_config('application_name', ?, false), set_config('lock_timeout', ?, false),"
                + " set_config('statement_timeout', ?, false)"
                + (connectionCheck
                    ? ", set_config('client_connection_check_interval', ?, false)"
                    : ""))) {
      statement.setString(1, settings.applicationName());
      statement.setString(2, millis(settings.lockTimeout()));
      statement.setString(3, millis(settings.statementTimeout()));
      if (connectionCheck) {
        statement.setString(4, millis(settings.connectionCheckInterval()));
      }
      statement.executeQuery().close();
    }
  }

  @Override
  public void end(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "RESET application_name; RESET lock_timeout; RESET statement_timeout"
              + (hasConnectionCheck(connection) ? "; RESET client_connection_check_interval" : ""));
    } catch (SQLException e) {
      // the connection is closed right after; a broken one resets nothing anyway
    }
  }

  @Override
  public String transactionLockTimeout(Duration lockTimeout) {
    return "SET LOCAL lock_timeout = '" + millis(lockTimeout) + "'";
  }

  @Override
  public boolean isLockTimeout(Throwable e) {
    return hasState(e, LOCK_NOT_AVAILABLE);
  }

  @Override
  public List<BlockingSession> lockHolders(Connection connection, String schema, Set<String> tables)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT "
                + SESSION_COLUMNS
                + ", string_agg(DISTINCT l.mode || ' on ' || c.relname, ', ')"
                + " FROM pg_catalog.pg_locks l"
                + " JOIN pg_catalog.pg_class c ON c.oid = l.relation"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.granted AND l.pid <> pg_backend_pid()"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
                + " AND n.nspname = ? AND (cardinality(?::text[]) = 0 OR c.relname = ANY (?::text[]))"
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY a.backend_start, a.pid")) {
      var names = connection.createArrayOf("text", tables.stream().sorted().toArray());
      statement.setString(1, schema);
      statement.setArray(2, names);
      statement.setArray(3, names);
      return sessions(statement);
    }
  }

  @Override
  public List<BlockingSession> advisoryLockHolders(Connection connection, long key)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT "
                + SESSION_COLUMNS
                + ", NULL FROM pg_catalog.pg_locks l"
                + " JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.pid <> pg_backend_pid()"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
                + " AND ((l.classid::bigint << 32) | l.objid::bigint) = ?"
                + " ORDER BY a.pid")) {
      statement.setLong(1, key);
      return sessions(statement);
    }
  }

  @Override
  public Optional<String> missingPrivilege(Connection connection, Throwable e, String statement) {
    if (!hasState(e, INSUFFICIENT_PRIVILEGE)) {
      return Optional.empty();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    String role = currentUser(connection);
    String grantee = quoteIdentifier(role);
    String in = statement == null ? "" : " (statement: " + oneLine(statement) + ")";
    Matcher denied = PERMISSION_DENIED.matcher(message);
    if (denied.find()) {
      String kind = denied.group(1);
      String object = denied.group(2);
      String privilege = privilegeFor(kind, statement);
      String fix =
          switch (kind) {
            case "database" ->
                "GRANT CREATE ON DATABASE "
                    + quoteIdentifier(object)
                    + " TO "
                    + grantee
                    + ", or, better, let an owner create the schema once (CREATE SCHEMA <schema>;"
                    + " GRANT USAGE, CREATE ON SCHEMA <schema> TO "
                    + grantee
                    + "): Migrate creates a schema only when it is missing";
            case "schema" ->
                "GRANT " + privilege + " ON SCHEMA " + quoteIdentifier(object) + " TO " + grantee;
            case "sequence" ->
                "GRANT " + privilege + " ON SEQUENCE " + quoteIdentifier(object) + " TO " + grantee;
            default ->
                "GRANT " + privilege + " ON TABLE " + quoteIdentifier(object) + " TO " + grantee;
          };
      return Optional.of(
          "role "
              + role
              + " lacks the "
              + privilege
              + " privilege on "
              + kind
              + " "
              + object
              + in
              + ". As the object's owner or a superuser, run: "
              + fix);
    }
    Matcher owner = NOT_OWNER.matcher(message);
    if (owner.find()) {
      String kind = owner.group(1);
      String object = owner.group(2);
      return Optional.of(
          "role "
              + role
              + " does not own "
              + kind
              + " "
              + object
              + in
              + ", and only its owner (or a member of the owning role) may change or drop it."
              + " Run the goal as the owner, or, as a superuser: ALTER "
              + (kind.equals("relation") ? "TABLE" : kind.toUpperCase(Locale.ROOT))
              + " "
              + quoteIdentifier(object)
              + " OWNER TO "
              + grantee
              + " (or GRANT <owning role> TO "
              + grantee
              + ")");
    }
    return Optional.of(
        "role " + role + " lacks a privilege: " + message + in + ". Grant it to " + grantee + ".");
  }

  /**
   * The privilege {@code statement} needs on an object of {@code kind}: {@code CREATE} to create in
   * a schema or database, {@code USAGE} to use a schema or sequence, else the statement's verb
   * ({@code SELECT}, {@code INSERT}, ...; {@code REFERENCES} for a foreign key).
   */
  private static String privilegeFor(String kind, String statement) {
    String sql = statement == null ? "" : statement.strip().toUpperCase(Locale.ROOT);
    boolean creates = sql.startsWith("CREATE") || sql.contains("CREATE TABLE");
    return switch (kind) {
      case "database" -> creates || sql.isEmpty() ? "CREATE" : "CONNECT";
      case "schema" -> creates || sql.isEmpty() ? "CREATE" : "USAGE";
      case "sequence" -> "USAGE";
      default -> {
        if (sql.contains("REFERENCES")) {
          yield "REFERENCES";
        }
        for (String verb : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE", "SELECT")) {
          if (sql.startsWith(verb)) {
            yield verb;
          }
        }
        yield "SELECT";
      }
    };
  }

  private static List<BlockingSession> sessions(PreparedStatement statement) throws SQLException {
    List<BlockingSession> sessions = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String locks = rows.getString(9);
        sessions.add(
            new BlockingSession(
                rows.getInt(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                instant(rows.getObject(5, OffsetDateTime.class)),
                rows.getString(6),
                instant(rows.getObject(7, OffsetDateTime.class)),
                rows.getString(8),
                locks == null ? List.of() : List.of(locks.split(", "))));
      }
    }
    return sessions;
  }

  private static String instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static boolean hasConnectionCheck(Connection connection) {
    try {
      return connection.getMetaData().getDatabaseMajorVersion() >= CONNECTION_CHECK_SINCE;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String currentUser(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_user")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      return "(the current role)";
    }
  }

  /** Whether {@code e} or one of its causes is an {@link SQLException} with {@code state}. */
  private static boolean hasState(Throwable e, String state) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A duration in PostgreSQL's millisecond unit, for example {@code 5000ms}. */
  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }

  private static String oneLine(String sql) {
    String s = sql.strip().replaceAll("\\s+", " ");
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
