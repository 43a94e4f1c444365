package dev.migrate.maven;

import dev.migrate.Current;
import dev.migrate.Outcome;
import dev.migrate.Results;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revision(s) the database is at, one per row of the version table, each marked {@code
 * (head)} when it is a head (Alembic's {@code current}): per schema group, or per target schema
 * ({@code -Dmigrate.schema=tenant_*} prints the summary table of every match).
 *
 * <p>Does not compile: reads the classes of the last compile, and warns when a source is newer
 * (after a change: {@code mvn compile migrate:current}).
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CurrentMojo extends AbstractMigrateMojo {

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
    Results<Current> results = schemas(projectClasses, DatabaseUse.REQUIRED).current();
    if (json()) {
      printJson(JsonOutput.of("current", "ok", results, JsonOutput::current));
      return;
    }
    logEach(results, this::print);
  }

  private void print(Outcome<Current> outcome) {
    String what = outcome.label();
    List<String> current = outcome.value().revisions();
    List<String> heads = outcome.value().heads();
    String headText =
        heads.isEmpty()
            ? ""
            : (heads.size() == 1 ? "; head is " : "; heads are ") + String.join(", ", heads);
    if (current.isEmpty()) {
      answer(what + ": <base> (no revision applied)" + headText);
    }
    for (String id : current) {
      answer(
          what
              + ": "
              + id
              + (outcome.value().unknown().contains(id)
                  ? " " + Current.UNKNOWN_NOTE
                  : heads.contains(id) ? " (head)" : headText));
    }
  }
}
