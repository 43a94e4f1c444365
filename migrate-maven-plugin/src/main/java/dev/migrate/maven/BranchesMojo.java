package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RevisionGraph;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints each branch point and the revisions that branch from it (Alembic's {@code branches}):
 *
 * <pre>
 * 9b1e4c2a7d10 (branchpoint), create customer<br>
 *     -&gt; 3f2a9c1d7b04 (head), add phone<br>
 *     -&gt; ae1027a6acf0 (head), add email<br>
 * </pre>
 *
 * <p>Needs no database.
 *
 * <p>Does not compile: reads the classes of the last compile, and warns when a source is newer
 * (after a change: {@code mvn compile migrate:branches}).
 */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class BranchesMojo extends AbstractMigrateMojo {

  @Override
  protected Freshness freshness() {
    return Freshness.WARN_IF_STALE;
  }

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    RevisionGraph graph = migrate.graph();
    if (graph.branchPoints().isEmpty()) {
      answer(
          "No branch points: the revisions form "
              + (graph.bases().size() > 1
                  ? graph.bases().size() + " independent chains"
                  : "one chain"));
    }
    for (String id : graph.branchPoints()) {
      HistoryEntry point = HistoryEntry.of(graph, id, false);
      answer(id + label(point) + " (branchpoint), " + point.message());
      for (String child : graph.children(id)) {
        HistoryEntry c = HistoryEntry.of(graph, child, false);
        answer("    -> " + child + label(c) + (c.head() ? " (head)" : "") + ", " + c.message());
      }
    }
  }

  private static String label(HistoryEntry e) {
    return e.labels().isEmpty() ? "" : " (" + String.join(", ", e.labels()) + ")";
  }
}
