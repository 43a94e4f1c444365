package dev.migrate.maven;

import dev.migrate.Migrate.StampMode;
import dev.migrate.runner.RunResult;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Sets the version table to a revision without running any migration (Alembic's {@code stamp}), to
 * adopt a database whose schema is already at that revision (built by hand, from an offline script,
 * or by another tool).
 *
 * <pre>mvn migrate:stamp -Dmigrate.revision=head<br>
 * mvn migrate:stamp -Dmigrate.revision=3f2a9c -Dmigrate.purge     # also when the table names revisions that do not exist<br>
 * </pre>
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class StampMojo extends AbstractMigrateMojo {

  /**
   * The revision(s) to record: {@code head}, {@code heads}, {@code base}, an id, {@code
   * <label>@head}.
   */
  @Parameter(property = "migrate.revision", required = true)
  private String revision;

  /**
   * Deletes every row of the version table first, including rows naming revisions that do not
   * exist.
   */
  @Parameter(property = "migrate.purge", defaultValue = "false")
  private boolean purge;

  @Override
  protected void run(ClassLoader projectClasses) {
    logEach(
        schemas(projectClasses, DatabaseUse.REQUIRED)
            .stamp(revision, purge ? StampMode.PURGE : StampMode.KEEP),
        outcome -> log(outcome.value()));
  }

  private void log(RunResult result) {
    getLog()
        .info(
            "Schema "
                + result.schema()
                + " stamped: "
                + (result.from() == null ? "<base>" : result.from())
                + " -> "
                + (result.to() == null ? "<base>" : result.to())
                + "; no migration ran");
  }
}
