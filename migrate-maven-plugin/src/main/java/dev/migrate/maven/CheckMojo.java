package dev.migrate.maven;

import dev.migrate.ErrorCode;
import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.check.CheckResult;
import dev.migrate.runner.RunResult;
import dev.migrate.schema.GroupChains;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
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
 * {@code makemigrations --check}), listing each missing change ("customer.phone: column in the model, no migration
 * adds it") and the fix; also when the graph has several heads, and when a revision applied to the database was
 * edited since (checksum in {@code migrate_history}). Bound to {@code verify}: add an execution of the goal and
 * {@code mvn verify} runs it.
 *
 * <p>Modes ({@code -Dmigrate.check}): {@code replay} (the default when a database is configured: applies every
 * revision in a throwaway schema of that server, compares, drops it), {@code live} (compares the configured schema,
 * which must be at head) and {@code offline} (the default without a database: replays the ops in memory; tables
 * changed by raw SQL are reported as unknown). From the command line: {@code mvn compile migrate:check}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractMigrateMojo {

  /** {@code replay}, {@code live} or {@code offline}; default {@code replay} with a database, else offline. */
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
    String chosen = mode == null || mode.isBlank() ? (databaseConfigured() ? "replay" : "offline") : mode.strip();
    var snapshot = SnapshotJson.readFromClassesDirectory(classesDirectory.toPath());
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      GroupChains chains = groupChains(groups, projectClasses, !chosen.equals("offline"));
      List<String> failed = new ArrayList<>();
      for (SchemaGroup group : selectedGroups(groups)) {
        CheckResult result = chains.chain(group).check(chosen, SchemaGroups.part(snapshot.database(), group));
        result.notes().forEach(note -> getLog().warn("Schema group " + group.alias() + ": " + note));
        if (result.passed()) {
          getLog().info("Schema group " + group.alias() + ": " + result.report());
        } else {
          failed.add("Schema group " + group.alias() + " (" + group.schema() + "): " + result.report());
        }
      }
      if (!failed.isEmpty()) {
        throw new MojoFailureException(String.join("\n", failed));
      }
      return;
    }
    if (fansOut()) {
      if (!chosen.equals("live")) {
        throw new MigrateException(ErrorCode.CONFIGURATION, "-Dschema=" + selection().orElseThrow() + " checks"
            + " several schemas, which only the live check does: add -Dmigrate.check=live (replay and offline do"
            + " not depend on the schema).");
      }
      fanOut(projectClasses, "check", migrate -> {
        CheckResult result = migrate.check("live", snapshot.database());
        if (!result.passed()) {
          throw new MigrateException(ErrorCode.NOT_AT_HEAD, result.report());
        }
        List<String> current = migrate.current();
        String at = current.isEmpty() ? null : String.join(", ", current);
        return new RunResult(migrate.schema(), at, at, List.of(), 0);
      });
      return;
    }
    Migrate migrate = migrate(projectClasses, !chosen.equals("offline"));
    CheckResult result = migrate.check(chosen, snapshot.database());
    result.notes().forEach(note -> getLog().warn(note));
    if (!result.passed()) {
      throw new MojoFailureException(result.report());
    }
    getLog().info(result.report());
  }
}
