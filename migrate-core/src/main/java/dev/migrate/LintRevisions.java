package dev.migrate;

import dev.migrate.lint.Finding;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintResult;
import dev.migrate.lint.RevisionLint;
import dev.migrate.lint.Rule;
import dev.migrate.runner.Direction;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.RevisionRange;
import dev.migrate.runtime.AcceptedHazards;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The command behind {@link Migrate#lint}: records each revision's upgrade ops (as the runner
 * would, without a database) and runs the safety {@link Lint} over them, marking the rules a
 * revision accepts with {@link AcceptedHazards}.
 */
final class LintRevisions {

  private final Migrate migrate;
  private final RevisionGraph graph;
  private final Lint lint;

  LintRevisions(Migrate migrate) {
    this.migrate = migrate;
    this.graph = migrate.graph();
    this.lint = new Lint(migrate.config().dialect);
  }

  /**
   * Lints the revisions of {@code range} ({@code from:to} as {@code history} reads it; {@code null}
   * or blank for every revision), oldest first.
   */
  LintResult run(String range) {
    List<String> current =
        range != null && range.contains("current") && migrate.hasDatabase()
            ? migrate.current()
            : List.of();
    List<RevisionInfo> revisions =
        new ArrayList<>(RevisionRange.history(graph, blankToNull(range), current));
    Collections.reverse(revisions);
    return lint(revisions);
  }

  /**
   * Lints the revisions not among or below {@code applied} (the database's heads), oldest first.
   */
  LintResult pending(Collection<String> applied) {
    Set<String> done = graph.ancestorsOrSelf(applied);
    List<RevisionInfo> revisions = new ArrayList<>(graph.range(List.of(), List.of()));
    Collections.reverse(revisions);
    revisions.removeIf(r -> done.contains(r.id()));
    return lint(revisions);
  }

  private LintResult lint(List<RevisionInfo> revisions) {
    List<RevisionLint> linted = new ArrayList<>();
    for (RevisionInfo revision : revisions) {
      List<String> accepted = accepted(revision);
      List<Finding> findings = new ArrayList<>();
      for (Finding f : lint.findings(revision.ops(Direction.UPGRADE))) {
        findings.add(accepted.contains(f.rule().id()) ? f.accept() : f);
      }
      linted.add(
          new RevisionLint(revision.id(), revision.message(), revision.sourceFile(), findings));
    }
    return new LintResult(linted);
  }

  /**
   * The rule ids of the revision's {@link AcceptedHazards}.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for an id no rule has
   */
  private static List<String> accepted(RevisionInfo revision) {
    AcceptedHazards annotation = revision.type().getAnnotation(AcceptedHazards.class);
    if (annotation == null) {
      return List.of();
    }
    List<String> ids = Arrays.asList(annotation.value());
    for (String id : ids) {
      if (Rule.byId(id).isEmpty()) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            revision.describe()
                + " accepts \""
                + id
                + "\" in @AcceptedHazards, which is no lint rule; use one of "
                + String.join(", ", Arrays.stream(Rule.values()).map(Rule::id).toList()));
      }
    }
    return ids;
  }

  private static String blankToNull(String range) {
    return range == null || range.isBlank() ? null : range;
  }
}
