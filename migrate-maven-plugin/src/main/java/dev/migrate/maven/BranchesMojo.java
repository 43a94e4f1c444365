package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RevisionGraph;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints each branch point and the revisions that branch from it (Alembic's {@code branches}):
 *
 * <pre>
 * 9b1e4c2a7d10 (branchpoint), create customer
 *     -&gt; 3f2a9c1d7b04 (head), add phone
 *     -&gt; ae1027a6acf0 (head), add email
 * </pre>
 *
 * Needs no database.
 */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class BranchesMojo extends AbstractMigrateMojo {

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    RevisionGraph graph = migrate.graph();
    if (graph.branchPoints().isEmpty()) {
      getLog()
          .info(
              "No branch points: the revisions form "
                  + (graph.bases().size() > 1
                      ? graph.bases().size() + " independent chains"
                      : "one chain"));
    }
    for (String id : graph.branchPoints()) {
      HistoryEntry point = HistoryEntry.of(graph, id, false);
      getLog().info(id + label(point) + " (branchpoint), " + point.message());
      for (String child : graph.children(id)) {
        HistoryEntry c = HistoryEntry.of(graph, child, false);
        getLog()
            .info("    -> " + child + label(c) + (c.head() ? " (head)" : "") + ", " + c.message());
      }
    }
  }

  private static String label(HistoryEntry e) {
    return e.labels().isEmpty() ? "" : " (" + String.join(", ", e.labels()) + ")";
  }
}
