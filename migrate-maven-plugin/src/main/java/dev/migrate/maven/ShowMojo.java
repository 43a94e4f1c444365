package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints one revision (Alembic's {@code show}): its id, down revisions, dependencies, branch
 * labels, the revisions that revise it, its file and message. Needs no database.
 *
 * <pre>mvn migrate:show -Dmigrate.revision=3f2a
 * mvn migrate:show -Dmigrate.revision=shop@head</pre>
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class ShowMojo extends AbstractMigrateMojo {

  /**
   * The revision: a full or partial id, a branch label, {@code head}, {@code <label>@head}, {@code
   * <rev>-N}.
   */
  @Parameter(property = "migrate.revision", defaultValue = "head")
  private String revision;

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    HistoryEntry e = migrate.show(revision);
    List<String> children = migrate.graph().children(e.id());
    getLog()
        .info(
            "Rev: "
                + e.id()
                + (e.head() ? " (head)" : "")
                + (e.branchPoint() ? " (branchpoint)" : "")
                + (e.mergePoint() ? " (mergepoint)" : ""));
    getLog()
        .info(
            (e.mergePoint() ? "Merges: " : "Parent: ")
                + (e.revises().isEmpty() ? "<base>" : String.join(", ", e.revises())));
    if (!e.dependsOn().isEmpty()) {
      getLog().info("Also depends on: " + String.join(", ", e.dependsOn()));
    }
    if (!e.labels().isEmpty()) {
      getLog().info("Branch names: " + String.join(", ", e.labels()));
    }
    if (!children.isEmpty()) {
      getLog()
          .info(
              (children.size() > 1 ? "Branches into: " : "Revised by: ")
                  + String.join(", ", children));
    }
    getLog().info("Path: " + e.sourceFile());
    getLog().info("");
    getLog().info("    " + e.message());
  }
}
