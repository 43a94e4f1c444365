package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.schema.GroupChains;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revisions newest first, in Alembic's format ({@code 9b1e4c2a7d10 -> 3f2a9c1d7b04 (head) (current),
 * add phone}). With {@code -Dverbose}, also the runs recorded in {@code migrate_history}.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class HistoryMojo extends AbstractMigrateMojo {

  /** Also prints the recorded runs (applied at, by, duration, outcome). */
  @Parameter(property = "verbose", defaultValue = "false")
  private boolean verbose;

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      GroupChains chains = groupChains(groups, projectClasses);
      for (SchemaGroup group : selectedGroups(groups)) {
        getLog().info("Schema group " + group.alias() + " (" + group.schema() + "):");
        print(chains.chain(group));
      }
      return;
    }
    print(migrate(projectClasses));
  }

  private void print(Migrate migrate) {
    List<HistoryEntry> entries = migrate.history(true);
    if (entries.isEmpty()) {
      getLog().info("No revisions yet: run `mvn migrate:autogen -Dmessage=...`");
    }
    entries.forEach(e -> getLog().info(e.toString()));
    if (verbose) {
      getLog().info("Runs recorded in schema " + migrate.schema() + ":");
      migrate.appliedHistory().forEach(row -> getLog().info(String.format("  %s  %-9s %s  by %s  %d ms%s",
          row.appliedAt(), row.direction(), row.revision(), row.appliedBy(), row.durationMillis(),
          row.success() ? "" : "  FAILED")));
    }
  }
}
