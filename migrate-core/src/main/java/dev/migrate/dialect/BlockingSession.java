package dev.migrate.dialect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Another database session that holds a lock this run needs, as the server's activity view shows it
 * ({@code pg_stat_activity} on PostgreSQL), for messages that name who is in the way.
 *
 * @param pid the server process id of the session ({@code pg_terminate_backend(pid)} ends it)
 * @param applicationName what the client called itself ({@code application_name}), empty if nothing
 * @param user the role the session runs as
 * @param clientAddress the client's address, or {@code null} for a Unix socket
 * @param backendStart when the session started, ISO-8601, or {@code null}
 * @param state {@code active}, {@code idle in transaction}, ..., or {@code null}
 * @param stateSince when the session entered {@code state} (or its current query started),
 *     ISO-8601, or {@code null}
 * @param query the session's current or last statement, cut to {@value #QUERY_CHARS} characters, or
 *     {@code null}
 * @param locks the locks it holds that matter here, for example {@code AccessExclusiveLock on
 *     customer}; empty for the schema's advisory lock
 */
public record BlockingSession(
    int pid,
    String applicationName,
    String user,
    String clientAddress,
    String backendStart,
    String state,
    String stateSince,
    String query,
    List<String> locks) {

  /** How many characters of a session's query a message shows. */
  public static final int QUERY_CHARS = 120;

  private static final Pattern PASSWORD_LITERAL =
      Pattern.compile("(?i)(password\\s*(?:=\\s*)?)'(?:[^']|'')*'");

  public BlockingSession {
    locks = List.copyOf(locks);
  }

  /**
   * One line for a message: {@code pid 4711 (application_name 'psql', user app, client 10.0.0.5,
   * started 2026-11-21T15:30:12Z, state 'idle in transaction' since 2026-11-21T15:30:14Z, query
   * 'LOCK TABLE customer IN ACCESS EXCLUSIVE MODE'; holds AccessExclusiveLock on customer)}.
   */
  public String describe() {
    StringBuilder s = new StringBuilder("pid ").append(pid).append(" (application_name '");
    s.append(applicationName == null ? "" : applicationName).append('\'');
    if (user != null) {
      s.append(", user ").append(user);
    }
    if (clientAddress != null) {
      s.append(", client ").append(clientAddress);
    }
    if (backendStart != null) {
      s.append(", started ").append(backendStart);
    }
    if (state != null) {
      s.append(", state '").append(state).append('\'');
      if (stateSince != null) {
        s.append(" since ").append(stateSince);
      }
    }
    if (query != null && !query.isBlank()) {
      // a session's statement may carry a password (ALTER ROLE ... PASSWORD '...'): never shown
      String oneLine =
          PASSWORD_LITERAL.matcher(query.strip().replaceAll("\\s+", " ")).replaceAll("$1'***'");
      s.append(", query '")
          .append(
              oneLine.length() > QUERY_CHARS ? oneLine.substring(0, QUERY_CHARS) + "..." : oneLine)
          .append('\'');
    }
    if (!locks.isEmpty()) {
      s.append("; holds ").append(String.join(", ", locks));
    }
    return s.append(')').toString();
  }

  /** The sessions' {@link #describe()} lines, joined by {@code "; "}, or {@code none found}. */
  public static String describeAll(List<BlockingSession> sessions) {
    if (sessions.isEmpty()) {
      return "none found (the lock was released before it could be looked up)";
    }
    StringBuilder s = new StringBuilder();
    for (BlockingSession session : sessions) {
      s.append(s.length() == 0 ? "" : "; ").append(session.describe());
    }
    return s.toString();
  }
}
