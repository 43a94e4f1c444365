package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.GraphPictures;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.schema.GroupChains;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revisions newest first, in Alembic's format ({@code 9b1e4c2a7d10 -> 3f2a9c1d7b04 (head) (current),
 * add phone}; merges list their down revisions, branch points and merge points are marked). {@code (current)} needs
 * a configured database; without one the graph alone is printed. With {@code -Dverbose}, also the runs recorded in
 * {@code migrate_history}.
 *
 * <pre>mvn migrate:history -Drange=3f2a:head
 * mvn -q migrate:history -Dformat=mermaid > docs/migrations.md     # a picture GitHub renders</pre>
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class HistoryMojo extends AbstractMigrateMojo {

  /** Also prints the recorded runs (applied at, by, duration, outcome). */
  @Parameter(property = "verbose", defaultValue = "false")
  private boolean verbose;

  /**
   * Only the revisions between two targets, both included: {@code lower:upper}, either side empty for base or the
   * heads, each a target or {@code current} ({@code -Drange=current:}, {@code -Drange=:3f2a}).
   */
  @Parameter(property = "range", defaultValue = "")
  private String range;

  /**
   * {@code text} (log lines), {@code mermaid} (a fenced block GitHub renders) or {@code dot} (Graphviz); the
   * pictures go to standard output or {@code -Doutput}.
   */
  @Parameter(property = "format", defaultValue = "text")
  private String format;

  /** With {@code -Dformat=mermaid|dot}: the file the picture is written to; standard output when unset. */
  @Parameter(property = "output")
  private File output;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      GroupChains chains = groupChains(groups, projectClasses, false);
      for (SchemaGroup group : selectedGroups(groups)) {
        getLog().info("Schema group " + group.alias() + " (" + group.schema() + "):");
        print(chains.chain(group));
      }
      return;
    }
    print(migrate(projectClasses, false));
  }

  private void print(Migrate migrate) {
    List<HistoryEntry> entries = migrate.history(range, migrate.hasDatabase());
    switch (format) {
      case "mermaid":
        Output.write(GraphPictures.mermaid(entries), output, getLog(), "the revision graph");
        return;
      case "dot":
        Output.write(GraphPictures.dot(entries), output, getLog(), "the revision graph");
        return;
      case "text":
        break;
      default:
        throw new dev.migrate.MigrateException(dev.migrate.ErrorCode.CONFIGURATION, "Unknown -Dformat=" + format
            + ": use text, mermaid or dot.");
    }
    if (entries.isEmpty()) {
      getLog().info(migrate.graph().isEmpty() ? "No revisions yet: run `mvn migrate:autogen -Dmessage=...`"
          : "No revisions in range " + range);
    }
    entries.forEach(e -> getLog().info(e.toString()));
    if (verbose && migrate.hasDatabase()) {
      getLog().info("Runs recorded in schema " + migrate.schema() + ":");
      migrate.appliedHistory().forEach(row -> getLog().info(String.format("  %s  %-9s %s  by %s  %d ms%s",
          row.appliedAt(), row.direction(), row.revision(), row.appliedBy(), row.durationMillis(),
          row.success() ? "" : "  FAILED")));
    }
  }
}
