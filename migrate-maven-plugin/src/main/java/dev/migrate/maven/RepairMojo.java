package dev.migrate.maven;

import dev.migrate.Outcome;
import dev.migrate.runner.EditedRevision;
import dev.migrate.runner.RepairResult;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Accepts, on purpose and on record, an edit to a revision that was already applied (Flyway's
 * {@code repair}). {@code upgrade} and {@code downgrade} refuse to run while an applied revision's
 * ops differ from the checksum recorded in {@code migrate_history}; this goal appends a history row
 * with direction {@code repair} and the checksum of the revision as it is now, for each applied
 * revision that differs (or only {@code -Dmigrate.revision}). The rows before it stay, so {@code
 * mvn migrate:history -Dmigrate.verbose} shows the repair. No migration runs and the version table
 * does not change: repair is for edits the database already has (or needs not have), such as a fix
 * made by hand; otherwise revert the edit and put the change in a new revision.
 *
 * <pre>mvn migrate:repair -Dmigrate.revision=3f2a9c1d7b04<br>
 * mvn migrate:repair                                  # every edited revision<br></pre>
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class RepairMojo extends AbstractMigrateMojo {

  /**
   * The revision whose edit to accept: a full or unambiguous partial id; unset for every applied
   * revision that was edited.
   */
  @Parameter(property = "migrate.revision")
  private String revision;

  @Override
  protected void run(ClassLoader projectClasses) {
    logEach(schemas(projectClasses, DatabaseUse.REQUIRED).repair(revision), this::log);
  }

  private void log(Outcome<RepairResult> outcome) {
    RepairResult result = outcome.value();
    if (result.accepted().isEmpty()) {
      getLog()
          .info(
              "Schema "
                  + result.schema()
                  + ": nothing to repair; "
                  + (revision == null || revision.isBlank()
                      ? "every applied revision matches its recorded checksum"
                      : "revision " + revision + " matches its recorded checksum"));
      return;
    }
    // each accepted edit was logged as it was recorded (the facade's log)
    getLog()
        .info(
            "Schema "
                + result.schema()
                + ": "
                + result.accepted().size()
                + " edit(s) accepted ("
                + String.join(", ", result.accepted().stream().map(EditedRevision::id).toList())
                + "); `mvn migrate:history -Dmigrate.verbose` lists the repair row(s)");
  }
}
