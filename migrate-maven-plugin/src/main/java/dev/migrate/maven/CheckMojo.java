package dev.migrate.maven;

import dev.migrate.Results;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.model.Database;
import dev.migrate.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the model and the migrations disagree (Alembic's {@code check}, Django's
 * {@code makemigrations --check}), listing each missing change ("customer.phone: column in the
 * model, no migration adds it") and the fix; also when the graph has several heads, and when a
 * revision applied to the database was edited since (checksum in {@code migrate_history}). Bound to
 * {@code verify}: add an execution of the goal and {@code mvn verify} runs it.
 *
 * <p>Modes ({@code -Dmigrate.check}): {@code replay} (the default when a database is configured:
 * applies every revision in a throwaway schema of that server, compares, drops it), {@code live}
 * (compares the configured schema, which must be at head) and {@code offline} (the default without
 * a database: replays the ops in memory; tables changed by raw SQL are reported as unknown). From
 * the command line: {@code mvn compile migrate:check}.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractMigrateMojo {

  /**
   * {@code replay}, {@code live} or {@code offline}; default {@code replay} with a database, else
   * offline.
   */
  @Parameter(property = "migrate.check")
  private String mode;

  /** Skips the check (as {@code migrate.skip} skips every goal). */
  @Parameter(property = "migrate.check.skip", defaultValue = "false")
  private boolean skipCheck;

  @Override
  protected void run(ClassLoader projectClasses) throws MojoFailureException {
    if (skipCheck) {
      getLog().info("Skipping the check (migrate.check.skip)");
      return;
    }
    CheckMode chosen =
        mode == null || mode.isBlank()
            ? (databaseConfigured() ? CheckMode.REPLAY : CheckMode.OFFLINE)
            : CheckMode.parse(mode.strip());
    Database model = SnapshotJson.readFromClassesDirectory(classesDirectory.toPath()).database();
    Results<CheckResult> results =
        schemas(projectClasses, DatabaseUse.requiredWhen(chosen.needsDatabase()))
            .check(chosen, model);
    List<String> failed = new ArrayList<>();
    logEach(
        results,
        outcome -> {
          CheckResult result = outcome.value();
          String group = outcome.group().map(g -> "Schema group " + g.alias() + ": ").orElse("");
          result.notes().forEach(note -> getLog().warn(group + note));
          if (result.passed()) {
            getLog().info(group + result.report());
          } else {
            failed.add(
                outcome
                        .group()
                        .map(g -> "Schema group " + g.alias() + " (" + g.schema() + "): ")
                        .orElse("")
                    + result.report());
          }
        });
    if (!failed.isEmpty()) {
      throw new MojoFailureException(String.join("\n", failed));
    }
  }
}
