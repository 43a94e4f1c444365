package dev.migrate.maven;

import dev.migrate.schema.SchemaGroups;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies revisions up to a target, each in its own transaction.
 *
 * <pre>mvn migrate:upgrade                      # to head
 * mvn migrate:upgrade -Drevision=+1         # one step
 * mvn migrate:upgrade -Drevision=3f2a9c     # to a revision (partial ids work)
 * mvn migrate:upgrade -Dschema=user         # one schema group (and the revisions of others it depends on)
 * mvn migrate:upgrade -Dschema=tenant_*     # every matching schema, in parallel</pre>
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class UpgradeMojo extends AbstractMigrateMojo {

  /** The target: {@code head}, {@code +N}, {@code head-N}, or a full or unambiguous partial revision id. */
  @Parameter(property = "revision", defaultValue = "head")
  private String revision;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      groupChains(groups, projectClasses).upgrade(selectedGroups(groups), revision)
          .forEach(result -> Results.log(getLog(), "upgrade", result));
    } else if (fansOut()) {
      fanOut(projectClasses, "upgrade", migrate -> migrate.upgrade(revision));
    } else {
      Results.log(getLog(), "upgrade", migrate(projectClasses).upgrade(revision));
    }
  }
}
