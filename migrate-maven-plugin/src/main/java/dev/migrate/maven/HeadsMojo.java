package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the heads of the revision graph (Alembic's {@code heads}): {@code 3f2a9c1d7b04 (shop)
 * (head)}, one a line. Several heads mean branches that are not merged yet. Needs no database.
 *
 * <p>Does not compile: reads the classes of the last compile, and warns when a source is newer
 * (after a change: {@code mvn compile migrate:heads}).
 */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class HeadsMojo extends AbstractMigrateMojo {

  /** Prints each head as {@code history} does, with its down revisions and message. */
  @Parameter(property = "migrate.verbose", defaultValue = "false")
  private boolean verbose;

  /** {@code text} (log lines) or {@code json} (one JSON document on standard output). */
  @Parameter(property = "migrate.format", defaultValue = "text")
  private String format;

  @Override
  protected boolean json() {
    return OutputFormat.parse(format) == OutputFormat.JSON;
  }

  @Override
  protected Freshness freshness() {
    return Freshness.WARN_IF_STALE;
  }

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    if (json()) {
      printJson(
          JsonOutput.single(
              "heads",
              migrate.schema(),
              Map.of(
                  "heads",
                  migrate.heads(Migrate.RevisionMarks.GRAPH_ONLY).stream()
                      .map(JsonOutput::entry)
                      .toList())));
      return;
    }
    if (migrate.graph().isEmpty()) {
      answer("No revisions yet: run `mvn migrate:autogen -Dmessage=...`");
    }
    for (HistoryEntry head : migrate.heads(Migrate.RevisionMarks.GRAPH_ONLY)) {
      answer(
          verbose
              ? head.toString()
              : head.id()
                  + (head.labels().isEmpty() ? "" : " (" + String.join(", ", head.labels()) + ")")
                  + " (head)");
    }
    if (migrate.graph().heads().size() > 1) {
      getLog()
          .info(
              "Several heads: run `mvn migrate:merge -Dmessage=...` to join them, or target one with"
                  + " -Dmigrate.revision=<id> or <label>@head");
    }
  }
}
