package dev.migrate.maven;

import dev.migrate.runner.RunResult;
import dev.migrate.schema.SchemaGroups;
import java.io.File;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies revisions up to a target, each in its own transaction; with {@code -Dsql}, prints the SQL script instead
 * (Alembic's offline mode).
 *
 * <pre>mvn migrate:upgrade                      # to head
 * mvn migrate:upgrade -Drevision=+1         # one step
 * mvn migrate:upgrade -Drevision=heads      # every branch
 * mvn migrate:upgrade -Drevision=3f2a9c     # to a revision (partial ids work)
 * mvn migrate:upgrade -Dschema=user         # one schema group (and the revisions of others it depends on)
 * mvn migrate:upgrade -Dschema=tenant_*     # every matching schema, in parallel
 * mvn -q migrate:upgrade -Dsql -Drevision=base:head -Doutput=upgrade.sql</pre>
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class UpgradeMojo extends AbstractMigrateMojo {

  /**
   * The target: {@code head}, {@code heads}, {@code +N}, {@code head-N}, {@code <label>@head}, {@code <rev>+N}, or a
   * full or unambiguous partial revision id. With {@code -Dsql}, also {@code from:to} ({@code base:head}); a
   * {@code from} means no database connection is opened.
   */
  @Parameter(property = "revision", defaultValue = "head")
  private String revision;

  /** Prints the SQL script of the upgrade instead of running it. */
  @Parameter(property = "sql", defaultValue = "false")
  private boolean sql;

  /** With {@code -Dsql}: the file the script is written to; standard output when unset. */
  @Parameter(property = "output")
  private File output;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (sql) {
      String script = groups.isEmpty() ? migrate(projectClasses, !revision.contains(":")).upgradeSql(revision)
          : groupScripts(groups, projectClasses, migrate -> migrate.upgradeSql(revision));
      Output.write(script, output, getLog(), "the upgrade script");
      return;
    }
    if (!groups.isEmpty()) {
      groupChains(groups, projectClasses).upgrade(selectedGroups(groups), revision)
          .forEach(result -> Results.log(getLog(), "upgrade", result));
    } else if (fansOut()) {
      fanOut(projectClasses, "upgrade", migrate -> migrate.upgrade(revision));
    } else {
      RunResult result = migrate(projectClasses).upgrade(revision);
      Results.log(getLog(), "upgrade", result);
    }
  }
}
