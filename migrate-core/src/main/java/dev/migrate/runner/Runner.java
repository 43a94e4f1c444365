package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.ops.CanonicalOps;
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
   * id...), which stays applied; refuses when it would drop columns or tables holding values (see
   * {@link #downgrade(String, boolean)}).
   *
   * @throws MigrateException as {@link #downgrade(String, boolean)} with {@code dropValues} false
   */
  public RunResult downgrade(String target) {
    return downgrade(target, false);
  }

  /**
   * Reverts revisions from the current one down to {@code target}, which stays applied. Before
   * anything runs, every {@code dropColumn} and {@code dropTable} of the downgrade is counted (rows
   * holding values in the column, rows of the table; one {@code count} per object that exists) and
   * each object holding values is named, for example {@code Downgrade of a1b2c3d4e5f6 drops column
   * public.customer.phone holding values in 1,234 rows}.
   *
   * @param dropValues go on when objects hold values (logging each); otherwise refuse
   * @throws MigrateException {@link ErrorCode#DOWNGRADE_LOSES_DATA} naming each object and its rows
   *     when {@code dropValues} is false and an object holds values (nothing is run); otherwise as
   *     {@link #upgrade}
   */
  public RunResult downgrade(String target, boolean dropValues) {
    return run(target, Direction.DOWNGRADE, dropValues);
  }

  private RunResult run(String target, Direction direction) {
    return run(target, direction, false);
  }

  private RunResult run(String target, Direction direction, boolean dropValues) {
    boolean up = direction == Direction.UPGRADE;
    long started = System.nanoTime();
    return locked(
        up,
        c -> {
          List<String> heads = knownHeads(store.heads(c));
          refuseEdited(c, heads, direction);
          List<String> goal = graph.resolve(target, heads);
          List<RevisionInfo> plan =
              up
                  ? graph.upgradePlan(heads, goal, target)
                  : graph.downgradePlan(heads, goal, target);
          if (!up) {
            checkLosses(c, plan, dropValues);
          }
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
   * Refuses an upgrade or downgrade of a database with an applied revision that was edited since
   * (Flyway's {@code validateOnMigrate}): compares the checksum of every applied revision the code
   * has with its last successful history row ({@link ChecksumValidation}).
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_EDITED}) naming each edited revision, its
   *     class and file, what changed, and the fix
   */
  private void refuseEdited(Connection c, List<String> heads, Direction direction)
      throws SQLException {
    List<EditedRevision> edited =
        ChecksumValidation.edited(graph, heads, store.recordedChecksums(c));
    if (edited.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("Refusing to ")
            .append(direction.label())
            .append(" schema ")
            .append(schema)
            .append(" of ")
            .append(connections.describe())
            .append(": ")
            .append(edited.size() == 1 ? "a revision" : edited.size() + " revisions")
            .append(" applied to it ")
            .append(edited.size() == 1 ? "was" : "were")
            .append(" edited since. Nothing was run.");
    edited.forEach(e -> message.append("\n  ").append(e.describe()));
    String id = edited.get(0).id();
    message
        .append("\nRevert the edit and put the change in a new revision (`mvn migrate:autogen`),")
        .append(
            " or, if the edit is meant (the database already has it), accept it on record with `mvn")
        .append(" migrate:repair -Dmigrate.revision=")
        .append(id)
        .append('`')
        .append(edited.size() == 1 ? "" : " for each (or `mvn migrate:repair` for all of them)")
        .append("; from an application, the facade's repair(\"")
        .append(id)
        .append("\").");
    throw new MigrateException(ErrorCode.REVISION_EDITED, message.toString());
  }

  /**
   * Counts what the downgrade {@code plan} drops ({@link DowngradeLosses}) and refuses, or with
   * {@code dropValues} logs each object that holds values.
   */
  private void checkLosses(Connection c, List<RevisionInfo> plan, boolean dropValues)
      throws SQLException {
    List<DowngradeLosses.Loss> losses = DowngradeLosses.count(c, store, schema, plan);
    if (losses.isEmpty()) {
      return;
    }
    if (dropValues) {
      losses.forEach(l -> log.accept(l.describe() + " (forced)"));
      return;
    }
    StringBuilder message =
        new StringBuilder("Refusing to downgrade schema ")
            .append(schema)
            .append(" of ")
            .append(connections.describe())
            .append(": it would destroy data. Nothing was run.");
    losses.forEach(l -> message.append("\n  ").append(l.describe()));
    message.append(
        "\nBack the data up if you need it, then run again with -Dmigrate.force=true to drop it"
            + " (from an application, the facade's downgrade(target, DowngradeMode.DROP_VALUES)).");
    throw new MigrateException(ErrorCode.DOWNGRADE_LOSES_DATA, message.toString());
  }

  /**
   * Accepts, on purpose and on record, edits to applied revisions (Flyway's {@code repair}): for
   * each applied revision whose upgrade ops no longer match their recorded checksum (or only {@code
   * target}'s), appends a history row with direction {@code repair}, the checksum of the ops now
   * (format v2) and their canonical text. The rows recorded before stay, so the history shows what
   * was applied, and that and when it was accepted. Runs no migration and changes no version row.
   *
   * @param target the revision to repair (a full or partial id, {@code <label>@head}), or {@code
   *     null} for every edited one
   * @return the edits accepted; empty when nothing differed
   * @throws MigrateException {@link ErrorCode#TARGET} if {@code target} names no revision, several,
   *     or one that is not applied; {@link ErrorCode#CONFIGURATION} if the schema does not exist
   */
  public RepairResult repair(String target) {
    return locked(
        false,
        c -> {
          List<String> heads = knownHeads(store.heads(c));
          List<EditedRevision> edited =
              ChecksumValidation.edited(graph, heads, store.recordedChecksums(c));
          if (target != null && !target.isBlank()) {
            List<String> ids = graph.resolve(target, heads);
            if (ids.size() != 1 || !graph.ancestorsOrSelf(heads).contains(ids.get(0))) {
              throw new MigrateException(
                  ErrorCode.TARGET,
                  "repair -Dmigrate.revision="
                      + target
                      + " names "
                      + (ids.isEmpty() ? "base" : String.join(", ", ids))
                      + (ids.size() == 1
                          ? ", which is not applied to schema " + schema
                          : ", not one revision")
                      + ". Name one applied revision (`mvn migrate:current` shows where the schema is),"
                      + " or leave -Dmigrate.revision out to repair every edited one.");
            }
            edited = edited.stream().filter(e -> e.id().equals(ids.get(0))).toList();
          }
          List<EditedRevision> accepted = edited;
          if (!accepted.isEmpty()) {
            Transactions.inTransaction(
                c,
                statement -> {
                  for (EditedRevision e : accepted) {
                    List<Op> ops = graph.get(e.id()).ops(Direction.UPGRADE);
                    store.recordHistory(
                        c, e.id(), "repair", e.checksum(), CanonicalOps.text(ops), 0, true);
                  }
                });
          }
          accepted.forEach(
              e ->
                  log.accept("Repaired schema " + schema + ": accepted the edit. " + e.describe()));
          return new RepairResult(schema, accepted);
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
                  List<Op> ops = graph.get(id).ops(Direction.UPGRADE);
                  store.recordHistory(
                      c, id, "stamp", Checksums.of(ops), CanonicalOps.text(ops), 0, true);
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
