package dev.migrate.maven;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Drops a target schema with everything in it, creates it again and upgrades it to head (the seed workflow's
 * {@code migrate.py reset --schema dev}). Refuses, naming the rows per table, when the schema's tables hold rows,
 * unless {@code -Dforce}.
 *
 * <pre>mvn migrate:reset -Dschema=dev
 * mvn migrate:reset -Dschema=dev -Dforce     # drops the rows too</pre>
 */
@Mojo(name = "reset", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class ResetMojo extends AbstractMigrateMojo {

  /** Drop the schema even when its tables hold rows ({@code -Dforce}). */
  @Parameter(property = "force", defaultValue = "false")
  private boolean force;

  @Override
  protected void run(ClassLoader projectClasses) {
    if (!groups().isEmpty()) {
      throw new MigrateException(ErrorCode.CONFIGURATION, "reset works on target schemas (a model whose entities"
          + " carry no schema); this project has schema groups (" + groups() + "), whose schemas reference each"
          + " other. Use `mvn migrate:downgrade -Drevision=base` and `mvn migrate:upgrade` instead.");
    }
    if (selection().isEmpty()) {
      throw missing("schema", "mvn migrate:reset -Dschema=dev");
    }
    if (fansOut()) {
      fanOut(projectClasses, "reset", migrate -> migrate.reset(force));
    } else {
      Results.log(getLog(), "reset", migrate(projectClasses).reset(force));
    }
  }
}
