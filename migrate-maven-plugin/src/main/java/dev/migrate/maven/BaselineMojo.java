package dev.migrate.maven;

import dev.migrate.BaselineResult;
import dev.migrate.Results;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Adopts an existing database (Flyway's {@code baseline}; with Alembic, a hand-written first
 * revision and {@code stamp}): writes a first revision whose upgrade creates the schema as it is in
 * the database, and stamps the database at it without running it. Then {@code mvn migrate:autogen}
 * shows what separates the database from the entities.
 *
 * <pre>mvn migrate:baseline -Dmessage=baseline<br>
 * mvn migrate:baseline -Dmessage=baseline -Dmigrate.schema=user        # one schema group<br>
 * mvn migrate:baseline -Dmessage=baseline -Dmigrate.excludeTables=tmp_*  # leave tables out of the chain<br>
 * </pre>
 *
 * <p>It refuses a chain that has revisions, a schema with a version table, and a schema with parts
 * of tables the model cannot hold (generated columns, exclusion constraints, partitions, columns of
 * domain or extension types, ...), naming each; views, triggers and functions are named as not
 * recreated, in the log and in the class's header.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class BaselineMojo extends AbstractWritingMojo {

  /** The revision message; it also names the class ({@code baseline} → {@code R..._Baseline}). */
  @Parameter(property = "message", defaultValue = "baseline")
  private String message;

  @Override
  protected void run(ClassLoader projectClasses) {
    Results<BaselineResult> results =
        schemas(projectClasses, DatabaseUse.REQUIRED)
            .baseline(message, migrationsDirectory.toPath(), migrationsPackage);
    results
        .outcomes()
        .forEach(
            outcome ->
                log(
                    outcome.group().map(g -> "Schema group " + g.alias() + ": ").orElse(""),
                    outcome.value()));
    postWrite(results.outcomes().stream().map(o -> o.value().file()).toList());
  }

  private void log(String prefix, BaselineResult result) {
    result.detected().forEach(line -> getLog().info(prefix + "Baseline " + line));
    result
        .notReplayed()
        .forEach(
            object ->
                getLog()
                    .warn(
                        prefix
                            + "Not in the baseline (the model does not hold it): "
                            + object
                            + "; add it with op.execute(...) if a replay from base needs it"));
    getLog()
        .info(
            prefix
                + "Generated "
                + result.file()
                + " (revision "
                + result.revisionId()
                + ") and stamped schema "
                + result.schema()
                + " at it; no migration ran. Review and commit it, then run `mvn migrate:autogen`"
                + " to see what separates the database from the entities");
  }
}
