package dev.migrate.maven;

import dev.migrate.Migrate;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Prints the revision the database is at, marked {@code (head)} when it is the head (Alembic's {@code current}). */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CurrentMojo extends AbstractMigrateMojo {

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = migrate(projectClasses);
    List<String> current = migrate.current();
    String head = migrate.graph().head().map(r -> r.id()).orElse(null);
    if (current.isEmpty()) {
      getLog().info("Schema " + schema() + ": <base> (no revision applied)"
          + (head == null ? "" : "; head is " + head));
    }
    for (String id : current) {
      getLog().info("Schema " + schema() + ": " + id + (id.equals(head) ? " (head)" : "; head is " + head));
    }
  }
}
