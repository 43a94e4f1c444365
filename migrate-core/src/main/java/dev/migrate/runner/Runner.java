package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.BlockingSession;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SessionSettings;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 *
 * <p>No wait is unbounded, and every wait says on what ({@link RunSettings}): the run's session
 * calls itself {@code migrate <verb> <schema>} ({@code application_name}), bounds every lock wait
 * ({@code lock_timeout}, also set with {@code SET LOCAL} in each revision's transaction) and, on
 * PostgreSQL 14+, has the server check every 2 s that the client is still there ({@code
 * client_connection_check_interval}), so that the statement of a killed client is cancelled and its
 * locks released. A revision that gives up waiting for a table lock is tried again, with a pause,
 * up to {@link RunSettings#lockRetries()} times, each retry logged with the sessions holding locks
 * on its tables; then the run fails naming them. Waiting for another run's advisory lock logs its
 * holder every {@value #LOCK_REPORT_SECONDS} seconds and gives up after {@link
 * RunSettings#lockWait()}, naming it.
 */
public final class Runner {

  /** How often a run waiting for another run's lock says who holds it, in seconds. */
  static final int LOCK_REPORT_SECONDS = 5;

  /** The pause before the first retry of a revision that timed out on a lock; doubled each time. */
  private static final Duration FIRST_RETRY_PAUSE = Duration.ofSeconds(1);

  private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(10);

  private final VersionStore store;
  private final SessionControl sessions;
  private final ConnectionSource connections;
  private final String schema;
  private final RevisionGraph graph;
  private final RunSettings settings;
  private final Consumer<String> log;
  private final RevisionExecution execution;

  /**
   * A runner with the {@link RunSettings#DEFAULTS} but {@code lockWait}.
   *
   * @param lockWait how long to wait for another run's lock on the same schema
   */
  public Runner(
      Dialect dialect,
      ConnectionSource connections,
      String schema,
      RevisionGraph graph,
      Duration lockWait,
      Consumer<String> log) {
    this(dialect, connections, schema, graph, RunSettings.DEFAULTS.withLockWait(lockWait), log);
  }

  /**
   * @param schema the schema the chain runs in (objects, version and history tables), for example
   *     {@code public}
   * @param settings the bounds of every wait: another run's lock, table locks, statements
   * @param log receives one line per revision run, as Alembic logs "Running upgrade a -> b,
   *     message", and one line per lock wait naming who holds the lock
   */
  public Runner(
      Dialect dialect,
      ConnectionSource connections,
      String schema,
      RevisionGraph graph,
      RunSettings settings,
      Consumer<String> log) {
    Objects.requireNonNull(dialect, "dialect");
    this.store = dialect.versionStore();
    this.sessions = dialect.sessions();
    this.connections = Objects.requireNonNull(connections, "connections");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
    this.execution =
        new RevisionExecution(dialect, store, schema, settings.session().lockTimeout(), log);
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
        direction.name().toLowerCase(Locale.ROOT),
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
              done.add(applyWithRetries(c, revision, heads, after, up, done));
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
        "stamp",
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
      sessions.begin(c, session("reset"));
      long key = lockKey(c.getCatalog());
      takeLock(c, key);
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
        sessions.end(c);
      }
    } catch (SQLException e) {
      throw connectionError(e);
    }
    return upgrade("head");
  }

  /** The session settings of a run of {@code verb}, named {@code migrate <verb> <schema>}. */
  private SessionSettings session(String verb) {
    return settings
        .session()
        .withApplicationName(settings.session().applicationName() + " " + verb + " " + schema);
  }

  /**
   * Takes the schema's advisory lock, waiting at most {@link RunSettings#lockWait()}; while it
   * waits, logs who holds it right away and then every {@value #LOCK_REPORT_SECONDS} seconds.
   *
   * @throws MigrateException ({@link ErrorCode#LOCKED}) naming the holder when the wait ends
   */
  private void takeLock(Connection c, long key) throws SQLException {
    long deadline = System.nanoTime() + settings.lockWait().toNanos();
    Duration slice = Duration.ZERO; // the first try says at once who is in the way
    while (true) {
      if (store.lock(c, key, slice)) {
        return;
      }
      List<BlockingSession> holders = sessions.advisoryLockHolders(c, key);
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        throw lockError(holders);
      }
      log.accept(
          "Waiting for the lock on schema "
              + schema
              + ": another migration run holds it ("
              + BlockingSession.describeAll(holders)
              + "); giving up in "
              + Math.max(1, Duration.ofNanos(left).toSeconds())
              + " s");
      slice = Duration.ofNanos(Math.min(left, Duration.ofSeconds(LOCK_REPORT_SECONDS).toNanos()));
    }
  }

  private MigrateException lockError(List<BlockingSession> holders) {
    return new MigrateException(
        ErrorCode.LOCKED,
        "Another migration run holds the lock on schema "
            + schema
            + " of "
            + connections.describe()
            + " and did not release it within "
            + settings.lockWait().toSeconds()
            + " s (-Dmigrate.lockWait). Holder: "
            + BlockingSession.describeAll(holders)
            + ". Wait for it to finish and run the goal again"
            + (holders.isEmpty()
                ? ""
                : ", or, if that session is stuck, end it: SELECT pg_terminate_backend("
                    + holders.get(0).pid()
                    + ")")
            + ".");
  }

  /**
   * Applies {@code revision}, trying it again after a pause when it gave up waiting for a table
   * lock and nothing of it was applied, at most {@link RunSettings#lockRetries()} times; each retry
   * is logged with the sessions holding locks on the revision's tables.
   *
   * @param done the revisions this run applied before, for the final message
   * @throws MigrateException ({@link ErrorCode#LOCKED}) after the last try, naming the blocking
   *     sessions, saying that nothing of the revision was applied and which revisions were
   */
  private AppliedRevision applyWithRetries(
      Connection c,
      RevisionInfo revision,
      List<String> heads,
      List<String> after,
      boolean up,
      List<AppliedRevision> done)
      throws SQLException {
    Duration pause = FIRST_RETRY_PAUSE;
    int tries = settings.lockRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      try {
        return execution.apply(c, revision, heads, after, up);
      } catch (RevisionLockTimeout timeout) {
        List<BlockingSession> blockers =
            blockers(c, revision, up ? Direction.UPGRADE : Direction.DOWNGRADE);
        if (!timeout.nothingApplied() || attempt >= tries) {
          throw lockTimeoutError(timeout, blockers, attempt, heads, done);
        }
        log.accept(
            "Revision "
                + revision.id()
                + " waited longer than the lock timeout ("
                + settings.session().lockTimeout().toMillis()
                + " ms) for a lock; nothing of it was applied. Blocking: "
                + BlockingSession.describeAll(blockers)
                + ". Trying again in "
                + pause.toMillis()
                + " ms (try "
                + (attempt + 1)
                + " of "
                + tries
                + ")");
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw lockTimeoutError(timeout, blockers, attempt, heads, done);
        }
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0
                ? LONGEST_RETRY_PAUSE
                : pause.multipliedBy(2);
      }
    }
  }

  /**
   * The sessions holding locks on the tables {@code revision} changes, or, when it names none or
   * none of them is held, on any relation of the schema.
   */
  private List<BlockingSession> blockers(Connection c, RevisionInfo revision, Direction direction)
      throws SQLException {
    Set<String> tables = new TreeSet<>();
    for (Op op : revision.ops(direction)) {
      op.onTable().ifPresent(t -> tables.add(t.table()));
    }
    List<BlockingSession> holders =
        tables.isEmpty() ? List.of() : sessions.lockHolders(c, schema, tables);
    return holders.isEmpty() ? sessions.lockHolders(c, schema, Set.of()) : holders;
  }

  private MigrateException lockTimeoutError(
      RevisionLockTimeout timeout,
      List<BlockingSession> blockers,
      int tries,
      List<String> heads,
      List<AppliedRevision> done) {
    RevisionInfo revision = timeout.revision();
    String applied =
        done.isEmpty()
            ? "No revision was applied by this run"
            : "Applied before it in this run: "
                + String.join(", ", done.stream().map(AppliedRevision::id).toList());
    return new MigrateException(
        ErrorCode.LOCKED,
        revision.describe()
            + " could not take the locks it needs in schema "
            + schema
            + " of "
            + connections.describe()
            + ": it waited longer than the lock timeout ("
            + settings.session().lockTimeout().toMillis()
            + " ms) on "
            + (tries == 1 ? "its only try" : "each of " + tries + " tries")
            + (timeout.statement() == null ? "" : "\n  in statement: " + timeout.statement())
            + "\nBlocking session(s): "
            + BlockingSession.describeAll(blockers)
            + "\n"
            + (timeout.nothingApplied()
                ? "Nothing of revision "
                    + revision.id()
                    + " was applied (its transaction rolled back)"
                : "Revision "
                    + revision.id()
                    + " runs outside a transaction and the statements before the one that waited stay applied")
            + ". "
            + applied
            + "; the schema stays at "
            + orBase(joined(heads))
            + ".\nEnd the blocking session"
            + (blockers.isEmpty()
                ? ""
                : " (SELECT pg_terminate_backend(" + blockers.get(0).pid() + "))")
            + " or let it finish, then run the goal again; -Dmigrate.lockTimeout and"
            + " -Dmigrate.lockRetries allow longer waits.",
        timeout);
  }

  private interface LockedWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Opens a connection with the session settings of {@code verb}, selects (and, for {@code create},
   * creates) the schema, holds the lock around {@code work}.
   */
  private <T> T locked(String verb, boolean create, LockedWork<T> work) {
    try (Connection c = connections.open()) {
      c.setAutoCommit(true);
      sessions.begin(c, session(verb));
      // what Migrate itself runs before the work, for a message naming a missing privilege
      String step = store.useSchemaStatements(schema, create).get(0);
      try {
        store.useSchema(c, schema, create);
        long key = lockKey(c.getCatalog());
        takeLock(c, key);
        try {
          step = store.createTablesStatements().get(0);
          store.createTables(c);
          step = null;
          return work.run(c);
        } finally {
          store.unlock(c, key);
        }
      } catch (SQLException e) {
        throw sessions
            .missingPrivilege(c, e, step)
            .<MigrateException>map(
                advice ->
                    new MigrateException(
                        ErrorCode.PERMISSION_DENIED,
                        "Cannot "
                            + verb
                            + " schema "
                            + schema
                            + " of "
                            + connections.describe()
                            + ": permission denied: "
                            + advice
                            + ". Nothing was changed.",
                        e))
            .orElseGet(() -> connectionError(e));
      } finally {
        sessions.end(c);
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
