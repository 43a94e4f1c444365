package dev.migrate.maven;

import dev.migrate.Results;
import dev.migrate.Schemas;
import dev.migrate.runner.RunResult;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies revisions up to a target, each in its own transaction; with {@code -Dmigrate.sql}, prints
 * the SQL script instead (Alembic's offline mode).
 *
 * <pre>mvn migrate:upgrade                       # to head<br>
 * mvn migrate:upgrade -Dmigrate.revision=+1      # one step<br>
 * mvn migrate:upgrade -Dmigrate.revision=heads   # every branch<br>
 * mvn migrate:upgrade -Dmigrate.revision=3f2a9c  # to a revision (partial ids work)<br>
 * mvn migrate:upgrade -Dmigrate.schema=user      # one schema group (and the revisions of others it depends on)<br>
 * mvn migrate:upgrade -Dmigrate.schema=tenant_*  # every matching schema, in parallel<br>
 * mvn -q migrate:upgrade -Dmigrate.sql -Dmigrate.revision=base:head -Dmigrate.output=upgrade.sql<br>
 * </pre>
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class UpgradeMojo extends AbstractRunMojo {

  /**
   * The target: {@code head}, {@code heads}, {@code +N}, {@code head-N}, {@code <label>@head},
   * {@code <rev>+N}, or a full or unambiguous partial revision id. With {@code -Dmigrate.sql}, also
   * {@code from:to} ({@code base:head}); a {@code from} means no database connection is opened.
   */
  @Parameter(property = "migrate.revision", defaultValue = "head")
  private String revision;

  @Override
  protected String direction() {
    return "upgrade";
  }

  @Override
  protected String revision() {
    return revision;
  }

  @Override
  protected DatabaseUse scriptDatabase() {
    return DatabaseUse.requiredWhen(!revision.contains(":"));
  }

  @Override
  protected Results<RunResult> run(Schemas schemas, String revision) {
    return schemas.upgrade(revision);
  }

  @Override
  protected String script(Schemas schemas, String revision) {
    return schemas.upgradeSql(revision);
  }
}
