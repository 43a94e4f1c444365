package dev.migrate.maven;

import dev.migrate.Migrate;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revision(s) the database is at, one per row of the version table, each marked {@code (head)} when it
 * is a head (Alembic's {@code current}).
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CurrentMojo extends AbstractMigrateMojo {

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = migrate(projectClasses);
    List<String> current = migrate.current();
    List<String> heads = migrate.graph().heads();
    String headText = heads.isEmpty() ? "" : (heads.size() == 1 ? "; head is " : "; heads are ")
        + String.join(", ", heads);
    if (current.isEmpty()) {
      getLog().info("Schema " + schema() + ": <base> (no revision applied)" + headText);
    }
    for (String id : current) {
      getLog().info("Schema " + schema() + ": " + id + (heads.contains(id) ? " (head)" : headText));
    }
  }
}
