package dev.migrate.maven;

import dev.migrate.Results;
import dev.migrate.RevisionOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes an empty migration class, for data migrations and hand-written SQL (Alembic's {@code
 * revision}). Needs no database.
 *
 * <pre>mvn migrate:revision -Dmessage="backfill country codes"<br>
 * mvn migrate:revision -Dmessage="networking" -Dmigrate.head=base -Dmigrate.branchLabel=net  # a new, labelled base<br>
 * mvn migrate:revision -Dmessage="hotfix" -Dmigrate.head=3f2a9c -Dmigrate.splice             # branch from a non-head<br>
 * mvn migrate:revision -Dmessage="uses net" -Dmigrate.dependsOn=net                          # depends on another branch<br>
 * </pre>
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class RevisionMojo extends AbstractWritingMojo {

  /** The revision message; it also names the class. */
  @Parameter(property = "message", defaultValue = "")
  private String message;

  /**
   * What the new revision revises: {@code head} (the one head; an error when there are several),
   * {@code base} (a new base), {@code <label>@head} or a revision id.
   */
  @Parameter(property = "migrate.head", defaultValue = "head")
  private String head;

  /**
   * Allows {@code -Dmigrate.head} to name a revision that is not a head, starting a new branch from
   * it.
   */
  @Parameter(property = "migrate.splice", defaultValue = "false")
  private boolean splice;

  /** Branch labels the new revision declares, comma-separated. */
  @Parameter(property = "migrate.branchLabel")
  private List<String> branchLabel;

  /** Revisions (ids, partial ids, branch labels) the new revision depends on, comma-separated. */
  @Parameter(property = "migrate.dependsOn")
  private List<String> dependsOn;

  @Override
  protected void run(ClassLoader projectClasses) {
    RevisionOptions options =
        new RevisionOptions(
            head,
            splice,
            branchLabel == null ? List.of() : branchLabel,
            dependsOn == null ? List.of() : dependsOn);
    Results<Path> results =
        schemas(projectClasses, DatabaseUse.IF_CONFIGURED)
            .revision(message, options, migrationsDirectory.toPath(), migrationsPackage);
    logEach(
        results,
        outcome ->
            getLog()
                .info(
                    outcome
                        .group()
                        .map(
                            g ->
                                "Schema group "
                                    + g.alias()
                                    + ": generated "
                                    + outcome.value()
                                    + "; write its upgrade and"
                                    + " downgrade, then run `mvn migrate:upgrade -Dmigrate.schema="
                                    + g.alias()
                                    + "`")
                        .orElse(
                            "Generated "
                                + outcome.value()
                                + "; write its upgrade and downgrade, then run"
                                + " `mvn migrate:upgrade`")));
    postWrite(results.outcomes().stream().map(o -> o.value()).toList());
  }
}
