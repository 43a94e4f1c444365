package dev.migrate.maven;

import dev.migrate.Migrate.ResetMode;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Drops a target schema with everything in it, creates it again and upgrades it to head (the seed
 * workflow's {@code migrate.py reset --schema dev}). Refuses, naming the rows per table, when the
 * schema's tables hold rows, unless {@code -Dmigrate.force}.
 *
 * <pre>mvn migrate:reset -Dmigrate.schema=dev<br>
 * mvn migrate:reset -Dmigrate.schema=dev -Dmigrate.force     # drops the rows too<br></pre>
 */
@Mojo(name = "reset", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class ResetMojo extends AbstractMigrateMojo {

  /** Drop the schema even when its tables hold rows ({@code -Dmigrate.force}). */
  @Parameter(property = "migrate.force", defaultValue = "false")
  private boolean force;

  @Override
  protected void run(ClassLoader projectClasses) {
    logEach(
        schemas(projectClasses, DatabaseUse.REQUIRED)
            .reset(force ? ResetMode.DROP_ROWS : ResetMode.KEEP_ROWS),
        outcome -> RunLines.log(getLog(), "reset", outcome.value()));
  }
}
