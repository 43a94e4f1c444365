package dev.migrate.maven;

import dev.migrate.schema.SchemaGroups;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reverts revisions down to a target, each in its own transaction.
 *
 * <pre>mvn migrate:downgrade                     # one step back
 * mvn migrate:downgrade -Drevision=base     # everything
 * mvn migrate:downgrade -Dschema=user       # one step back in schema group user
 * mvn migrate:downgrade -Dschema=tenant_*   # one step back in every matching schema, in parallel</pre>
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DowngradeMojo extends AbstractMigrateMojo {

  /** The target, which stays applied: {@code -N}, {@code base}, or a full or unambiguous partial revision id. */
  @Parameter(property = "revision", defaultValue = "-1")
  private String revision;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      groupChains(groups, projectClasses).downgrade(selectedGroups(groups), revision)
          .forEach(result -> Results.log(getLog(), "downgrade", result));
    } else if (fansOut()) {
      fanOut(projectClasses, "downgrade", migrate -> migrate.downgrade(revision));
    } else {
      Results.log(getLog(), "downgrade", migrate(projectClasses).downgrade(revision));
    }
  }
}
