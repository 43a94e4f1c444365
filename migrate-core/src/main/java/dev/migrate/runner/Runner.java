package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.BlockingSession;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SessionSettings;
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
        direction.name().toLowerCase(Locale.ROOT),
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
        "repair",
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
        "baseline",
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
