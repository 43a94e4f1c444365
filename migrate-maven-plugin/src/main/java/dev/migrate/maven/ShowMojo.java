package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints one revision (Alembic's {@code show}): its id, down revisions, dependencies, branch
 * labels, the revisions that revise it, its file and message. Needs no database.
 *
 * <pre>mvn migrate:show -Dmigrate.revision=3f2a<br>
 * mvn migrate:show -Dmigrate.revision=shop@head<br></pre>
 *
 * <p>Does not compile: reads the classes of the last compile, and warns when a source is newer
 * (after a change: {@code mvn compile migrate:show}).
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ShowMojo extends AbstractMigrateMojo {

  /**
   * The revision: a full or partial id, a branch label, {@code head}, {@code <label>@head}, {@code
   * <rev>-N}.
   */
  @Parameter(property = "migrate.revision", defaultValue = "head")
  private String revision;

  @Override
  protected Freshness freshness() {
    return Freshness.WARN_IF_STALE;
  }

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    HistoryEntry e = migrate.show(revision);
    List<String> children = migrate.graph().children(e.id());
    answer(
        "Rev: "
            + e.id()
            + (e.head() ? " (head)" : "")
            + (e.branchPoint() ? " (branchpoint)" : "")
            + (e.mergePoint() ? " (mergepoint)" : ""));
    answer(
        (e.mergePoint() ? "Merges: " : "Parent: ")
            + (e.revises().isEmpty() ? "<base>" : String.join(", ", e.revises())));
    if (!e.dependsOn().isEmpty()) {
      answer("Also depends on: " + String.join(", ", e.dependsOn()));
    }
    if (!e.labels().isEmpty()) {
      answer("Branch names: " + String.join(", ", e.labels()));
    }
    if (!children.isEmpty()) {
      answer(
          (children.size() > 1 ? "Branches into: " : "Revised by: ") + String.join(", ", children));
    }
    answer("Path: " + e.sourceFile());
    answer("");
    answer("    " + e.message());
  }
}
