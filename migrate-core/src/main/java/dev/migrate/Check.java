package dev.migrate;

import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.check.ModelCheck;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.lint.Finding;
import dev.migrate.lint.LintResult;
import dev.migrate.lint.RevisionLint;
import dev.migrate.model.Database;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.Runner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command behind {@link Migrate#check} (Alembic's {@code check}): turns the migrations into a
 * schema the way the {@link CheckMode} says, compares it with the model, and adds the graph's and
 * the history's problems.
 */
final class Check {

  private final Migrate migrate;
  private final Configuration config;
  private final RevisionGraph graph;

  Check(Migrate migrate) {
    this.migrate = migrate;
    this.config = migrate.config();
    this.graph = migrate.graph();
  }

  /** See {@link Migrate#check}. */
  CheckResult run(CheckMode mode, Database model) {
    String schema = migrate.schema();
    Database target = model.relativeTo(schema);
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    ModelCheck.heads(graph).ifPresent(problems::add);
    ModelCheck check = new ModelCheck(config.dialect);
    List<String> differences =
        switch (mode) {
          case OFFLINE -> {
            ModelCheck.Replayed replayed = ModelCheck.replay(graph, target);
            problems.addAll(replayed.problems());
            notes.addAll(replayed.notes());
            yield check.differences(replayed.database(), target, replayed.unknownTables(), notes);
          }
          case REPLAY -> {
            Introspected replayed = replayInThrowawaySchema(target);
            List<String> found =
                check.differences(replayed.database(), replayed.model(), Map.of(), notes);
            problems.addAll(drift());
            yield found;
          }
          case LIVE -> {
            List<String> heads = migrate.current();
            Current.of(heads, graph)
                .unknownAdvice(schema, migrate.database(), "check -Dmigrate.check=live")
                .ifPresent(
                    advice -> {
                      throw new MigrateException(ErrorCode.NOT_AT_HEAD, advice);
                    });
            if (problems.isEmpty() && !heads.equals(migrate.revises())) {
              throw new MigrateException(
                  ErrorCode.NOT_AT_HEAD,
                  "The live check needs schema "
                      + schema
                      + " of "
                      + migrate.database()
                      + " at head "
                      + String.join(", ", migrate.revises())
                      + ", but it is at "
                      + (heads.isEmpty() ? "base" : String.join(", ", heads))
                      + ". Run `mvn migrate:upgrade` first, or use"
                      + " -Dmigrate.check=replay, which needs no particular state.");
            }
            Introspected live = introspect(schema, target);
            List<String> found = check.differences(live.database(), live.model(), Map.of(), notes);
            problems.addAll(drift());
            yield found;
          }
        };
    problems.addAll(differences);
    lint(mode, problems, notes);
    return new CheckResult(
        mode, problems, notes, differences.isEmpty() ? null : CheckResult.AUTOGEN_FIX);
  }

  /**
   * The safety lint of the revisions not yet applied to the configured schema (with no database,
   * {@code offline}: of every revision): findings that reach {@code lintFailOn} are problems, the
   * others (but safe forms in use) notes.
   */
  private void lint(CheckMode mode, List<String> problems, List<String> notes) {
    List<String> applied = mode == CheckMode.OFFLINE ? List.of() : migrate.current();
    LintResult result = new LintRevisions(migrate).pending(applied);
    List<String> failures = result.failures(config.lintFailOn);
    failures.forEach(f -> problems.add("lint: " + f));
    for (RevisionLint revision : result.revisions()) {
      for (Finding f : revision.findings()) {
        String line =
            "lint: " + revision.revision() + " (" + revision.sourceFile() + "): " + f.describe();
        if (!f.safeFormUsed() && !failures.contains(line.substring("lint: ".length()))) {
          notes.add(line);
        }
      }
    }
  }

  private List<String> drift() {
    Runner runner = migrate.runner();
    return ModelCheck.drift(graph, runner.current(), runner.appliedHistory(), migrate.schema());
  }

  /**
   * Applies every head in a new schema of the configured database, reads it back (with {@code
   * model} aligned to it, see {@link #introspect(String, Database)}), drops it.
   */
  private Introspected replayInThrowawaySchema(Database model) {
    String scratch = "migrate_check_" + RevisionNames.newRevisionId();
    Runner scratchRunner =
        new Runner(
            config.dialect,
            migrate.connections(),
            scratch,
            graph,
            config.runSettings(),
            line -> {});
    try {
      if (!graph.isEmpty()) {
        scratchRunner.upgrade("heads");
      }
      return introspect(scratch, model);
    } finally {
      try (Connection c = migrate.connections().open()) {
        config.dialect.versionStore().dropSchema(c, scratch);
      } catch (SQLException e) {
        config.log.accept(
            "Could not drop the check's scratch schema "
                + scratch
                + ": "
                + e.getMessage()
                + "; drop it by hand");
      }
    }
  }

  /**
   * A schema as read, and the model with the expressions the database stores alike in the catalog's
   * text.
   */
  private record Introspected(Database database, Database model) {}

  /**
   * Reads {@code schema} and aligns {@code model}'s check expressions and defaults with it on the
   * same connection, with {@code schema} on the search path as for autogenerate ({@link
   * Dialect#alignStoredExpressions}).
   */
  private Introspected introspect(String schema, Database model) {
    try (Connection c = migrate.connections().open()) {
      VersionStore store = config.dialect.versionStore();
      if (!store.schemaExists(c, schema)) {
        return new Introspected(Database.empty(), model);
      }
      store.useSchema(c, schema, false);
      Database database = config.dialect.introspect(c, schema, Autogenerate.OWN_TABLES);
      return new Introspected(
          database, config.dialect.alignStoredExpressions(c, schema, database, model));
    } catch (SQLException e) {
      throw new MigrateException(
          ErrorCode.CONNECTION,
          "Cannot read schema " + schema + " of " + migrate.database() + ": " + e.getMessage(),
          e);
    }
  }
}
