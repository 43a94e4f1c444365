package dev.migrate;

import dev.migrate.check.CheckResult;
import dev.migrate.check.ModelCheck;
import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.codegen.OpDescriptions;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.ChainObjects;
import dev.migrate.diff.DiffOptions;
import dev.migrate.diff.DiffResult;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.runner.ConnectionSource;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.RunResult;
import dev.migrate.runner.Runner;
import dev.migrate.runtime.Operations;
import dev.migrate.schema.FanOut;
import dev.migrate.schema.FanOutReport;
import dev.migrate.schema.PooledConnections;
import dev.migrate.schema.SchemaNames;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.runner.SqlScript;
import dev.migrate.snapshot.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The entry point: configure once, then call a verb. Every verb returns a result record; the Maven goals are thin
 * wrappers over these, and an application can run its migrations at start-up the same way, without Maven:
 *
 * <pre>{@code
 * Migrate.configure()
 *     .dataSource(dataSource)
 *     .classLoader(getClass().getClassLoader())   // finds the compiled @Revision classes
 *     .load()
 *     .upgrade("head");
 * }</pre>
 */
public final class Migrate {

  private static final Set<String> OWN_TABLES = Set.of(VersionStore.VERSION_TABLE, VersionStore.HISTORY_TABLE);

  private final Configuration config;
  private final String schema;
  private final ConnectionSource connections;
  private final RevisionGraph graph;
  private final Runner runner;

  private Migrate(Configuration config, String schema, ConnectionSource connections, RevisionGraph graph,
      Consumer<String> log) {
    this.config = config;
    this.schema = schema;
    this.connections = connections;
    this.graph = graph;
    this.runner = connections == null ? null
        : new Runner(config.dialect, connections, schema, graph, config.lockTimeout, log);
  }

  /**
   * The runner over the configured database.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) when none was configured
   */
  private Runner runner() {
    if (runner == null) {
      throw new MigrateException(ErrorCode.CONFIGURATION, "No database configured: call dataSource(...) or"
          + " connection(...) before load(); only graph inspection, offline SQL with a start revision and the"
          + " offline check work without one.");
    }
    return runner;
  }

  /** Whether a database was configured. */
  public boolean hasDatabase() {
    return runner != null;
  }

  /** The schema this facade runs the chain in. */
  public String schema() {
    return schema;
  }

  /** The database, for messages ({@link ConnectionSource#describe()}); never a password. */
  public String database() {
    return connections().describe();
  }

  /**
   * The same chain and database, run in {@code schema} instead (a target schema: {@code dev}, {@code tenant-1}).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the name is not valid ({@link SchemaNames})
   */
  public Migrate inSchema(String schema) {
    return new Migrate(config, SchemaNames.requireValid(schema, "schema"), connections, graph, config.log);
  }

