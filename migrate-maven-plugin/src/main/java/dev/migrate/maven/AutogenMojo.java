package dev.migrate.maven;

import dev.migrate.AutogenResult;
import dev.migrate.Configuration;
import dev.migrate.Results;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the project, compares the model snapshot with the database (which must be at head) and
 * writes a migration class with the differences as {@code upgrade} and their reverse as {@code
 * downgrade} (Alembic's {@code revision --autogenerate}). Writes nothing and says "No changes
 * detected" when there are none.
 *
 * <pre>mvn migrate:autogen -Dmessage="add phone"<br>
 * mvn migrate:autogen -Dmessage="add preferences" -Dmigrate.schema=user   # only schema group user<br>
 * </pre>
 *
 * <p>With schema groups, each changed group gets its own revision in {@code
 * <migrationsPackage>.<alias>}, all with the same message; a foreign key into another group becomes
 * a {@code dependsOn} of the revision.
 */
@Mojo(name = "autogen", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class AutogenMojo extends AbstractWritingMojo {

  /**
   * The revision message; it also names the class ({@code "add phone"} → {@code
   * R20261121_153012_AddPhone}).
   */
  @Parameter(property = "message", defaultValue = "")
  private String message;

  /**
   * Write the safe form of each change to a table that exists before the revision: {@code CREATE
   * INDEX CONCURRENTLY}, foreign keys and checks {@code NOT VALID} then {@code VALIDATE
   * CONSTRAINT}, {@code SET NOT NULL} through a validated check; such a revision is {@code
   * transactional = false}. {@code false} writes the plain forms.
   */
  @Parameter(property = "migrate.safeForms", defaultValue = "true")
  private boolean safeForms;

  @Override
  protected Configuration configure(Configuration configuration) {
    // the members name the field to annotate in the rename hints
    return configuration.safeForms(safeForms).modelMembers(model().members());
  }

  @Override
  protected void run(ClassLoader projectClasses) {
    var model = completeModel("migrate:autogen");
    String hibernate = model().hibernateLine();
    if (hibernate != null) {
      getLog().info(hibernate);
    }
    Results<AutogenResult> results =
        schemas(projectClasses, DatabaseUse.REQUIRED)
            .autogenerate(model, message, migrationsDirectory.toPath(), migrationsPackage);
    logEach(
        results,
        outcome ->
            log(
                outcome.group().map(g -> "Schema group " + g.alias() + ": ").orElse(""),
                outcome.value()));
    postWrite(results.outcomes().stream().flatMap(o -> o.value().file().stream()).toList());
  }

  private void log(String prefix, AutogenResult result) {
    result.infos().forEach(line -> getLog().info(prefix + line));
    if (result.noChanges()) {
      getLog().info(prefix + "No changes detected");
      return;
    }
    result.detected().forEach(line -> getLog().info(prefix + "Detected " + line));
    result
        .warnings()
        .forEach(line -> getLog().warn("DESTRUCTIVE: " + line + " (review before upgrading)"));
    result.notes().forEach(line -> getLog().warn(prefix + line));
    getLog()
        .info(
            prefix
                + "Generated "
                + result.file().orElseThrow()
                + " (revision "
                + result.revisionId()
                + "); review it, then run `mvn migrate:upgrade`");
  }
}
