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
 * Reverts revisions down to a target, each in its own transaction; with {@code -Dsql}, prints the SQL script
 * instead, which needs both ends ({@code -Drevision=from:to}) as in Alembic.
 *
 * <pre>mvn migrate:downgrade                     # one step back
 * mvn migrate:downgrade -Drevision=base     # everything
 * mvn migrate:downgrade -Dschema=user       # one step back in schema group user
 * mvn migrate:downgrade -Dschema=tenant_*   # one step back in every matching schema, in parallel
 * mvn migrate:downgrade -Drevision=shop@-1  # one step back on the branch labelled shop
 * mvn -q migrate:downgrade -Dsql -Drevision=head:-1</pre>
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DowngradeMojo extends AbstractMigrateMojo {

  /**
   * The target, which stays applied: {@code -N}, {@code base}, {@code <label>@-N}, {@code <rev>-N}, or a full or
   * unambiguous partial revision id. With {@code -Dsql}: {@code from:to}.
   */
  @Parameter(property = "revision", defaultValue = "-1")
  private String revision;

  /** Prints the SQL script of the downgrade instead of running it; needs {@code -Drevision=from:to}. */
  @Parameter(property = "sql", defaultValue = "false")
  private boolean sql;

  /** With {@code -Dsql}: the file the script is written to; standard output when unset. */
  @Parameter(property = "output")
  private File output;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (sql) {
      String script = groups.isEmpty() ? migrate(projectClasses, false).downgradeSql(revision)
          : groupScripts(groups, projectClasses, migrate -> migrate.downgradeSql(revision));
      Output.write(script, output, getLog(), "the downgrade script");
      return;
    }
    if (!groups.isEmpty()) {
      groupChains(groups, projectClasses).downgrade(selectedGroups(groups), revision)
          .forEach(result -> Results.log(getLog(), "downgrade", result));
    } else if (fansOut()) {
      fanOut(projectClasses, "downgrade", migrate -> migrate.downgrade(revision));
    } else {
      RunResult result = migrate(projectClasses).downgrade(revision);
      Results.log(getLog(), "downgrade", result);
    }
  }
}
