package dev.migrate.maven;

import dev.migrate.Results;
import dev.migrate.Schemas;
import dev.migrate.runner.RunResult;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code upgrade} and {@code downgrade} share: run the revisions to {@code -Dmigrate.revision}
 * in the selected schemas and log a line per schema (a fan-out logs its summary table), or with
 * {@code -Dmigrate.sql} print the SQL script instead (Alembic's offline mode).
 */
abstract class AbstractRunMojo extends AbstractMigrateMojo {

  /** Prints the SQL script instead of running it. */
  @Parameter(property = "migrate.sql", defaultValue = "false")
  private boolean sql;

  /** With {@code -Dmigrate.sql}: the file the script is written to; standard output when unset. */
  @Parameter(property = "migrate.output")
  private File output;

  /**
   * {@code text} (log lines) or {@code json} (one JSON document on standard output); not with
   * {@code -Dmigrate.sql}.
   */
  @Parameter(property = "migrate.format", defaultValue = "text")
  private String format;

  @Override
  protected boolean json() {
    return OutputFormat.parse(format) == OutputFormat.JSON;
  }

  /** The goal's name, as its log lines say it: {@code upgrade} or {@code downgrade}. */
  protected abstract String direction();

  /** {@code -Dmigrate.revision}. */
  protected abstract String revision();

  /** Whether the offline script needs a database (to read where it starts). */
  protected abstract DatabaseUse scriptDatabase();

  /** The one facade call that runs the revisions. */
  protected abstract Results<RunResult> run(Schemas schemas, String revision);

  /** The one facade call that renders the script. */
  protected abstract String script(Schemas schemas, String revision);

  @Override
  protected final void run(ClassLoader projectClasses) {
    if (sql) {
      Output.write(
          script(schemas(projectClasses, scriptDatabase()), revision()),
          output,
          getLog(),
          "the " + direction() + " script");
      return;
    }
    Results<RunResult> results = run(schemas(projectClasses, DatabaseUse.REQUIRED), revision());
    if (json()) {
      printJson(JsonOutput.of(direction(), "ok", results, JsonOutput::run));
      return;
    }
    logEach(results, outcome -> RunLines.log(getLog(), direction(), outcome.value()));
  }
}