  /**
   * The schemas {@code selection} names: names as given, patterns ({@code tenant_*}) expanded over the schemas
   * that exist (see {@link SchemaSelection#resolve}).
   *
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} if a pattern matches nothing or no database is
   *     configured, {@link ErrorCode#CONNECTION} if the catalog cannot be read
   */
  public List<String> schemas(SchemaSelection selection) {
    if (!selection.hasPattern()) {
      return selection.resolve(List.of(), connections().describe());
    }
    try (Connection c = connections().open()) {
      return selection.resolve(config.dialect.versionStore().schemas(c), connections.describe());
    } catch (SQLException e) {
      throw new MigrateException(ErrorCode.CONNECTION, "Cannot list the schemas of " + connections.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code action} once per schema of {@code schemas}, on {@code threads} threads in this JVM, each schema
   * through {@link #inSchema} over one pool of at most {@code threads} connections (HikariCP when the facade was
   * configured with {@link Configuration#connection}; an application's {@code DataSource} is used as it is). One
   * schema failing does not stop the others; every outcome is in the report, and
   * {@link FanOutReport#throwIfFailed()} turns failures into one error that lists them all. A progress line (done /
   * total, failures, schemas per second) goes to the configured log at most once a second and at the end; the
   * per-revision lines of each schema are not logged.
   *
   * @param goal the goal's name for the report, for example {@code "upgrade"}
   * @param threads how many schemas run at once, at least 1
   * @param action the work for one schema, for example {@code m -> m.upgrade("head")}; a goal whose result is not a
   *     run (a live check) returns {@code new RunResult(schema, at, at, List.of(), 0)} and throws a
   *     {@link MigrateException} for a schema that fails
   * @throws MigrateException ({@link ErrorCode#CONNECTION}) if the pool cannot be started
   */
  public FanOutReport forEachSchema(String goal, List<String> schemas, int threads,
      Function<Migrate, RunResult> action) {
    schemas.forEach(s -> SchemaNames.requireValid(s, "schema"));
    int size = Math.max(1, Math.min(threads, schemas.size()));
    try (PooledConnections pool = PooledConnections.over(connections(), config.settings, size)) {
      return new FanOut(size, config.log).run(goal, schemas,
          s -> action.apply(new Migrate(config, s, pool, graph, line -> { })),
          s -> new Migrate(config, s, pool, graph, line -> { }).current());
    }
  }

  /**
   * Drops this facade's schema with everything in it, creates it again and upgrades it to head (the seed workflow's
   * {@code migrate.py reset}), holding the schema's lock while it drops and creates.
   *
   * @param force drop even when the schema's tables hold rows
   * @throws MigrateException {@link ErrorCode#SCHEMA_NOT_EMPTY} naming the row count per table when the schema holds
   *     rows and {@code force} is false (nothing is dropped); otherwise as {@link #upgrade}
   */
  public RunResult reset(boolean force) {
    return runner().reset(force);
  }

  /** A new configuration with the defaults: PostgreSQL, schema {@code public}, lock timeout 60 s, no log. */
  public static Configuration configure() {
    return new Configuration();
  }

  /** The revision graph of the configured migrations. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * Applies revisions up to {@code target} ({@code head}, {@code +N}, a full or partial id; see
   * {@link RevisionGraph#resolve}).
   *
   * @throws MigrateException see {@link Runner#upgrade}
   */
  public RunResult upgrade(String target) {
    return runner().upgrade(target);
  }

  /**
   * Reverts revisions down to {@code target} ({@code -1}, {@code base}, a full or partial id).
   *
   * @throws MigrateException see {@link Runner#downgrade}
   */
  public RunResult downgrade(String target) {
    return runner().downgrade(target);
  }

  /** The revision ids the database is at (the version table's rows, sorted; empty at base). */
  public List<String> current() {
    return runner().current();
  }

  /**
   * The revisions, newest first, each marked head and, when {@code withDatabase}, current.
   *
   * @param withDatabase whether to ask the database which revision it is at
   */
  public List<HistoryEntry> history(boolean withDatabase) {
    return history("", withDatabase);
  }

  /**
   * The revisions of a range, newest first (Alembic's {@code history -r lower:upper}).
   *
   * @param range {@code lower:upper}, either side empty for base or the heads, each side a target
   *     ({@link RevisionGraph#resolve}) or {@code current}; {@code ""} or {@code null} for everything
   * @param withDatabase whether to ask the database which revisions it is at (needed for {@code current})
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the range is malformed or a side cannot be resolved
   */
  public List<HistoryEntry> history(String range, boolean withDatabase) {
    List<String> current = withDatabase ? runner().current() : List.of();
    List<String> lower = List.of();
    List<String> upper = List.of();
    if (range != null && !range.isBlank()) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        throw new MigrateException(ErrorCode.TARGET, "History range '" + range + "' has no colon: use lower:upper,"
            + " for example -Drange=base:head, -Drange=current: or -Drange=:3f2a9c");
      }
      lower = side(range.substring(0, colon), current);
      upper = side(range.substring(colon + 1), current);
      if (range.substring(colon + 1).isBlank()) {
        upper = List.of();
      }
    }
    Set<String> here = Set.copyOf(current);
    List<HistoryEntry> entries = new ArrayList<>();
    for (RevisionInfo r : graph.range(lower, upper)) {
      entries.add(HistoryEntry.of(graph, r.id(), here.contains(r.id())));
    }
    return entries;
  }

  private List<String> side(String text, List<String> current) {
    String t = text.strip();
    if (t.isEmpty()) {
      return List.of();
    }
    return t.equals("current") ? current : graph.resolve(t, current);
  }

  /** The heads, each with its labels and whether the database is at it (when {@code withDatabase}). */
  public List<HistoryEntry> heads(boolean withDatabase) {
    Set<String> here = withDatabase ? Set.copyOf(runner().current()) : Set.of();
    return graph.heads().stream().map(id -> HistoryEntry.of(graph, id, here.contains(id))).toList();
  }

  /**
   * The revision a target names, for {@code migrate:show}.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the target names none or several revisions
   */
  public HistoryEntry show(String target) {
    List<String> ids = graph.resolve(target, List.of());
    if (ids.size() != 1) {
      throw new MigrateException(ErrorCode.TARGET, "Target '" + target + "' names " + (ids.isEmpty() ? "base"
          : String.join(", ", ids)) + ", not one revision: give one revision id or label.");
    }
    return HistoryEntry.of(graph, ids.get(0), false);
  }

  /** The rows of the history table, oldest first. */
  public List<VersionStore.HistoryRow> appliedHistory() {
    return runner().appliedHistory();
  }

  /**
   * Sets the version table to {@code target} without running migrations (Alembic's {@code stamp}).
   *
   * @see Runner#stamp
   */
  public RunResult stamp(String target, boolean purge) {
    return runner().stamp(target, purge);
  }

  /**
   * The SQL script of an upgrade, without running it (Alembic's {@code upgrade --sql}).
   *
   * @param range {@code from:to}, or {@code to} alone to start from the revisions the database is at; {@code from}
   *     may be {@code base}. With {@code from}, no connection is opened.
   * @throws MigrateException ({@link ErrorCode#TARGET}) for an unknown or backward range,
   *     {@link ErrorCode#CONFIGURATION} when {@code from} is missing and no database is configured
   */
  public String upgradeSql(String range) {
    return sql(range, true);
  }

  /**
   * The SQL script of a downgrade, without running it. As in Alembic, both ends are required ({@code from:to}), and
   * no connection is opened.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) when an end is missing or cannot be resolved
   */
  public String downgradeSql(String range) {
    if (range == null || range.indexOf(':') <= 0) {
      throw new MigrateException(ErrorCode.TARGET, "downgrade -Dsql needs both ends, as in Alembic:"
          + " -Drevision=<from>:<to>, for example -Drevision=head:-1 or -Drevision=3f2a9c1d7b04:base (got '"
          + range + "').");
    }
    return sql(range, false);
  }

  private String sql(String range, boolean up) {
    String r = range == null || range.isBlank() ? "head" : range.strip();
    int colon = r.indexOf(':');
    List<String> from;
    String target;
    if (colon >= 0) {
      from = graph.resolve(r.substring(0, colon), List.of());
      target = r.substring(colon + 1);
    } else {
      if (runner == null) {
        throw new MigrateException(ErrorCode.CONFIGURATION, "Offline SQL without a start revision reads it from the"
            + " database, and none is configured: give the start, for example -Drevision=base:" + r + ".");
      }
      from = runner.current();
      target = r;
    }
    return new SqlScript(config.dialect, graph, schema).render(from, target, up);
  }

  /**
   * Compares {@code model} with the database, which must be at head, and writes a migration class with the ops
   * that take the database to the model (Alembic's {@code revision --autogenerate}).
   *
   * @param model the target model, normally the compiled snapshot's
   * @param message the revision message, as typed by the user
   * @param sourceRoot the source root to write to, for example {@code src/main/java}
   * @param packageName the migrations package, for example {@code com.acme.db.migrations}
   * @throws MigrateException {@link ErrorCode#NOT_AT_HEAD} naming both revisions when the database is not at head,
   *     {@link ErrorCode#CONNECTION} on database errors, {@link ErrorCode#IO} if the file cannot be written
   */
  public AutogenResult autogenerate(Database model, String message, Path sourceRoot, String packageName) {
    return autogenerate(diff(model), message, sourceRoot, packageName, List.of(), List.of());
  }

  /**
   * The ops that take this facade's schema, which must be at head, to {@code model} (Alembic's
   * {@code compare_metadata}); objects of {@code model} placed in this schema count as schema-less, see
   * {@link Database#relativeTo}.
   *
   * @throws MigrateException as {@link #autogenerate(Database, String, Path, String)}, without the {@code IO} case
   */
  public List<Op> compare(Database model) {
    return diff(model).ops();
  }

  /**
   * As {@link #compare}, with what to review (suspected renames) and what was left alone on purpose (objects this
   * chain did not create, enum values PostgreSQL cannot remove); see {@link SchemaDiff#compare}.
   */
  public DiffResult diff(Database model) {
    List<String> head = revises();   // refuses several heads: merge first
    Database target = model.relativeTo(schema);
    Database current;
    Set<String> existingSchemas;
    try (Connection c = connections().open()) {
      VersionStore store = config.dialect.versionStore();
      boolean exists = store.schemaExists(c, schema);
      List<String> heads = List.of();
      if (exists) {
        store.useSchema(c, schema, false);
        heads = store.heads(c);
      }
      if (!heads.equals(head)) {
        throw new MigrateException(ErrorCode.NOT_AT_HEAD, "Target database is not up to date: schema "
            + schema + " of " + connections.describe() + " is at "
            + (heads.isEmpty() ? "base" : String.join(", ", heads)) + ", but the head of the migrations is "
            + (head.isEmpty() ? "base (there are no migrations)" : head.get(0))
            + ".\nRun `mvn migrate:upgrade` first, then `mvn migrate:autogen` again.");
      }
      current = exists ? config.dialect.introspect(c, schema, OWN_TABLES) : Database.empty();
      target = config.dialect.alignStoredExpressions(c, schema, current, target);
      existingSchemas = new java.util.HashSet<>();
      for (String schema : schemasOf(model)) {
        if (store.schemaExists(c, schema)) {
          existingSchemas.add(schema);
        }
      }
    } catch (SQLException e) {
      throw new MigrateException(ErrorCode.CONNECTION, "Cannot read schema " + schema + " of "
          + connections.describe() + ": " + e.getMessage(), e);
    }
    DiffOptions options = DiffOptions.defaults()
        .withExistingSchemas(existingSchemas)
        .withExcludeTables(config.excludeTables)
        .withOwned(ChainObjects.of(chainUpgradeOps(), schema));
    return new SchemaDiff(config.dialect).compare(current, target, options);
  }

  /**
   * Writes a migration class with {@code ops} on top of the head, as {@link #autogenerate(Database, String, Path,
   * String)} does after comparing, or nothing when {@code ops} is empty.
   *
   * @param ops the upgrade ops, normally from {@link #compare}
   * @param dependsOn revisions of other chains it needs first ({@code @Revision(dependsOn)}); usually empty
   * @param branchLabels labels of the branch it starts ({@code @Revision(branchLabels)}); usually empty
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} when the graph has several heads,
   *     {@link ErrorCode#IO} if the file cannot be written
   */
  public AutogenResult autogenerate(List<Op> ops, String message, Path sourceRoot, String packageName,
      List<String> dependsOn, List<String> branchLabels) {
    return autogenerate(new DiffResult(ops, List.of(), List.of()), message, sourceRoot, packageName, dependsOn,
        branchLabels);
  }

  /**
   * As {@link #autogenerate(List, String, Path, String, List, List)}, with the diff's warnings (suspected renames)
   * written into the class's header and returned as {@link AutogenResult#notes()}, and its infos returned as
   * {@link AutogenResult#infos()}.
   */
  public AutogenResult autogenerate(DiffResult diff, String message, Path sourceRoot, String packageName,
      List<String> dependsOn, List<String> branchLabels) {
    List<Op> ops = diff.ops();
    List<String> head = revises();
    List<String> detected = ops.stream().map(OpDescriptions::describe).toList();
    List<String> warnings = ops.stream().map(OpDescriptions::destructiveWarning).flatMap(Optional::stream).toList();
    if (ops.isEmpty()) {
      return new AutogenResult(Optional.empty(), null, ops, detected, warnings, diff.warnings(), diff.infos());
    }
    String id = RevisionNames.newRevisionId();
    MigrationSpec spec = MigrationSpec.autogen(packageName, RevisionNames.className(message, now()), id,
        head, message, ops, diff.warnings()).withBranch(branchLabels, dependsOn);
    return new AutogenResult(Optional.of(write(spec, sourceRoot)), id, ops, detected, warnings, diff.warnings(),
        diff.infos());
  }

  /** The schemas named by the model's objects, other than the target schema. */
  private Set<String> schemasOf(Database model) {
    Set<String> schemas = new java.util.TreeSet<>();
    model.tables().forEach(t -> schemas.add(Objects.requireNonNullElse(t.schema(), schema)));
    model.sequences().forEach(s -> schemas.add(Objects.requireNonNullElse(s.schema(), schema)));
    model.enumTypes().forEach(e -> schemas.add(Objects.requireNonNullElse(e.schema(), schema)));
    schemas.remove(schema);
    return schemas;
  }

  /**
   * Every revision's upgrade ops, parents before children, recorded without a database: what the chain has
   * created, so that autogenerate drops only what it owns.
   */
  private List<Op> chainUpgradeOps() {
    List<Op> ops = new ArrayList<>();
    for (RevisionInfo revision : graph.revisions()) {
      try {
        revision.newMigration().upgrade(new Operations(ops::add));
      } catch (RuntimeException e) {
        throw new MigrateException(ErrorCode.MIGRATION_FAILED, "Revision " + revision.id() + " ("
            + revision.type().getName() + ") threw in upgrade() while autogen read what the chain creates: " + e
            + ". Fix the migration class.", e);
      }
    }
    return ops;
  }

  /**
   * Writes an empty migration class on top of the head, for hand-written changes (Alembic's {@code revision}).
   * Needs no database.
   *
   * @return the file written
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} when the graph has several heads,
   *     {@link ErrorCode#IO} if the file cannot be written
   */
  public Path revision(String message, Path sourceRoot, String packageName) {
    return revision(message, RevisionOptions.DEFAULT, sourceRoot, packageName);
  }

  /**
   * Options of {@code migrate:revision}, as Alembic's {@code revision --head --splice --branch-label --depends-on}.
   *
   * @param head what the new revision revises: {@code head} (the one head), {@code base} (a new base, usually with
   *     a branch label), or any target naming revisions ({@code <label>@head}, an id)
   * @param splice allow {@code head} to name a revision that is not a head, starting a new branch from it
   * @param branchLabels labels the new revision declares
   * @param dependsOn revisions (ids, partial ids, labels) it depends on
   */
  public record RevisionOptions(String head, boolean splice, List<String> branchLabels, List<String> dependsOn) {

    /** {@code head}, no splice, no labels, no dependencies. */
    public static final RevisionOptions DEFAULT = new RevisionOptions("head", false, List.of(), List.of());

    public RevisionOptions {
      head = head == null || head.isBlank() ? "head" : head.strip();
      branchLabels = List.copyOf(branchLabels);
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /**
   * Writes an empty migration class with {@code options}. Needs no database.
   *
   * @return the file written
   * @throws MigrateException {@link ErrorCode#TARGET} if {@code head} cannot be resolved, names a revision that is
   *     not a head without {@code splice}, or a dependency does not exist; {@link ErrorCode#REVISION_GRAPH} if a
   *     label is taken; {@link ErrorCode#IO} if the file cannot be written
   */
  public Path revision(String message, RevisionOptions options, Path sourceRoot, String packageName) {
    List<String> revises = options.head().equals("head") ? revises() : graph.resolve(options.head(), List.of());
    for (String id : revises) {
      if (!graph.children(id).isEmpty() && !options.splice()) {
        throw new MigrateException(ErrorCode.TARGET, "Revision " + id + " is not a head revision (it is revised by "
            + String.join(", ", graph.children(id)) + "); add -Dsplice to start a new branch from it.");
      }
    }
    List<String> dependsOn = new ArrayList<>();
    for (String d : options.dependsOn()) {
      dependsOn.add(graph.find(d).id());
    }
    for (String label : options.branchLabels()) {
      if (graph.branchesByLabel().containsKey(label)) {
        throw new MigrateException(ErrorCode.REVISION_GRAPH, "Branch label '" + label + "' is declared already, by "
            + graph.find(label).id() + " (" + graph.find(label).sourceFile() + "). Choose another label.");
      }
    }
    MigrationSpec spec = MigrationSpec.empty(packageName, RevisionNames.className(message, now()),
        RevisionNames.newRevisionId(), revises, message).withBranch(options.branchLabels(), dependsOn);
    return write(spec, sourceRoot);
  }

  /**
   * Writes a merge revision that revises {@code revisions} (default: every head), joining their branches into one
   * head (Alembic's {@code merge}). It changes nothing by itself. Needs no database.
   *
   * @param revisions targets naming the revisions to merge (ids, partial ids, {@code <label>@head}); empty for
   *     {@code heads}
   * @return the file written
   * @throws MigrateException {@link ErrorCode#TARGET} if fewer than two revisions are named or one cannot be
   *     resolved; {@link ErrorCode#IO} if the file cannot be written
   */
  public Path merge(String message, List<String> revisions, Path sourceRoot, String packageName) {
    List<String> ids = new ArrayList<>();
    for (String target : revisions.isEmpty() ? List.of("heads") : revisions) {
      for (String id : graph.resolve(target, List.of())) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    if (ids.size() < 2) {
      throw new MigrateException(ErrorCode.TARGET, "Nothing to merge: " + (ids.isEmpty() ? "there are no revisions"
          : "only " + ids.get(0) + " is named") + ". A merge joins two or more heads"
          + (graph.heads().size() > 1 ? " (heads: " + String.join(", ", graph.heads()) + ")" : "") + ".");
    }
    MigrationSpec spec = MigrationSpec.empty(packageName, RevisionNames.className(message, now()),
        RevisionNames.newRevisionId(), graph.sorted(ids), message);
    return write(spec, sourceRoot);
  }

  /**
   * Checks that the migrations reach the model (Alembic's {@code check}, Django's {@code makemigrations --check}),
   * that the graph has one head, and that no revision applied to the database was edited since.
   *
   * @param mode {@code offline} (replay the ops into an in-memory model; no database), {@code replay} (apply every
   *     revision in a throwaway schema of the configured database, compare, drop it) or {@code live} (compare the
   *     configured schema, which must be at head)
   * @param model the target model, normally the compiled snapshot's
   * @return the problems found; {@link CheckResult#passed()} says whether there were none
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} for an unknown mode or {@code replay}/{@code live}
   *     without a database, {@link ErrorCode#MIGRATION_FAILED} if a revision fails in the throwaway schema,
   *     {@link ErrorCode#CONNECTION} on database errors
   */
  public CheckResult check(String mode, Database model) {
    Database target = model.relativeTo(schema);
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    ModelCheck.heads(graph).ifPresent(problems::add);
    ModelCheck check = new ModelCheck(config.dialect);
    List<String> differences;
    switch (mode) {
      case "offline": {
        ModelCheck.Replayed replayed = ModelCheck.replay(graph, target);
        problems.addAll(replayed.problems());
        notes.addAll(replayed.notes());
        differences = check.differences(replayed.database(), target, replayed.unknownTables(), notes);
        break;
      }
      case "replay":
        Introspected replayed = replayInThrowawaySchema(target);
        differences = check.differences(replayed.database(), replayed.model(), Map.of(), notes);
        problems.addAll(drift());
        break;
      case "live": {
        List<String> heads = runner().current();
        if (problems.isEmpty() && !heads.equals(revises())) {
          throw new MigrateException(ErrorCode.NOT_AT_HEAD, "The live check needs schema " + schema + " of "
              + connections.describe() + " at head " + String.join(", ", revises()) + ", but it is at "
              + (heads.isEmpty() ? "base" : String.join(", ", heads)) + ". Run `mvn migrate:upgrade` first, or use"
              + " -Dmigrate.check=replay, which needs no particular state.");
        }
        Introspected live = introspect(schema, target);
        differences = check.differences(live.database(), live.model(), Map.of(), notes);
        problems.addAll(drift());
        break;
      }
      default:
        throw new MigrateException(ErrorCode.CONFIGURATION, "Unknown check mode '" + mode + "': use"
            + " -Dmigrate.check=replay (default with a database), live or offline.");
    }
    problems.addAll(differences);
    return new CheckResult(mode, problems, notes, differences.isEmpty() ? null : CheckResult.AUTOGEN_FIX);
  }

  private List<String> drift() {
    List<String> heads = runner().current();
    return ModelCheck.drift(graph, heads, runner().appliedHistory(), schema);
  }

  /**
   * Applies every head in a new schema of the configured database, reads it back (with {@code model} aligned to
   * it, see {@link #introspect(String, Database)}), drops it.
   */
  private Introspected replayInThrowawaySchema(Database model) {
    String scratch = "migrate_check_" + RevisionNames.newRevisionId();
    Runner scratchRunner = new Runner(config.dialect, connections(), scratch, graph, config.lockTimeout,
        line -> { });
    try {
      if (!graph.isEmpty()) {
        scratchRunner.upgrade("heads");
      }
      return introspect(scratch, model);
    } finally {
      try (Connection c = connections().open()) {
        config.dialect.versionStore().dropSchema(c, scratch);
      } catch (SQLException e) {
        config.log.accept("Could not drop the check's scratch schema " + scratch + ": " + e.getMessage()
            + "; drop it by hand");
      }
    }
  }

  /** A schema as read, and the model with the expressions the database stores alike in the catalog's text. */
  private record Introspected(Database database, Database model) {}

  /**
   * Reads {@code schema} and aligns {@code model}'s check expressions and defaults with it on the same connection,
   * with {@code schema} on the search path as for autogenerate ({@link Dialect#alignStoredExpressions}).
   */
  private Introspected introspect(String schema, Database model) {
    try (Connection c = connections().open()) {
      VersionStore store = config.dialect.versionStore();
      if (!store.schemaExists(c, schema)) {
        return new Introspected(Database.empty(), model);
      }
      store.useSchema(c, schema, false);
      Database database = config.dialect.introspect(c, schema, OWN_TABLES);
      return new Introspected(database, config.dialect.alignStoredExpressions(c, schema, database, model));
    } catch (SQLException e) {
      throw new MigrateException(ErrorCode.CONNECTION, "Cannot read schema " + schema + " of "
          + connections.describe() + ": " + e.getMessage(), e);
    }
  }

  private ConnectionSource connections() {
    runner();
    return connections;
  }

  private List<String> revises() {
    return graph.head().map(r -> List.of(r.id())).orElse(List.of());
  }

  private LocalDateTime now() {
    return LocalDateTime.now(config.clock);
  }

  private static Path write(MigrationSpec spec, Path sourceRoot) {
    try {
      return new MigrationWriter().write(spec, sourceRoot);
    } catch (IOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot write migration " + spec.className() + " under "
          + sourceRoot + ": " + e.getMessage(), e);
    }
  }

  /** Settings of a {@link Migrate}; every method returns this configuration. */
  public static final class Configuration {

    private Dialect dialect = new PostgresDialect();
    private ConnectionSource connections;
    private ConnectionSettings settings;
    private String schema = "public";
    private String migrationsPackage;
    private final List<Class<?>> migrations = new ArrayList<>();
    private final List<ClassLoader> classLoaders = new ArrayList<>();
    private Duration lockTimeout = Duration.ofSeconds(60);
    private Consumer<String> log = line -> { };
    private Clock clock = Clock.systemDefaultZone();
    private List<String> excludeTables = List.of();

    private Configuration() {}

    /** The database, through an application's {@code DataSource} (a pool, Spring's, ...). */
    public Configuration dataSource(DataSource dataSource) {
      Objects.requireNonNull(dataSource, "dataSource");
      this.connections = new ConnectionSource() {
        @Override
        public Connection open() throws SQLException {
          return dataSource.getConnection();
        }

        @Override
        public String describe() {
          return "the configured DataSource";
        }
      };
      this.settings = null;
      return this;
    }

    /** The database, by URL and credentials; the JDBC driver must be on the class path. */
    public Configuration connection(ConnectionSettings settings) {
      this.connections = new DriverConnections(settings);
      this.settings = settings;
      return this;
    }

    /**
     * The schema the chain runs in: its objects, version table and history table. Default {@code public}. Checked
     * by {@link #load()} against {@link SchemaNames}; names that need quoting ({@code tenant-1}, {@code Prod},
     * {@code user}) are fine.
     */
    public Configuration schema(String schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * Glob patterns ({@code *}, {@code ?}) of tables that autogenerate leaves out of the comparison entirely, on
     * both the model's and the database's side, for example {@code tmp_*} or {@code audit.*}; a pattern matches a
     * table's name or its {@code schema.name}. Default none.
     */
    public Configuration excludeTables(List<String> patterns) {
      this.excludeTables = List.copyOf(patterns);
      return this;
    }

    /**
     * Limits the chain to the migration classes declared in exactly this package (not its sub-packages), for
     * example {@code com.acme.db.migrations.user} for the schema group {@code user}. Default: every class found.
     */
    public Configuration migrationsPackage(String migrationsPackage) {
      this.migrationsPackage = Objects.requireNonNull(migrationsPackage, "migrationsPackage");
      return this;
    }

    /** The dialect; default PostgreSQL. */
    public Configuration dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /** Migration classes, each annotated with {@code @Revision}. */
    public Configuration migrations(List<? extends Class<?>> classes) {
      migrations.addAll(classes);
      return this;
    }

    /**
     * Finds the migration classes listed in every {@code META-INF/migrate/revisions} resource that
     * {@code classLoader} sees (written by the model processor), and loads them with it.
     */
    public Configuration classLoader(ClassLoader classLoader) {
      classLoaders.add(Objects.requireNonNull(classLoader, "classLoader"));
      return this;
    }

    /** How long to wait for another run's lock on the same schema; default 60 seconds. */
    public Configuration lockTimeout(Duration lockTimeout) {
      this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
      return this;
    }

    /** Receives one line per revision run ("Running upgrade a -> b, message"). */
    public Configuration log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** The clock that names new migration classes; default the system clock in the default time zone. */
    public Configuration clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads the migrations and checks their graph.
     *
     * <p>Without a database ({@link #dataSource} or {@link #connection}) only graph inspection, offline SQL with
     * a start revision, new revision files and the offline check work; the other verbs throw
     * {@link ErrorCode#CONFIGURATION}.
     *
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} if the schema name is not valid,
     *     {@link ErrorCode#REVISION_GRAPH} if the revisions do not form a valid graph or a listed class is missing
     */
    public Migrate load() {
      SchemaNames.requireValid(schema, "schema");
      Set<Class<?>> classes = new LinkedHashSet<>(migrations);
      for (ClassLoader loader : classLoaders) {
        classes.addAll(listedRevisions(loader));
      }
      List<RevisionInfo> revisions;
      if (migrationsPackage == null) {
        revisions = classes.stream().map(RevisionInfo::of).toList();
      } else {
        classes.removeIf(c -> !c.getPackageName().equals(migrationsPackage));
        revisions = withinChain(classes.stream().map(RevisionInfo::of).toList());
      }
      return new Migrate(this, schema, connections, RevisionGraph.of(revisions), log);
    }

    /**
     * {@code revisions} keeping only the dependencies ({@code dependsOn}) that name one of them (an id, an id prefix
     * or a branch label): a chain limited to one package (a schema group) depends on other groups' revisions,
     * which {@link dev.migrate.schema.GroupChains} applies and checks, not this chain's graph.
     */
    private static List<RevisionInfo> withinChain(List<RevisionInfo> revisions) {
      return revisions.stream()
          .map(r -> new RevisionInfo(r.id(), r.revises(), r.message(), r.type(),
              r.dependsOn().stream()
                  .filter(d -> revisions.stream().anyMatch(o -> o.id().startsWith(d) || o.branchLabels().contains(d)))
                  .toList(),
              r.branchLabels()))
          .toList();
    }

    private static List<Class<?>> listedRevisions(ClassLoader loader) {
      List<Class<?>> classes = new ArrayList<>();
      try {
        Enumeration<URL> resources = loader.getResources(Snapshot.REVISIONS_RESOURCE);
        while (resources.hasMoreElements()) {
          URL url = resources.nextElement();
          try (BufferedReader reader = new BufferedReader(
              new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
              String name = line.strip();
              if (name.isEmpty()) {
                continue;
              }
              try {
                classes.add(Class.forName(name, false, loader));
              } catch (ClassNotFoundException e) {
                throw new MigrateException(ErrorCode.REVISION_GRAPH, url + " lists the migration class " + name
                    + ", which does not exist. Rebuild with `mvn clean compile`.", e);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new MigrateException(ErrorCode.IO, "Cannot read " + Snapshot.REVISIONS_RESOURCE + ": "
            + e.getMessage(), e);
      }
      return classes;
    }
  }

  /** Connections from a JDBC driver found with {@link ServiceLoader} next to Migrate. */
  private static final class DriverConnections implements ConnectionSource {

    private final ConnectionSettings settings;

    DriverConnections(ConnectionSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Connection open() throws SQLException {
      Properties properties = new Properties();
      if (settings.user() != null) {
        properties.setProperty("user", settings.user());
      }
      if (settings.password() != null) {
        properties.setProperty("password", settings.password());
      }
      for (Driver driver : ServiceLoader.load(Driver.class, Migrate.class.getClassLoader())) {
        if (driver.acceptsURL(settings.url())) {
          try {
            return driver.connect(settings.url(), properties);
          } catch (SQLException e) {
            throw new MigrateException(ErrorCode.CONNECTION, "Cannot connect to " + describe() + ": "
                + e.getMessage() + "\nCheck that the database is running and the URL, user and password are right.",
                e);
          }
        }
      }
      throw new MigrateException(ErrorCode.CONFIGURATION, "No JDBC driver accepts " + describe()
          + ". Add org.postgresql:postgresql to the class path.");
    }

    @Override
    public String describe() {
      return settings.describe();
    }
  }
}
