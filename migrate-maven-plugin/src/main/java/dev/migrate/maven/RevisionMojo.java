package dev.migrate.maven;

import dev.migrate.schema.SchemaGroups;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes an empty migration class on top of the head, for data migrations and hand-written SQL (Alembic's
 * {@code revision}). Needs no database.
 *
 * <pre>mvn migrate:revision -Dmessage="backfill country codes"</pre>
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RevisionMojo extends AbstractMigrateMojo {

  /** The revision message; it also names the class. */
  @Parameter(property = "message", defaultValue = "")
  private String message;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      groupChains(groups, projectClasses)
          .revision(selectedGroups(groups), message, migrationsDirectory.toPath(), migrationsPackage)
          .forEach((group, file) -> getLog().info("Schema group " + group.alias() + ": generated " + file
              + "; write its upgrade and downgrade, then run `mvn migrate:upgrade -Dschema=" + group.alias() + "`"));
      return;
    }
    Path file = migrate(projectClasses).revision(message, migrationsDirectory.toPath(), migrationsPackage);
    getLog().info("Generated " + file + "; write its upgrade and downgrade, then run `mvn migrate:upgrade`");
  }
}
