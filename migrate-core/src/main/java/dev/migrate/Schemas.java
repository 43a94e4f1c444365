package dev.migrate;

import dev.migrate.Migrate.DowngradeMode;
import dev.migrate.Migrate.ResetMode;
import dev.migrate.Migrate.RevisionMarks;
import dev.migrate.Migrate.StampMode;
import dev.migrate.Results.Layout;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.model.Database;
import dev.migrate.runner.RepairResult;
import dev.migrate.runner.RunResult;
import dev.migrate.schema.FanOut;
import dev.migrate.schema.FanOutReport;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The verbs of {@link Migrate} over every schema the configuration selected, from {@link
 * Migrate#schemas()}: the decision "one schema, schema groups or a fan-out" is made here, once, for
 * Maven goals and applications alike.
 *
 * <ul>
 *   <li>{@link Layout#SCHEMA}: the chain in one schema ({@link Configuration#schema}, default
 *       {@code public}).
 *   <li>{@link Layout#GROUPS}: the selected schema groups ({@link Configuration#schemaGroups}),
 *       each its own chain; upgrade applies revisions of other groups that a revision depends on
 *       first, downgrade refuses to revert what another group still needs.
 *   <li>{@link Layout#FAN_OUT}: one chain over a list or pattern of target schemas, in parallel
 *       ({@link Configuration#threads}); a header, progress lines and the summary table go to the
 *       configured log, one schema failing does not stop the others, and the verb then throws one
 *       {@link dev.migrate.schema.FanOutFailedException} naming each failed schema, with every
 *       schema's outcome.
 * </ul>
 *
 * Verbs that make no sense over several target schemas (offline SQL, autogenerate, revision,
 * history) throw {@link ErrorCode#CONFIGURATION} for a fan-out, asking for one schema.
 */
public final class Schemas {

  private final Migrate root;
  private final Configuration config;

  Schemas(Migrate root) {
    this.root = root;
    this.config = root.config();
  }

  /** Which of the three shapes the verbs take. */
  public Layout layout() {
    if (!config.groups.isEmpty()) {
      return Layout.GROUPS;
    }
    return config.selection != null && !config.selection.isSingle()
        ? Layout.FAN_OUT
        : Layout.SCHEMA;
  }

  /**
   * Applies revisions up to {@code target} in every selected schema.
   *
   * @return one {@link RunResult} per schema; for groups, one per group run, dependencies included,
   *     in run order
   * @throws MigrateException as {@link Migrate#upgrade}; for a fan-out, one error naming each
   *     failed schema after all ran
   */
  public Results<RunResult> upgrade(String target) {
    return root.advised(
        () ->
            switch (layout()) {
              case SCHEMA -> one("upgrade", root.upgrade(target));
              case GROUPS -> runs("upgrade", groupChains().upgrade(selectedGroups(), target));
              case FAN_OUT -> fanOut("upgrade", m -> m.upgrade(target), (m, r) -> r);
            });
  }

  /**
   * Reverts revisions down to {@code target} in every selected schema; for groups, groups that
   * depend on others first.
   *
   * @throws MigrateException as {@link Migrate#downgrade}, and ({@link ErrorCode#TARGET}) when an
   *     applied revision of another group depends on a revision this would revert; for a fan-out,
   *     one error naming each failed schema
   */
  public Results<RunResult> downgrade(String target) {
    return downgrade(target, DowngradeMode.KEEP_VALUES);
  }

  /**
   * Reverts revisions down to {@code target} in every selected schema, with {@code mode} for
   * columns and tables holding values (see {@link Migrate#downgrade(String, DowngradeMode)}); for
   * groups, groups that depend on others first.
   *
   * @throws MigrateException as {@link #downgrade(String)}
   */
  public Results<RunResult> downgrade(String target, DowngradeMode mode) {
    return root.advised(
        () ->
            switch (layout()) {
              case SCHEMA -> one("downgrade", root.downgrade(target, mode));
              case GROUPS ->
                  runs("downgrade", groupChains().downgrade(selectedGroups(), target, mode));
              case FAN_OUT -> fanOut("downgrade", m -> m.downgrade(target, mode), (m, r) -> r);
            });
  }

  /**
   * Accepts edits to applied revisions in every selected schema (see {@link Migrate#repair}).
   *
   * @param revision the revision to repair, or {@code null} for every edited one
   * @throws MigrateException as {@link Migrate#repair}; for a fan-out, one error naming each failed
   *     schema
   */
  public Results<RepairResult> repair(String revision) {
    return switch (layout()) {
      case SCHEMA -> one("repair", root.repair(revision));
      case GROUPS -> {
        GroupChains chains = groupChains();
        List<Outcome<RepairResult>> outcomes = new ArrayList<>();
        for (SchemaGroup group : selectedGroups()) {
          Migrate chain = chains.chain(group);
          if (revision == null || names(chain, revision)) {
            outcomes.add(new Outcome<>(group.schema(), Optional.of(group), chain.repair(revision)));
          }
        }
        if (outcomes.isEmpty()) {
          throw new MigrateException(
              ErrorCode.TARGET,
              "repair -Dmigrate.revision="
                  + revision
                  + " names no revision of the schema groups "
                  + selectedGroups()
                  + ". Name one applied revision (`mvn migrate:history` lists them), or leave"
                  + " -Dmigrate.revision out to repair every edited one.");
        }
        yield new Results<>("repair", Layout.GROUPS, outcomes, List.of());
      }
      case FAN_OUT ->
          fanOut(
              "repair",
              m -> m.repair(revision),
              (m, r) -> {
                List<String> current = m.current();
                return atRevision(m, current.isEmpty() ? null : String.join(", ", current));
              });
    };
  }

  /**
   * Sets the version table of every selected schema to {@code target} without running migrations.
   *
   * @throws MigrateException as {@link Migrate#stamp}; for a fan-out, one error naming each failed
   *     schema
   */
  public Results<RunResult> stamp(String target, StampMode mode) {
    return switch (layout()) {
      case SCHEMA -> one("stamp", root.stamp(target, mode));
      case GROUPS -> {
        GroupChains chains = groupChains();
        List<Outcome<RunResult>> outcomes = new ArrayList<>();
        for (SchemaGroup group : selectedGroups()) {
          outcomes.add(
              new Outcome<>(
                  group.schema(), Optional.of(group), chains.chain(group).stamp(target, mode)));
        }
        yield new Results<>("stamp", Layout.GROUPS, outcomes, List.of());
      }
      case FAN_OUT -> fanOut("stamp", m -> m.stamp(target, mode), (m, r) -> r);
    };
  }

  /**
   * Drops and recreates every selected target schema, then upgrades it to head (see {@link
   * Migrate#reset}).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for schema groups, whose schemas
   *     reference each other, and when no schema was selected explicitly; otherwise as {@link
   *     Migrate#reset}
   */
  public Results<RunResult> reset(ResetMode mode) {
    if (layout() == Layout.GROUPS) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "reset works on target schemas (a model whose entities"
              + " carry no schema); this project has schema groups ("
              + config.groups
              + "), whose schemas reference each"
              + " other. Use `mvn migrate:downgrade -Dmigrate.revision=base` and `mvn migrate:upgrade` instead.");
    }
    if (config.selection == null && config.schema == null) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "-Dmigrate.schema is required, for example: mvn migrate:reset" + " -Dmigrate.schema=dev");
    }
    return layout() == Layout.FAN_OUT
        ? fanOut("reset", m -> m.reset(mode), (m, r) -> r)
        : one("reset", root.reset(mode));
  }

  /** The revisions every selected schema is at, with its chain's heads. */
  public Results<Current> current() {
    return switch (layout()) {
      case SCHEMA -> one("current", Current.of(root.current(), root.graph()));
      case GROUPS -> {
        GroupChains chains = groupChains();
        List<Outcome<Current>> outcomes = new ArrayList<>();
        for (SchemaGroup group : selectedGroups()) {
          Migrate chain = chains.chain(group);
          outcomes.add(
              new Outcome<>(
                  group.schema(), Optional.of(group), Current.of(chain.current(), chain.graph())));
        }
        yield new Results<>("current", Layout.GROUPS, outcomes, List.of());
      }
      case FAN_OUT ->
          fanOut(
              "current",
              m -> Current.of(m.current(), m.graph()),
              (m, c) -> atRevision(m, c.joined(",")));
    };
  }

  /**
   * Checks every selected schema (see {@link Migrate#check}); for groups, each group's part of
   * {@code model} against its chain. A check that finds problems is a result, not an error, except
   * in a fan-out, where a schema that fails the live check fails like a failed run.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for a fan-out with a mode other than
   *     {@link CheckMode#LIVE} (replay and offline do not depend on the schema); otherwise as
   *     {@link Migrate#check}
   */
  public Results<CheckResult> check(CheckMode mode, Database model) {
    return switch (layout()) {
      case SCHEMA -> one("check", root.check(mode, model));
      case GROUPS -> {
        GroupChains chains = groupChains();
        List<Outcome<CheckResult>> outcomes = new ArrayList<>();
        for (SchemaGroup group : selectedGroups()) {
          outcomes.add(
              new Outcome<>(
                  group.schema(),
                  Optional.of(group),
                  chains.chain(group).check(mode, SchemaGroups.part(model, group))));
        }
        yield new Results<>("check", Layout.GROUPS, outcomes, List.of());
      }
      case FAN_OUT -> {
        if (mode != CheckMode.LIVE) {
          throw new MigrateException(
              ErrorCode.CONFIGURATION,
              "-Dmigrate.schema="
                  + config.selection
                  + " checks several"
                  + " schemas, which only the live check does: add -Dmigrate.check=live (replay and offline do not"
                  + " depend on the schema).");
        }
        yield fanOut(
            "check",
            m -> {
              CheckResult result = m.check(CheckMode.LIVE, model);
              if (!result.passed()) {
                throw new MigrateException(ErrorCode.NOT_AT_HEAD, result.report());
              }
              return result;
            },
            (m, r) -> {
              List<String> current = m.current();
              return atRevision(m, current.isEmpty() ? null : String.join(", ", current));
            });
      }
    };
  }

  /**
   * The SQL script of an upgrade (see {@link Migrate#upgradeSql}); for groups, each selected
   * group's script after a {@code -- schema group} comment, one after the other.
   */
  public String upgradeSql(String range) {
    return layout() == Layout.GROUPS
        ? groupScripts(m -> m.upgradeSql(range))
        : root.upgradeSql(range);
  }

  /**
   * The SQL script of a downgrade (see {@link Migrate#downgradeSql}); for groups, as {@link
   * #upgradeSql}.
   */
  public String downgradeSql(String range) {
    return layout() == Layout.GROUPS
        ? groupScripts(m -> m.downgradeSql(range))
        : root.downgradeSql(range);
  }

  /**
   * Compares the model with the schema and writes a migration class (see {@link
   * Migrate#autogenerate(Database, String, Path, String)}); for groups, one revision per selected
   * group that changed, in {@code <migrationsPackage>.<alias>}, a foreign key into another group
   * becoming a dependency.
   *
   * @param migrationsPackage the migrations package; for groups, the root of the groups' packages
   */
  public Results<AutogenResult> autogenerate(
      Database model, String message, Path sourceRoot, String migrationsPackage) {
    if (layout() != Layout.GROUPS) {
      return one("autogen", root.autogenerate(model, message, sourceRoot, migrationsPackage));
    }
    return byGroup(
        "autogen",
        groupChains()
            .autogenerate(model, selectedGroups(), message, sourceRoot, migrationsPackage));
  }

  /**
   * Adopts the selected schema(s) as they are (see {@link Migrate#baseline}): for one schema, its
   * baseline revision; for schema groups, one baseline per selected group in {@code
   * <migrationsPackage>.<alias>}, labelled with the alias, a foreign key into another selected
   * group becoming a dependency on that group's baseline.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for a fan-out: a baseline is written
   *     from one schema (baseline one, then {@code stamp} the others built alike); otherwise as
   *     {@link Migrate#baseline}. Groups are adopted one after the other, each whole or not at all:
   *     when one fails, those before it stay adopted and the error names the one that failed
   */
  public Results<BaselineResult> baseline(
      String message, Path sourceRoot, String migrationsPackage) {
    switch (layout()) {
      case SCHEMA:
        return one("baseline", root.baseline(message, sourceRoot, migrationsPackage));
      case FAN_OUT:
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "-Dmigrate.schema="
                + config.selection
                + " names several schemas, and a baseline is written from one: run `mvn"
                + " migrate:baseline -Dmigrate.schema=<one of them>`, then `mvn migrate:stamp"
                + " -Dmigrate.revision=head -Dmigrate.schema=<the others>` for schemas built the"
                + " same way.");
      default:
        break;
    }
    GroupChains chains = groupChains();
    List<SchemaGroup> groups = selectedGroups();
    Map<String, String> ids = new java.util.HashMap<>();
    groups.forEach(g -> ids.put(g.schema(), RevisionNames.newRevisionId()));
    List<Outcome<BaselineResult>> outcomes = new ArrayList<>();
    for (SchemaGroup group : groups) {
      Migrate chain = chains.chain(group);
      outcomes.add(
          new Outcome<>(
              group.schema(),
              Optional.of(group),
              chain.baseline(
                  ids.get(group.schema()),
                  message,
                  sourceRoot,
                  group.packageName(migrationsPackage),
                  List.of(group.alias()),
                  referenced ->
                      referenced.stream()
                          .filter(s -> ids.containsKey(s) && !s.equals(group.schema()))
                          .map(ids::get)
                          .sorted()
                          .toList())));
    }
    return new Results<>("baseline", Layout.GROUPS, outcomes, List.of());
  }

  /**
   * Writes an empty migration class (see {@link Migrate#revision(String, RevisionOptions, Path,
   * String)}); for groups, one per selected group, a group's first revision labelled with its alias
   * ({@code options} apply to one chain only and are not used).
   */
  public Results<Path> revision(
      String message, RevisionOptions options, Path sourceRoot, String migrationsPackage) {
    if (layout() != Layout.GROUPS) {
      root.schema();
      return one("revision", root.revision(message, options, sourceRoot, migrationsPackage));
    }
    return byGroup(
        "revision",
        groupChains().revision(selectedGroups(), message, sourceRoot, migrationsPackage));
  }

  /**
   * The revisions of {@code range} (see {@link Migrate#history(String, RevisionMarks)}), marked
   * current when a database is configured; for groups, per selected group.
   */
  public Results<History> history(String range, History.Detail detail) {
    if (layout() != Layout.GROUPS) {
      return one("history", history(root, range, detail));
    }
    GroupChains chains = groupChains();
    List<Outcome<History>> outcomes = new ArrayList<>();
    for (SchemaGroup group : selectedGroups()) {
      outcomes.add(
          new Outcome<>(
              group.schema(), Optional.of(group), history(chains.chain(group), range, detail)));
    }
    return new Results<>("history", Layout.GROUPS, outcomes, List.of());
  }

  private static History history(Migrate chain, String range, History.Detail detail) {
    RevisionMarks marks = chain.hasDatabase() ? RevisionMarks.CURRENT : RevisionMarks.GRAPH_ONLY;
    return new History(
        chain.history(range, marks),
        chain.graph().isEmpty(),
        detail == History.Detail.REVISIONS_AND_RUNS && chain.hasDatabase()
            ? chain.appliedHistory()
            : List.of());
  }

  // ----------------------------------------------------------------------------------------------
  // the shapes

  private <T> Results<T> one(String verb, T value) {
    return new Results<>(
        verb,
        Layout.SCHEMA,
        List.of(new Outcome<>(root.schema(), Optional.empty(), value)),
        List.of());
  }

  private Results<RunResult> runs(String verb, List<RunResult> results) {
    return new Results<>(
        verb,
        Layout.GROUPS,
        results.stream()
            .map(r -> new Outcome<>(r.schema(), config.groups.ofSchema(r.schema()), r))
            .toList(),
        List.of());
  }

  private <T> Results<T> byGroup(String verb, Map<SchemaGroup, T> values) {
    List<Outcome<T>> outcomes = new ArrayList<>();
    values.forEach(
        (group, value) -> outcomes.add(new Outcome<>(group.schema(), Optional.of(group), value)));
    return new Results<>(verb, Layout.GROUPS, outcomes, List.of());
  }

  /**
   * The chains of the schema groups, each over its own package and schema, sharing the facade's
   * connections.
   */
  private GroupChains groupChains() {
    return new GroupChains(
        config.groups,
        g -> root.chain(g.schema(), root.classes().graph(g.packageName(config.groupsPackage))),
        config.log);
  }

  /** The groups the selection names; all of them without a selection. */
  private List<SchemaGroup> selectedGroups() {
    if (config.selection != null) {
      return config.groups.select(config.selection);
    }
    return config.schema != null
        ? config.groups.select(new SchemaSelection(List.of(config.schema)))
        : config.groups.all();
  }

  private String groupScripts(Function<Migrate, String> script) {
    GroupChains chains = groupChains();
    StringBuilder all = new StringBuilder();
    for (SchemaGroup group : selectedGroups()) {
      all.append("-- schema group ")
          .append(group)
          .append('\n')
          .append(script.apply(chains.chain(group)));
      if (all.charAt(all.length() - 1) != '\n') {
        all.append('\n');
      }
    }
    return all.toString();
  }

  /**
   * Runs {@code action} in every schema of the selection, in parallel; logs a header, the progress
   * and the summary table; throws naming each failed schema.
   *
   * @param asRun what the summary table shows for a schema: the run, or where the schema is
   */
  private <T> Results<T> fanOut(
      String verb, Function<Migrate, T> action, BiFunction<Migrate, T, RunResult> asRun) {
    List<String> schemas = root.resolve(config.selection);
    int threads = config.threads == null ? FanOut.defaultThreads(schemas.size()) : config.threads;
    if (threads < 1) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION, "-Dmigrate.threads=" + threads + " must be at least 1");
    }
    threads = Math.max(1, Math.min(threads, schemas.size()));
    config.log.accept(
        verb
            + ": "
            + schemas.size()
            + " schema(s) of "
            + root.database()
            + " on "
            + threads
            + " thread(s)");
    Map<String, T> values = new ConcurrentHashMap<>();
    FanOutReport report =
        root.forEachSchema(
            verb,
            schemas,
            threads,
            m -> {
              T value = action.apply(m);
              values.put(m.schema(), value);
              return asRun.apply(m, value);
            });
    report.summary().forEach(config.log);
    report.throwIfFailed();
    return new Results<>(
        verb,
        Layout.FAN_OUT,
        schemas.stream()
            .map(s -> new Outcome<>(s, Optional.<SchemaGroup>empty(), values.get(s)))
            .toList(),
        report.summary());
  }

  /** Whether {@code target} names a revision of {@code chain}'s graph (a group's, for repair). */
  private static boolean names(Migrate chain, String target) {
    try {
      return !chain.graph().resolve(target, List.of()).isEmpty();
    } catch (MigrateException e) {
      return false;
    }
  }

  /** A schema's place for the summary table, for verbs that run no revision. */
  private static RunResult atRevision(Migrate schema, String at) {
    return new RunResult(schema.schema(), at, at, List.of(), 0);
  }
}
