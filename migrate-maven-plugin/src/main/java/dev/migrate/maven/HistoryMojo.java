package dev.migrate.maven;

import dev.migrate.History;
import dev.migrate.HistoryFormat;
import dev.migrate.Outcome;
import dev.migrate.Results;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revisions newest first, in Alembic's format ({@code 9b1e4c2a7d10 -> 3f2a9c1d7b04
 * (head) (current), add phone}; merges list their down revisions, branch points and merge points
 * are marked). {@code (current)} needs a configured database; without one the graph alone is
 * printed. With {@code -Dmigrate.verbose}, also the runs recorded in {@code migrate_history}.
 *
 * <pre>mvn migrate:history -Dmigrate.range=3f2a:head<br>
 * mvn -q migrate:history -Dmigrate.format=mermaid > docs/migrations.md     # a picture GitHub renders<br>
 * </pre>
 *
 * <p>Does not compile: reads the classes of the last compile, and warns when a source is newer
 * (after a change: {@code mvn compile migrate:history}).
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class HistoryMojo extends AbstractMigrateMojo {

  /** Also prints the recorded runs (applied at, by, duration, outcome). */
  @Parameter(property = "migrate.verbose", defaultValue = "false")
  private boolean verbose;

  /**
   * Only the revisions between two targets, both included: {@code lower:upper}, either side empty
   * for base or the heads, each a target or {@code current} ({@code -Dmigrate.range=current:},
   * {@code -Dmigrate.range=:3f2a}).
   */
  @Parameter(property = "migrate.range", defaultValue = "")
  private String range;

  /**
   * {@code text} (log lines), {@code mermaid} (a fenced block GitHub renders), {@code dot}
   * (Graphviz) or {@code json} (one JSON document on standard output, for CI); the pictures go to
   * standard output or {@code -Dmigrate.output}.
   */
  @Parameter(property = "migrate.format", defaultValue = "text")
  private String format;

  /**
   * With {@code -Dmigrate.format=mermaid|dot}: the file the picture is written to; standard output
   * when unset.
   */
  @Parameter(property = "migrate.output")
  private File output;

  @Override
  protected boolean json() {
    return HistoryFormat.parse(format) == HistoryFormat.JSON;
  }

  @Override
  protected Freshness freshness() {
    return Freshness.WARN_IF_STALE;
  }

  @Override
  protected void run(ClassLoader projectClasses) {
    HistoryFormat chosen = HistoryFormat.parse(format);
    Results<History> results =
        schemas(projectClasses, DatabaseUse.IF_CONFIGURED)
            .history(range, verbose ? History.Detail.REVISIONS_AND_RUNS : History.Detail.REVISIONS);
    if (chosen == HistoryFormat.JSON) {
      printJson(JsonOutput.of("history", "ok", results, JsonOutput::history));
      return;
    }
    logEach(results, outcome -> print(outcome, chosen));
  }

  private void print(Outcome<History> outcome, HistoryFormat chosen) {
    outcome.group().ifPresent(g -> answer("Schema group " + g.alias() + " (" + g.schema() + "):"));
    History history = outcome.value();
    if (chosen.isPicture()) {
      Output.write(chosen.picture(history.revisions()), output, getLog(), "the revision graph");
      return;
    }
    if (history.revisions().isEmpty()) {
      answer(
          history.graphEmpty()
              ? "No revisions yet: run `mvn migrate:autogen -Dmessage=...`"
              : "No revisions in range " + range);
    }
    history.revisions().forEach(e -> answer(e.toString()));
    if (verbose && !history.runs().isEmpty()) {
      answer("Runs recorded in schema " + outcome.schema() + ":");
      history
          .runs()
          .forEach(
              row ->
                  answer(
                      String.format(
                          "  %s  %-9s %s  by %s  %d ms%s",
                          row.appliedAt(),
                          row.direction(),
                          row.revision(),
                          row.appliedBy(),
                          row.durationMillis(),
                          row.success() ? "" : "  FAILED")));
    }
  }
}
