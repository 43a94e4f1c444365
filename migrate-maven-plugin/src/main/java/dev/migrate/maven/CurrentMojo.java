package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.RunResult;
import dev.migrate.schema.GroupChains;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revision(s) the database is at, one per row of the version table, each marked {@code (head)} when it
 * is a head (Alembic's {@code current}): per schema group, or per target schema ({@code -Dschema=tenant_*} prints
 * the summary table of every match).
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CurrentMojo extends AbstractMigrateMojo {

  @Override
  protected void run(ClassLoader projectClasses) {
    SchemaGroups groups = groups();
    if (!groups.isEmpty()) {
      GroupChains chains = groupChains(groups, projectClasses);
      for (SchemaGroup group : selectedGroups(groups)) {
        print("Schema group " + group.alias() + " (" + group.schema() + ")", chains.chain(group));
      }
    } else if (fansOut()) {
      fanOut(projectClasses, "current", migrate -> {
        List<String> current = migrate.current();
        String at = current.isEmpty() ? null : String.join(",", current);
        return new RunResult(migrate.schema(), at, at, List.of(), 0);
      });
    } else {
      print("Schema " + schema(), migrate(projectClasses));
    }
  }

  private void print(String what, Migrate migrate) {
    List<String> current = migrate.current();
    List<String> heads = migrate.graph().heads();
    String headText = heads.isEmpty() ? "" : (heads.size() == 1 ? "; head is " : "; heads are ")
        + String.join(", ", heads);
    if (current.isEmpty()) {
      getLog().info(what + ": <base> (no revision applied)" + headText);
    }
    for (String id : current) {
      getLog().info(what + ": " + id + (heads.contains(id) ? " (head)" : headText));
    }
  }
}
