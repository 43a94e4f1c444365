package dev.migrate;

import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.VersionStore;
import dev.migrate.diff.DiffResult;
import dev.migrate.lint.LintResult;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.runner.ConnectionSource;
import dev.migrate.runner.Direction;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RepairResult;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionRange;
import dev.migrate.runner.RunResult;
import dev.migrate.runner.Runner;
import dev.migrate.runner.SqlScript;
import dev.migrate.schema.FanOut;
import dev.migrate.schema.FanOutReport;
import dev.migrate.schema.PooledConnections;
import dev.migrate.schema.SchemaNames;
import dev.migrate.schema.SchemaSelection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The entry point: configure once, then call a verb. Every verb returns a result record; the Maven
 * goals are thin wrappers over these, and an application can run its migrations at start-up the
 * same way, without Maven:
 *
 * <pre>{@code
 * Migrate.configure()
 *     .dataSource(dataSource)
 *     .classLoader(getClass().getClassLoader())   // finds the compiled @Revision classes
 *     .load()
 *     .upgrade("head");
 * }</pre>
 *
 * <p>The verbs here work on one chain in one schema ({@link #schema()}). {@link #schemas()} gives
 * the same verbs over what the configuration selected: one schema, schema groups, or a fan-out over
 * many target schemas, with a result per schema. Each verb's work is a command class of its own
 * ({@link Autogenerate}, {@link Check}, {@link RevisionFiles}, {@link Runner}, {@link
 * GroupChains}); this class is their table of contents.
 */
public final class Migrate {

  private final Configuration config;
  private final RevisionClasses classes;
  private final String schema;
  private final ConnectionSource connections;
  private final RevisionGraph graph;
  private final Runner runner;

  /**
   * The selection, when it names several schemas and this facade is not one of them; {@code null}
   * otherwise.
   */
  private final SchemaSelection several;

  Migrate(
      Configuration config,
      RevisionClasses classes,
      String schema,
      SchemaSelection several,
      ConnectionSource connections,
      RevisionGraph graph,
      Consumer<String> log) {
    this.config = config;
    this.several = several;
    this.classes = classes;
    this.schema = schema;
    this.connections = connections;
    this.graph = graph;
    this.runner =
        connections == null
            ? null
            : new Runner(config.dialect, connections, schema, graph, config.runSettings(), log);
  }

  /**
   * A new configuration with the defaults: PostgreSQL, schema {@code public}, lock wait 60 s, lock
   * timeout 5 s with 3 retries, no statement timeout, lines to the {@code System.Logger} {@code
   * dev.migrate}, messages for an application ({@link Caller#APPLICATION}).
   */
  public static Configuration configure() {
    return new Configuration();
  }

  // ----------------------------------------------------------------------------------------------
  // the scope

  /**
   * The verbs over every schema the configuration selected: one schema, the schema groups, or a
   * fan-out over a list or pattern of target schemas ({@link Configuration#schemas}, {@link
   * Configuration#schemaGroups}).
   */
  public Schemas schemas() {
    return new Schemas(this);
  }

  /** Whether a database was configured. */
  public boolean hasDatabase() {
    return runner != null;
  }

  /**
   * The schema this facade runs the chain in.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) when the configuration selected
   *     several schemas
   */
  public String schema() {
    if (several != null) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "schema selection '"
              + several
              + "' names several"
              + " schemas, but this goal works on one. Name one, for example -Dmigrate.schema=dev.");
    }
    return schema;
  }

  /** The database, for messages ({@link ConnectionSource#describe()}); never a password. */
  public String database() {
    return connections().describe();
  }

  /** The revision graph of the configured migrations. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * The same chain and database, run in {@code schema} instead (a target schema: {@code dev},
   * {@code tenant-1}).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the name is not valid ({@link
   *     SchemaNames})
   */
  public Migrate inSchema(String schema) {
    return new Migrate(
        config,
        classes,
        SchemaNames.requireValid(schema, "schema"),
        null,
        connections,
        graph,
        config.log);
  }

  /**
   * The schemas {@code selection} names: names as given, patterns ({@code tenant_*}) expanded over
   * the schemas that exist (see {@link SchemaSelection#resolve}).
   *
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} if a pattern matches nothing or no
   *     database is configured, {@link ErrorCode#CONNECTION} if the catalog cannot be read
   */
  public List<String> resolve(SchemaSelection selection) {
    if (!selection.hasPattern()) {
      return selection.resolve(List.of(), connections().describe());
    }
    try (Connection c = connections().open()) {
      return selection.resolve(config.dialect.versionStore().schemas(c), connections.describe());
    } catch (SQLException e) {
      throw new MigrateException(
          ErrorCode.CONNECTION,
          "Cannot list the schemas of " + connections.describe() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Runs {@code action} once per schema of {@code schemas}, on {@code threads} threads in this JVM,
   * each schema through {@link #inSchema} over one pool of at most {@code threads} connections
   * (HikariCP when the facade was configured with {@link Configuration#connection}; an
   * application's {@code DataSource} is used as it is). One schema failing does not stop the
   * others; every outcome is in the report, and {@link FanOutReport#throwIfFailed()} turns failures
   * into one error that lists them all. A progress line (done / total, failures, schemas per
   * second) goes to the configured log at most once a second and at the end; the per-revision lines
   * of each schema are not logged. {@link #schemas()} does this for its fan-outs.
   *
   * @param goal the goal's name for the report, for example {@code "upgrade"}
   * @param threads how many schemas run at once, at least 1
   * @param action the work for one schema, for example {@code m -> m.upgrade("head")}; it throws a
   *     {@link MigrateException} for a schema that fails
   * @throws MigrateException ({@link ErrorCode#CONNECTION}) if the pool cannot be started
   */
  public FanOutReport forEachSchema(
      String goal, List<String> schemas, int threads, Function<Migrate, RunResult> action) {
    schemas.forEach(s -> SchemaNames.requireValid(s, "schema"));
    int size = Math.max(1, Math.min(threads, schemas.size()));
    try (PooledConnections pool = PooledConnections.over(connections(), config.settings, size)) {
      return new FanOut(size, config.log)
          .run(
              goal,
              schemas,
              s -> action.apply(new Migrate(config, classes, s, null, pool, graph, line -> {})),
              s -> new Migrate(config, classes, s, null, pool, graph, line -> {}).current());
    }
  }

  // ------------------------------------------------------------------------------------------- run
  // revisions

  /**
   * Applies revisions up to {@code target} ({@code head}, {@code +N}, a full or partial id; see
   * {@link RevisionGraph#resolve}).
   *
   * @throws MigrateException see {@link Runner#upgrade}
   */
  public RunResult upgrade(String target) {
    return advised(() -> runner().upgrade(target));
  }

  /**
   * Reverts revisions down to {@code target} ({@code -1}, {@code base}, a full or partial id),
   * refusing when the downgrade would drop columns or tables that hold values ({@link
   * DowngradeMode#KEEP_VALUES}).
   *
   * @throws MigrateException see {@link Runner#downgrade(String, boolean)}
   */
  public RunResult downgrade(String target) {
    return downgrade(target, DowngradeMode.KEEP_VALUES);
  }

  /**
   * Reverts revisions down to {@code target}. Before anything runs, the applied revisions are
   * validated as for {@link #upgrade}, and each column and table the downgrade drops is counted
   * (rows holding values); {@code mode} says whether values may be dropped.
   *
   * @throws MigrateException {@link ErrorCode#DOWNGRADE_LOSES_DATA} naming each object and its
   *     rows, with {@link DowngradeMode#KEEP_VALUES}, when the downgrade would drop values (nothing
   *     is run); {@link ErrorCode#REVISION_EDITED} as {@link #upgrade}; otherwise see {@link
   *     Runner#downgrade(String, boolean)}
   */
  public RunResult downgrade(String target, DowngradeMode mode) {
    return advised(() -> runner().downgrade(target, mode == DowngradeMode.DROP_VALUES));
  }

  /**
   * Accepts, on purpose and on record, edits to applied revisions (Flyway's {@code repair}): for
   * each applied revision whose upgrade ops no longer match the checksum recorded in {@code
   * migrate_history} (or only {@code revision}), a history row with direction {@code repair} and
   * the new checksum is appended; the earlier rows stay. Runs no migration.
   *
   * @param revision the revision to repair (a full or partial id), or {@code null} for every edited
   *     one
   * @throws MigrateException see {@link Runner#repair}
   */
  public RepairResult repair(String revision) {
    return advised(() -> runner().repair(revision));
  }

  /**
   * Sets the version table to {@code target} without running migrations (Alembic's {@code stamp}).
   *
   * @see Runner#stamp
   */
  public RunResult stamp(String target, StampMode mode) {
    return advised(() -> runner().stamp(target, mode == StampMode.PURGE));
  }

  /**
   * Drops this facade's schema with everything in it, creates it again and upgrades it to head (the
   * seed workflow's {@code migrate.py reset}), holding the schema's lock while it drops and
   * creates.
   *
   * @throws MigrateException {@link ErrorCode#SCHEMA_NOT_EMPTY} naming the row count per table when
   *     the schema holds rows and {@code mode} is {@link ResetMode#KEEP_ROWS} (nothing is dropped);
   *     otherwise as {@link #upgrade}
   */
  public RunResult reset(ResetMode mode) {
    return advised(() -> runner().reset(mode == ResetMode.DROP_ROWS));
  }

  /**
   * The SQL script of an upgrade, without running it (Alembic's {@code upgrade --sql}).
   *
   * @param range {@code from:to}, or {@code to} alone to start from the revisions the database is
   *     at; {@code from} may be {@code base}. With {@code from}, no connection is opened.
   * @throws MigrateException ({@link ErrorCode#TARGET}) for an unknown or backward range, {@link
   *     ErrorCode#CONFIGURATION} when {@code from} is missing and no database is configured
   */
  public String upgradeSql(String range) {
    return advised(() -> sql(RevisionRange.parse(range, "head"), Direction.UPGRADE));
  }

  /**
   * The SQL script of a downgrade, without running it. As in Alembic, both ends are required
   * ({@code from:to}), and no connection is opened.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) when an end is missing or cannot be
   *     resolved
   */
  public String downgradeSql(String range) {
    if (range == null || range.indexOf(':') <= 0) {
      throw new MigrateException(
          ErrorCode.TARGET,
          "downgrade -Dmigrate.sql needs both ends, as in Alembic:"
              + " -Dmigrate.revision=<from>:<to>, for example -Dmigrate.revision=head:-1 or -Dmigrate.revision=3f2a9c1d7b04:base (got '"
              + range
              + "').");
    }
    return sql(RevisionRange.parse(range, "head"), Direction.DOWNGRADE);
  }

  private String sql(RevisionRange range, Direction direction) {
    List<String> from =
        range
            .start(graph)
            .orElseGet(
                () -> {
                  if (runner == null) {
                    throw new MigrateException(
                        ErrorCode.CONFIGURATION,
                        "Offline SQL without a start revision reads it from the"
                            + " database, and none is configured: give the start, for example -Dmigrate.revision=base:"
                            + range.to()
                            + ".");
                  }
                  return runner.current();
                });
    return new SqlScript(config.dialect, graph, schema()).render(from, range.to(), direction);
  }

  // ------------------------------------------------------------------------------------------------- inspect

  /** The revision ids the database is at (the version table's rows, sorted; empty at base). */
  public List<String> current() {
    return advised(() -> runner().current());
  }

  /**
   * The revisions, newest first, each marked head; none marked current (the database is not asked).
   */
  public List<HistoryEntry> history() {
    return history("", RevisionMarks.GRAPH_ONLY);
  }

  /**
   * The revisions of a range, newest first (Alembic's {@code history -r lower:upper}).
   *
   * @param range {@code lower:upper}, either side empty for base or the heads, each side a target
   *     ({@link RevisionGraph#resolve}) or {@code current}; {@code ""} or {@code null} for
   *     everything
   * @param marks whether to ask the database which revisions it is at (needed for {@code current})
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the range is malformed or a side cannot
   *     be resolved
   */
  public List<HistoryEntry> history(String range, RevisionMarks marks) {
    return advised(
        () -> {
          List<String> current = marks == RevisionMarks.CURRENT ? runner().current() : List.of();
          Set<String> here = Set.copyOf(current);
          return RevisionRange.history(graph, range, current).stream()
              .map(r -> HistoryEntry.of(graph, r.id(), here.contains(r.id())))
              .toList();
        });
  }

  /**
   * The heads, each with its labels and whether the database is at it (with {@link
   * RevisionMarks#CURRENT}).
   */
  public List<HistoryEntry> heads(RevisionMarks marks) {
    Set<String> here = marks == RevisionMarks.CURRENT ? Set.copyOf(runner().current()) : Set.of();
    return graph.heads().stream().map(id -> HistoryEntry.of(graph, id, here.contains(id))).toList();
  }

  /**
   * The revision a target names, for {@code migrate:show}.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the target names none or several
   *     revisions
   */
  public HistoryEntry show(String target) {
    List<String> ids = advised(() -> graph.resolve(target, List.of()));
    if (ids.size() != 1) {
      throw new MigrateException(
          ErrorCode.TARGET,
          "Target '"
              + target
              + "' names "
              + (ids.isEmpty() ? "base" : String.join(", ", ids))
              + ", not one revision: give one revision id or label.");
    }
    return HistoryEntry.of(graph, ids.get(0), false);
  }

  /** The rows of the history table, oldest first. */
  public List<VersionStore.HistoryRow> appliedHistory() {
    return runner().appliedHistory();
  }

  // ------------------------------------------------------------------------------------- compare
  // and write

  /**
   * Compares {@code model} with the database, which must be at head, and writes a migration class
   * with the ops that take the database to the model (Alembic's {@code revision --autogenerate}).
   *
   * @param model the target model, normally the compiled snapshot's
   * @param message the revision message, as typed by the user
   * @param sourceRoot the source root to write to, for example {@code src/main/java}
   * @param packageName the migrations package, for example {@code com.acme.db.migrations}
   * @throws MigrateException {@link ErrorCode#NOT_AT_HEAD} naming both revisions when the database
   *     is not at head, {@link ErrorCode#CONNECTION} on database errors, {@link ErrorCode#IO} if
   *     the file cannot be written
   */
  public AutogenResult autogenerate(
      Database model, String message, Path sourceRoot, String packageName) {
    return autogenerate(diff(model), message, sourceRoot, packageName, List.of(), List.of());
  }

  /**
   * The ops that take this facade's schema, which must be at head, to {@code model} (Alembic's
   * {@code compare_metadata}); objects of {@code model} placed in this schema count as schema-less,
   * see {@link Database#relativeTo}.
   *
   * @throws MigrateException as {@link #autogenerate(Database, String, Path, String)}, without the
   *     {@code IO} case
   */
  public List<Op> compare(Database model) {
    return diff(model).ops();
  }

  /**
   * As {@link #compare}, with what to review (suspected renames) and what was left alone on purpose
   * (objects this chain did not create, enum values PostgreSQL cannot remove); see {@link
   * Autogenerate#diff}.
   */
  public DiffResult diff(Database model) {
    return advised(() -> new Autogenerate(this).diff(model));
  }

  /**
   * Writes a migration class with {@code ops} on top of the head, as {@link #autogenerate(Database,
   * String, Path, String)} does after comparing, or nothing when {@code ops} is empty.
   *
   * @param ops the upgrade ops, normally from {@link #compare}
   * @param dependsOn revisions of other chains it needs first ({@code @Revision(dependsOn)});
   *     usually empty
   * @param branchLabels labels of the branch it starts ({@code @Revision(branchLabels)}); usually
   *     empty
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} when the graph has several heads,
   *     {@link ErrorCode#IO} if the file cannot be written
   */
  public AutogenResult autogenerate(
      List<Op> ops,
      String message,
      Path sourceRoot,
      String packageName,
      List<String> dependsOn,
      List<String> branchLabels) {
    return autogenerate(
        new DiffResult(ops, List.of(), List.of()),
        message,
        sourceRoot,
        packageName,
        dependsOn,
        branchLabels);
  }

  /**
   * As {@link #autogenerate(List, String, Path, String, List, List)}, with the diff's warnings
   * (suspected renames) written into the class's header and returned as {@link
   * AutogenResult#notes()}, and its infos returned as {@link AutogenResult#infos()}.
   */
  public AutogenResult autogenerate(
      DiffResult diff,
      String message,
      Path sourceRoot,
      String packageName,
      List<String> dependsOn,
      List<String> branchLabels) {
    return new Autogenerate(this)
        .write(diff, message, sourceRoot, packageName, dependsOn, branchLabels);
  }

  /**
   * Adopts an existing database (Flyway's {@code baseline}; Alembic users write such a first
   * revision by hand and {@code stamp} it): writes a first revision whose upgrade creates this
   * facade's schema as it is, introspected (less Migrate's tables and {@link
   * Configuration#excludeTables}), and records the schema as being at it without running it. A
   * normal {@link #autogenerate} then shows what separates the database from the model. See {@link
   * Baseline} for what it refuses and why.
   *
   * @param message the revision message, for example {@code "baseline"}
   * @param sourceRoot the source root to write to, for example {@code src/main/java}
   * @param packageName the migrations package
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} when the chain has revisions already,
   *     {@link ErrorCode#NOT_AT_HEAD} when the schema has a version table already, {@link
   *     ErrorCode#UNSUPPORTED} naming each part of a table the model cannot hold (nothing is
   *     written), {@link ErrorCode#CONFIGURATION} when the schema does not exist or holds nothing,
   *     {@link ErrorCode#CONNECTION} on database errors, {@link ErrorCode#IO} if the file cannot be
   *     written
   */
  public BaselineResult baseline(String message, Path sourceRoot, String packageName) {
    return advised(
        () ->
            baseline(
                RevisionNames.newRevisionId(),
                message,
                sourceRoot,
                packageName,
                List.of(),
                referenced -> List.of()));
  }

  BaselineResult baseline(
      String revisionId,
      String message,
      Path sourceRoot,
      String packageName,
      List<String> branchLabels,
      Function<Set<String>, List<String>> dependsOn) {
    return new Baseline(this)
        .run(revisionId, message, sourceRoot, packageName, branchLabels, dependsOn);
  }

  /**
   * Writes an empty migration class on top of the head, for hand-written changes (Alembic's {@code
   * revision}). Needs no database.
   *
   * @return the file written
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} when the graph has several heads,
   *     {@link ErrorCode#IO} if the file cannot be written
   */
  public Path revision(String message, Path sourceRoot, String packageName) {
    return revision(message, RevisionOptions.DEFAULT, sourceRoot, packageName);
  }

  /**
   * Writes an empty migration class with {@code options}. Needs no database.
   *
   * @return the file written
   * @throws MigrateException {@link ErrorCode#TARGET} if {@code head} cannot be resolved, names a
   *     revision that is not a head without {@code splice}, or a dependency does not exist; {@link
   *     ErrorCode#REVISION_GRAPH} if a label is taken; {@link ErrorCode#IO} if the file cannot be
   *     written
   */
  public Path revision(
      String message, RevisionOptions options, Path sourceRoot, String packageName) {
    return new RevisionFiles(graph, config.clock)
        .revision(message, options, sourceRoot, packageName);
  }

  /**
   * Writes a merge revision that revises {@code revisions} (default: every head), joining their
   * branches into one head (Alembic's {@code merge}). It changes nothing by itself. Needs no
   * database.
   *
   * @param revisions targets naming the revisions to merge (ids, partial ids, {@code
   *     <label>@head}); empty for {@code heads}
   * @return the file written
   * @throws MigrateException {@link ErrorCode#TARGET} if fewer than two revisions are named or one
   *     cannot be resolved; {@link ErrorCode#IO} if the file cannot be written
   */
  public Path merge(String message, List<String> revisions, Path sourceRoot, String packageName) {
    return new RevisionFiles(graph, config.clock)
        .merge(message, revisions, sourceRoot, packageName);
  }

  /**
   * Checks that the migrations reach the model (Alembic's {@code check}, Django's {@code
   * makemigrations --check}), that the graph has one head, and that no revision applied to the
   * database was edited since.
   *
   * @param mode how the migrations become a schema to compare, see {@link CheckMode}
   * @param model the target model, normally the compiled snapshot's
   * @return the problems found; {@link CheckResult#passed()} says whether there were none
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} for {@code replay}/{@code live}
   *     without a database, {@link ErrorCode#NOT_AT_HEAD} for {@code live} on a schema not at head,
   *     {@link ErrorCode#MIGRATION_FAILED} if a revision fails in the throwaway schema, {@link
   *     ErrorCode#CONNECTION} on database errors
   */
  public CheckResult check(CheckMode mode, Database model) {
    return advised(() -> new Check(this).run(mode, model));
  }

  /**
   * The safety lint of the revisions in {@code range} (Atlas's {@code migrate lint}, squawk): each
   * revision's upgrade ops recorded without a database, and their hazards (data loss, table
   * rewrites, locks that block reads or writes, scans under a lock, changes that break the running
   * application) on tables that exist before the revision; raw SQL is read where its shape is known
   * and reported as unchecked otherwise. Needs no database, unless {@code range} names {@code
   * current}.
   *
   * @param range {@code from:to} as {@link #history(String, RevisionMarks)} reads it (either side a
   *     target, empty for base or the heads); {@code null} or blank for every revision
   * @return the findings per revision, oldest first; {@link LintResult#failed} says whether any
   *     reaches a level
   * @throws MigrateException {@link ErrorCode#TARGET} if the range cannot be resolved, {@link
   *     ErrorCode#MIGRATION_FAILED} if a revision's {@code upgrade} throws, {@link
   *     ErrorCode#CONFIGURATION} for an {@code @AcceptedHazards} id no rule has
   */
  public LintResult lint(String range) {
    return advised(() -> new LintRevisions(this).run(range));
  }

  // ---------------------------------------------------------------------------- for the command
  // classes

  /**
   * The value of {@code verb}; a {@link MigrateException} it throws names its next step in the
   * caller's words ({@link Configuration#caller}).
   */
  <T> T advised(Supplier<T> verb) {
    try {
      return verb.get();
    } catch (MigrateException e) {
      throw config.advised(e);
    }
  }

  Configuration config() {
    return config;
  }

  RevisionClasses classes() {
    return classes;
  }

  /**
   * The runner over the configured database.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) when none was configured or several
   *     schemas were selected
   */
  Runner runner() {
    schema();
    requireDatabase();
    return runner;
  }

  private void requireDatabase() {
    if (runner == null) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "No database configured: call dataSource(...) or"
              + " connection(...) before load(); only graph inspection, offline SQL with a start revision and the"
              + " offline check work without one.");
    }
  }

  /** The configured connections; throws as {@link #runner()} when there are none. */
  ConnectionSource connections() {
    requireDatabase();
    return connections;
  }

  /**
   * A facade over the same configuration and connections, running {@code graph} in {@code schema}.
   */
  Migrate chain(String schema, RevisionGraph graph) {
    return new Migrate(config, classes, schema, null, connections, graph, config.log);
  }

  /** The head as a one-element list, empty at base; throws when the graph has several heads. */
  List<String> revises() {
    return graph.head().map(r -> List.of(r.id())).orElse(List.of());
  }

  /**
   * Whether {@link #history(String, RevisionMarks)} and {@link #heads} ask the database which
   * revisions it is at.
   */
  public enum RevisionMarks {
    /** The graph alone; no revision is marked current, no connection is opened. */
    GRAPH_ONLY,
    /** Revisions the database is at are marked {@code (current)}; needs a database. */
    CURRENT
  }

  /** What {@link #stamp} does with version rows it does not replace. */
  public enum StampMode {
    /** Keep them: the stamp moves from the revisions the table names. */
    KEEP,
    /**
     * Delete every row first, also rows naming revisions that do not exist (Alembic's {@code
     * --purge}).
     */
    PURGE
  }

  /**
   * What {@link #downgrade(String, DowngradeMode)} does when it would drop columns or tables that
   * hold values. Maven's {@code migrate:downgrade} refuses unless {@code -Dmigrate.force=true}: a
   * goal does not prompt, so a batch run and an interactive one behave the same.
   */
  public enum DowngradeMode {
    /** Refuse, naming each object and the rows holding values in it; nothing is run. */
    KEEP_VALUES,
    /** Go on and drop them, logging each object and its rows ({@code -Dmigrate.force=true}). */
    DROP_VALUES
  }

  /** What {@link #reset} does with a schema whose tables hold rows. */
  public enum ResetMode {
    /** Refuse, naming the rows per table; nothing is dropped. */
    KEEP_ROWS,
    /** Drop the schema with its rows ({@code -Dmigrate.force}). */
    DROP_ROWS
  }
}
