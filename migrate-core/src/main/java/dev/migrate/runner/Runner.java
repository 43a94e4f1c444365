package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Applies and reverts the revisions of one chain in one schema.
 *
 * <p>A run holds the schema's session advisory lock from start to end. Each revision runs in its own transaction:
 * its statements, the version-table change and its history row commit together, or, on any error, none of them
 * does and the database stays at the previous revision (PostgreSQL's DDL is transactional). A failed attempt is
 * still recorded in the history table, in a transaction of its own.
 */
public final class Runner {

  private final Dialect dialect;
  private final VersionStore store;
  private final ConnectionSource connections;
  private final String schema;
  private final RevisionGraph graph;
  private final Duration lockTimeout;
  private final Consumer<String> log;

  /**
   * @param schema the schema the chain runs in (objects, version and history tables), for example {@code public}
   * @param lockTimeout how long to wait for another run's lock on the same schema
   * @param log receives one line per revision run, as Alembic logs "Running upgrade a -> b, message"
   */
  public Runner(Dialect dialect, ConnectionSource connections, String schema, RevisionGraph graph,
      Duration lockTimeout, Consumer<String> log) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.store = dialect.versionStore();
    this.connections = Objects.requireNonNull(connections, "connections");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The graph this runner runs. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * The revision ids in the version table, sorted; empty when the database is at base (or the schema or the version
   * table does not exist yet).
   *
   * @throws MigrateException ({@link ErrorCode#CONNECTION}) if the database cannot be read
   */
  public List<String> current() {
    try (Connection c = connections.open()) {
      if (!store.schemaExists(c, schema)) {
        return List.of();
      }
      store.useSchema(c, schema, false);
      return store.heads(c);
    } catch (SQLException e) {
      throw connectionError(e);
    }
  }

  /** The history rows of the schema, oldest first; empty when nothing ran yet. */
  public List<VersionStore.HistoryRow> appliedHistory() {
    try (Connection c = connections.open()) {
      if (!store.schemaExists(c, schema)) {
        return List.of();
      }
      store.useSchema(c, schema, false);
      return store.history(c);
    } catch (SQLException e) {
      throw connectionError(e);
    }
  }

  /**
   * Applies the revisions after the current one up to {@code target} ({@code head}, {@code +N}, an id...).
   *
   * @throws MigrateException {@link ErrorCode#TARGET} if the target is unknown or behind the current revision,
   *     {@link ErrorCode#MIGRATION_FAILED} naming the revision, the statement and the database error if a revision
   *     fails (that revision is rolled back, earlier ones stay), {@link ErrorCode#LOCKED} if another run holds the
   *     lock longer than the lock timeout
   */
  public RunResult upgrade(String target) {
    return run(target, true);
  }

  /**
   * Reverts revisions from the current one down to {@code target} ({@code -1}, {@code base}, an id...), which
   * stays applied.
   *
   * @throws MigrateException as {@link #upgrade}
   */
  public RunResult downgrade(String target) {
    return run(target, false);
  }

  private RunResult run(String target, boolean up) {
    long started = System.nanoTime();
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      store.useSchema(c, schema, up);
      long key = lockKey(c.getCatalog());
      if (!store.lock(c, key, lockTimeout)) {
        throw locked();
      }
      try {
        store.createTables(c);
        int current = currentPosition(store.heads(c));
        int goal = graph.resolve(target, current);
        String from = idAt(current);
        List<AppliedRevision> done = new ArrayList<>();
        try {
          if (up) {
            if (goal < current) {
              throw new MigrateException(ErrorCode.TARGET, "Target '" + target + "' (" + describe(goal)
                  + ") is behind the current revision " + from + " of schema " + schema
                  + ". Use `mvn migrate:downgrade -Drevision=" + target + "` to go back.");
            }
            for (int i = current + 1; i <= goal; i++) {
              done.add(apply(c, graph.chain().get(i), idAt(i - 1), true));
            }
          } else {
            if (goal > current) {
              throw new MigrateException(ErrorCode.TARGET, "Target '" + target + "' (" + describe(goal)
                  + ") is ahead of the current revision " + describe(current) + " of schema " + schema
                  + ". Use `mvn migrate:upgrade -Drevision=" + target + "` to go forward.");
            }
            for (int i = current; i > goal; i--) {
              done.add(apply(c, graph.chain().get(i), idAt(i - 1), false));
            }
          }
        } catch (MigrateException e) {
          String reached = done.isEmpty() ? from
              : up ? done.get(done.size() - 1).id() : idAt(graph.position(done.get(done.size() - 1).id()) - 1);
          throw new RunFailedException(e, new RunResult(schema, from, reached, done,
              (System.nanoTime() - started) / 1_000_000));
        }
        return new RunResult(schema, from, idAt(goal), done, (System.nanoTime() - started) / 1_000_000);
      } finally {
        store.unlock(c, key);
      }
    } catch (SQLException e) {
      throw connectionError(e);
    }
  }

  /**
   * Drops the schema with everything in it, creates it again and upgrades it to head. The drop and the create run
   * under the schema's advisory lock; the upgrade takes it again as {@link #upgrade} does.
   *
   * @param force drop even when tables of the schema (other than the version and history tables) hold rows
   * @throws MigrateException {@link ErrorCode#SCHEMA_NOT_EMPTY} naming the rows per table when the schema holds
   *     rows and {@code force} is false (nothing is dropped), {@link ErrorCode#LOCKED} as {@link #upgrade}, and
   *     whatever {@link #upgrade} throws
   */
  public RunResult reset(boolean force) {
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      long key = lockKey(c.getCatalog());
      if (!store.lock(c, key, lockTimeout)) {
        throw locked();
      }
      try {
        var rows = store.rowCounts(c, schema, java.util.Set.of(VersionStore.VERSION_TABLE,
            VersionStore.HISTORY_TABLE));
        if (!rows.isEmpty() && !force) {
          long total = rows.values().stream().mapToLong(Long::longValue).sum();
          List<String> tables = new ArrayList<>();
          rows.forEach((table, count) -> tables.add(table + " " + count));
          throw new MigrateException(ErrorCode.SCHEMA_NOT_EMPTY, "Refusing to reset schema " + schema + " of "
              + connections.describe() + ": it holds " + total + " row(s) (" + String.join(", ", tables)
              + "). Nothing was dropped. Run again with -Dforce to drop them, or pick another schema.");
        }
        log.accept("Dropping schema " + schema + (rows.isEmpty() ? "" : " (forced, with its rows)"));
        store.dropSchema(c, schema);
        store.useSchema(c, schema, true);
      } finally {
        store.unlock(c, key);
      }
    } catch (SQLException e) {
      throw connectionError(e);
    }
    return upgrade("head");
  }

  private MigrateException locked() {
    return new MigrateException(ErrorCode.LOCKED, "Another migration run holds the lock on schema " + schema
        + " of " + connections.describe() + " and did not release it within " + lockTimeout.toSeconds()
        + " s. Wait for it to finish, or look for a stuck session in pg_locks (locktype 'advisory').");
  }

  private String describe(int position) {
    return position < 0 ? "base" : graph.chain().get(position).id();
  }

  private String idAt(int position) {
    return position < 0 ? null : graph.chain().get(position).id();
  }

  private int currentPosition(List<String> heads) {
    if (heads.isEmpty()) {
      return -1;
    }
    if (heads.size() > 1) {
      throw new MigrateException(ErrorCode.REVISION_GRAPH, "Schema " + schema + " is at several heads " + heads
          + ", but this chain is linear. Run `mvn migrate:current` and repair the version table.");
    }
    String id = heads.get(0);
    try {
      return graph.position(id);
    } catch (MigrateException e) {
      throw new MigrateException(ErrorCode.TARGET, "Schema " + schema + " of " + connections.describe()
          + " is at revision " + id + ", which is not among the migrations (" + graph.chain().size()
          + " revisions, head " + graph.head().map(RevisionInfo::id).orElse("none") + "). Restore the migration class"
          + " of " + id + ", or check out the branch that has it.");
    }
  }

  private AppliedRevision apply(Connection c, RevisionInfo revision, String down, boolean up) throws SQLException {
    String direction = up ? "upgrade" : "downgrade";
    log.accept("Running " + direction + " " + (up ? arrow(down, revision.id()) : arrow(revision.id(), down)) + ", "
        + revision.message());
    List<Op> ops = record(revision, up);
    List<String> statements = new ArrayList<>();
    for (Op op : ops) {
      statements.addAll(dialect.statements(op));
    }
    String checksum = checksum(up ? ops : record(revision, true));
    long started = System.nanoTime();
    String failed = null;
    c.setAutoCommit(false);
    try (Statement statement = c.createStatement()) {
      for (String sql : statements) {
        failed = sql;
        statement.execute(sql);
      }
      failed = null;
      store.setHeads(c, up ? List.of(revision.id()) : down == null ? List.of() : List.of(down));
      store.recordHistory(c, revision.id(), direction, checksum, millisSince(started), true);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      c.setAutoCommit(true);
      try {
        store.recordHistory(c, revision.id(), direction, checksum, millisSince(started), false);
      } catch (SQLException recording) {
        e.addSuppressed(recording);
      }
      throw new MigrateException(ErrorCode.MIGRATION_FAILED, "Revision " + revision.id() + " ("
          + revision.type().getName() + ") failed to " + direction + " schema " + schema + ": " + e.getMessage()
          + (failed == null ? "" : "\n  in statement: " + failed)
          + "\nThe revision was rolled back; the schema stays at " + (up ? orBase(down) : revision.id())
          + ". Fix the migration class and run the goal again.", e);
    } finally {
      c.setAutoCommit(true);
    }
    return new AppliedRevision(revision.id(), revision.message(), direction, statements.size(),
        millisSince(started));
  }

  private static String orBase(String id) {
    return id == null ? "base" : id;
  }

  private static String arrow(String from, String to) {
    return (from == null ? "<base>" : from) + " -> " + (to == null ? "<base>" : to);
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /** The ops a revision states, recorded by running its method against a list. */
  static List<Op> record(RevisionInfo revision, boolean up) {
    List<Op> ops = new ArrayList<>();
    Migration migration = revision.newMigration();
    Operations op = new Operations(ops::add);
    try {
      if (up) {
        migration.upgrade(op);
      } else {
        migration.downgrade(op);
      }
    } catch (RuntimeException e) {
      throw new MigrateException(ErrorCode.MIGRATION_FAILED, "Revision " + revision.id() + " ("
          + revision.type().getName() + ") threw in " + (up ? "upgrade" : "downgrade") + "(): " + e
          + ". Nothing was executed for it.", e);
    }
    return ops;
  }

  /** A SHA-256 hex digest of the ops' canonical text: it changes when a revision's ops change. */
  static String checksum(List<Op> ops) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Op op : ops) {
        digest.update(op.toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private long lockKey(String database) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(
          ("migrate\u0000" + database + "\u0000" + schema).getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (hash[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private MigrateException connectionError(SQLException e) {
    return new MigrateException(ErrorCode.CONNECTION, "Database error on " + connections.describe() + " (schema "
        + schema + "): " + e.getMessage(), e);
  }
}
