package dev.migrate.maven;

import dev.migrate.AutogenResult;
import dev.migrate.snapshot.SnapshotJson;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the project, compares the model snapshot with the database (which must be at head) and writes a
 * migration class with the differences as {@code upgrade} and their reverse as {@code downgrade} (Alembic's
 * {@code revision --autogenerate}). Writes nothing and says "No changes detected" when there are none.
 *
 * <pre>mvn migrate:autogen -Dmessage="add phone"</pre>
 */
@Mojo(name = "autogen", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class AutogenMojo extends AbstractMigrateMojo {

  /** The revision message; it also names the class ({@code "add phone"} → {@code R20261121_153012_AddPhone}). */
  @Parameter(property = "message", defaultValue = "")
  private String message;

  @Override
  protected void run(ClassLoader projectClasses) {
    var snapshot = SnapshotJson.readFromClassesDirectory(classesDirectory.toPath());
    AutogenResult result = migrate(projectClasses)
        .autogenerate(snapshot.database(), message, migrationsDirectory.toPath(), migrationsPackage);
    result.infos().forEach(getLog()::info);
    if (result.noChanges()) {
      getLog().info("No changes detected");
      return;
    }
    result.detected().forEach(line -> getLog().info("Detected " + line));
    result.warnings().forEach(line -> getLog().warn("DESTRUCTIVE: " + line + " (review before upgrading)"));
    result.notes().forEach(line -> getLog().warn(line));
    getLog().info("Generated " + result.file().orElseThrow() + " (revision " + result.revisionId()
        + "); review it, then run `mvn migrate:upgrade`");
  }
}
