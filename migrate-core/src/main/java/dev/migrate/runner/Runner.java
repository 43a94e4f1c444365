package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.ops.Op;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies and reverts the revisions of one chain in one schema.
 *
 * <p>A run holds the schema's session advisory lock from start to end. Each revision runs in its
 * own transaction: its statements, the version-table change and its history row commit together,
 * or, on any error, none of them does and the database stays at the previous revision (PostgreSQL's
 * DDL is transactional). A failed attempt is still recorded in the history table, in a transaction
 * of its own.
 *
 * <p>This class takes the lock, reads the version table and decides what runs ({@link
 * RevisionGraph}'s plans); {@link RevisionExecution} runs each revision and records its history row
 * or failed attempt.
 */
public final class Runner {

  private final VersionStore store;
  private final ConnectionSource connections;
  private final String schema;
  private final RevisionGraph graph;
  private final Duration lockTimeout;
  private final Consumer<String> log;
  private final RevisionExecution execution;

  /**
   * @param schema the schema the chain runs in (objects, version and history tables), for example
   *     {@code public}
   * @param lockTimeout how long to wait for another run's lock on the same schema
   * @param log receives one line per revision run, as Alembic logs "Running upgrade a -> b,
   *     message"
   */
  public Runner(
      Dialect dialect,
      ConnectionSource connections,
      String schema,
      RevisionGraph graph,
      Duration lockTimeout,
      Consumer<String> log) {
    Objects.requireNonNull(dialect, "dialect");
    this.store = dialect.versionStore();
    this.connections = Objects.requireNonNull(connections, "connections");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    this.log = Objects.requireNonNull(log, "log");
    this.execution = new RevisionExecution(dialect, store, schema, log);
  }

  /** The graph this runner runs. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * The revision ids in the version table, sorted; empty when the database is at base (or the
   * schema or the version table does not exist yet).
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
   * Applies the revisions after the current one up to {@code target} ({@code head}, {@code +N}, an
   * id...).
   *
   * @throws MigrateException {@link ErrorCode#TARGET} if the target is unknown or behind the
   *     current revision, {@link ErrorCode#MIGRATION_FAILED} naming the revision, the statement and
   *     the database error if a revision fails (that revision is rolled back, earlier ones stay),
   *     {@link ErrorCode#LOCKED} if another run holds the lock longer than the lock timeout
   */
  public RunResult upgrade(String target) {
    return run(target, Direction.UPGRADE);
  }

  /**
   * Reverts revisions from the current one down to {@code target} ({@code -1}, {@code base}, an
   * id...), which stays applied.
   *
   * @throws MigrateException as {@link #upgrade}
   */
  public RunResult downgrade(String target) {
    return run(target, Direction.DOWNGRADE);
  }

  private RunResult run(String target, Direction direction) {
    boolean up = direction == Direction.UPGRADE;
    long started = System.nanoTime();
    return locked(
        up,
        c -> {
          List<String> heads = knownHeads(store.heads(c));
          List<String> goal = graph.resolve(target, heads);
          List<RevisionInfo> plan =
              up
                  ? graph.upgradePlan(heads, goal, target)
                  : graph.downgradePlan(heads, goal, target);
          String from = joined(heads);
          List<AppliedRevision> done = new ArrayList<>();
          try {
            for (RevisionInfo revision : plan) {
              List<String> after = graph.headsAfter(heads, revision, direction);
              done.add(execution.apply(c, revision, heads, after, up));
              heads = after;
            }
          } catch (MigrateException e) {
            // the revisions before the failed one stay committed: report where the schema stays
            throw new RunFailedException(
                e,
                new RunResult(
                    schema, from, joined(heads), done, (System.nanoTime() - started) / 1_000_000));
          }
          return new RunResult(
              schema, from, joined(heads), done, (System.nanoTime() - started) / 1_000_000);
        });
  }

  /**
   * Sets the version table to {@code target} without running any migration (Alembic's {@code
   * stamp}), to adopt a database whose schema is already at that revision. Heads on branches
   * unrelated to the target stay; with {@code purge} every row is deleted first, also rows naming
   * revisions that do not exist. Records a {@code stamp} row per new head in the history table,
   * with the revision's checksum.
   *
   * @return the version table before and after
   * @throws MigrateException {@link ErrorCode#TARGET} if the target cannot be resolved, or if the
   *     table holds an unknown revision and {@code purge} is false
   */
  public RunResult stamp(String target, boolean purge) {
    long started = System.nanoTime();
    return locked(
        true,
        c -> {
          List<String> before = store.heads(c);
          List<String> heads = purge ? List.of() : knownHeads(before);
          List<String> goal = graph.resolve(target, heads);
          Set<String> related = new HashSet<>(graph.ancestorsOrSelf(goal));
          related.addAll(graph.descendantsOrSelf(goal));
          List<String> after = new ArrayList<>();
          for (String head : heads) {
            if (!related.contains(head)) {
              after.add(head); // another branch: the stamp leaves it where it is
            }
          }
          after.addAll(goal);
          after = graph.sorted(new LinkedHashSet<>(after));
          List<String> removed = new ArrayList<>(before);
          removed.removeAll(after);
          List<String> added = new ArrayList<>(after);
          added.removeAll(before);
          Transactions.inTransaction(
              c,
              statement -> {
                for (String sql : store.changeHeadsStatements(removed, added)) {
                  statement.execute(sql);
                }
                for (String id : added) {
                  statement.execute(
                      store.recordHistoryStatement(id, "stamp", graph.get(id).checksum()));
                }
              });
          log.accept(
              "Stamped schema "
                  + schema
                  + ": "
                  + orBase(joined(before))
                  + " -> "
                  + orBase(joined(after)));
          return new RunResult(
              schema,
              joined(before),
              joined(after),
              List.of(),
              (System.nanoTime() - started) / 1_000_000);
        });
  }

  /**
   * Records {@code revision}, a baseline just written and not yet compiled, as the schema's only
   * head without running it: creates the version and history tables and writes a history row with
   * direction {@code baseline} and {@code checksum}, in one transaction under the schema's lock.
   *
   * @throws MigrateException {@link ErrorCode#NOT_AT_HEAD} if the version table names a revision
   *     already (another run adopted the schema meanwhile), {@link ErrorCode#LOCKED} as {@link
   *     #upgrade}
   */
  public void stampBaseline(String revision, String checksum) {
    locked(
        false,
        c -> {
          List<String> before = store.heads(c);
          if (!before.isEmpty()) {
            throw new MigrateException(
                ErrorCode.NOT_AT_HEAD,
                "Schema "
                    + schema
                    + " was stamped at "
                    + String.join(", ", before)
                    + " while the baseline "
                    + revision
                    + " was being written; delete the written class and see `mvn"
                    + " migrate:current`.");
          }
          Transactions.inTransaction(
              c,
              statement -> {
                for (String sql : store.changeHeadsStatements(List.of(), List.of(revision))) {
                  statement.execute(sql);
                }
                statement.execute(store.recordHistoryStatement(revision, "baseline", checksum));
              });
          log.accept("Stamped schema " + schema + ": <base> -> " + revision + " (baseline)");
          return null;
        });
  }

  /**
   * Drops the schema with everything in it, creates it again and upgrades it to head. The drop and
   * the create run under the schema's advisory lock; the upgrade takes it again as {@link #upgrade}
   * does.
   *
   * @param force drop even when tables of the schema (other than the version and history tables)
   *     hold rows
   * @throws MigrateException {@link ErrorCode#SCHEMA_NOT_EMPTY} naming the rows per table when the
   *     schema holds rows and {@code force} is false (nothing is dropped), {@link ErrorCode#LOCKED}
   *     as {@link #upgrade}, and whatever {@link #upgrade} throws
   */
  public RunResult reset(boolean force) {
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      long key = lockKey(c.getCatalog());
      if (!store.lock(c, key, lockTimeout)) {
        throw lockError();
      }
      try {
        var rows =
            store.rowCounts(
                c, schema, Set.of(VersionStore.VERSION_TABLE, VersionStore.HISTORY_TABLE));
        if (!rows.isEmpty() && !force) {
          long total = rows.values().stream().mapToLong(Long::longValue).sum();
          List<String> tables = new ArrayList<>();
          rows.forEach((table, count) -> tables.add(table + " " + count));
          throw new MigrateException(
              ErrorCode.SCHEMA_NOT_EMPTY,
              "Refusing to reset schema "
                  + schema
                  + " of "
                  + connections.describe()
                  + ": it holds "
                  + total
                  + " row(s) ("
                  + String.join(", ", tables)
                  + "). Nothing was dropped. Run again with -Dmigrate.force to drop them, or pick another schema.");
        }
        log.accept(
            "Dropping schema " + schema + (rows.isEmpty() ? "" : " (forced, with its rows)"));
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

  private MigrateException lockError() {
    return new MigrateException(
        ErrorCode.LOCKED,
        "Another migration run holds the lock on schema "
            + schema
            + " of "
            + connections.describe()
            + " and did not release it within "
            + lockTimeout.toSeconds()
            + " s. Wait for it to finish, or look for a stuck session in pg_locks (locktype 'advisory').");
  }

  private interface LockedWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Opens a connection, selects (and, for {@code create}, creates) the schema, holds the lock
   * around {@code work}.
   */
  private <T> T locked(boolean create, LockedWork<T> work) {
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      store.useSchema(c, schema, create);
      long key = lockKey(c.getCatalog());
      if (!store.lock(c, key, lockTimeout)) {
        throw lockError();
      }
      try {
        store.createTables(c);
        return work.run(c);
      } finally {
        store.unlock(c, key);
      }
    } catch (SQLException e) {
      throw connectionError(e);
    }
  }

  /** The heads joined by commas, {@code null} for none (base). */
  static String joined(List<String> heads) {
    return heads.isEmpty() ? null : String.join(", ", heads);
  }

  /** {@code heads} in graph order, after checking that each is a revision of the graph. */
  private List<String> knownHeads(List<String> heads) {
    for (String id : heads) {
      if (!graph.contains(id)) {
        throw new MigrateException(
            ErrorCode.TARGET,
            "Schema "
                + schema
                + " of "
                + connections.describe()
                + " is at revision "
                + id
                + ", which is not among the migrations ("
                + graph.revisions().size()
                + " revisions, heads "
                + (graph.heads().isEmpty() ? "none" : String.join(", ", graph.heads()))
                + "). Restore the migration class of "
                + id
                + ", check out the branch that has it, or, if the schema"
                + " is at another revision, run `mvn migrate:stamp -Dmigrate.revision=<rev> -Dmigrate.purge`.");
      }
    }
    return graph.sorted(heads);
  }

  /** {@code id}, or {@code base} for none. */
  static String orBase(String id) {
    return id == null ? "base" : id;
  }

  static String arrow(String from, String to) {
    return (from == null ? "<base>" : from) + " -> " + (to == null ? "<base>" : to);
  }

  /** The ops a revision states, recorded by running its method against a list. */
  static List<Op> record(RevisionInfo revision, Direction direction) {
    return revision.ops(direction);
  }

  /** A SHA-256 hex digest of the ops' canonical text: it changes when a revision's ops change. */
  static String checksum(List<Op> ops) {
    return RevisionInfo.checksum(ops);
  }

  private long lockKey(String database) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("migrate\u0000" + database + "\u0000" + schema)
                      .getBytes(StandardCharsets.UTF_8));
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
    return new MigrateException(
        ErrorCode.CONNECTION,
        "Database error on "
            + connections.describe()
            + " (schema "
            + schema
            + "): "
            + e.getMessage(),
        e);
  }
}
