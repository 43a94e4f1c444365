package dev.migrate.maven;

import dev.migrate.Current;
import dev.migrate.Outcome;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the revision(s) the database is at, one per row of the version table, each marked {@code
 * (head)} when it is a head (Alembic's {@code current}): per schema group, or per target schema
 * ({@code -Dmigrate.schema=tenant_*} prints the summary table of every match).
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class CurrentMojo extends AbstractMigrateMojo {

  @Override
  protected void run(ClassLoader projectClasses) {
    logEach(schemas(projectClasses, DatabaseUse.REQUIRED).current(), this::print);
  }

  private void print(Outcome<Current> outcome) {
    String what = outcome.label();
    List<String> current = outcome.value().revisions();
    List<String> heads = outcome.value().heads();
    String headText =
        heads.isEmpty()
            ? ""
            : (heads.size() == 1 ? "; head is " : "; heads are ") + String.join(", ", heads);
    if (current.isEmpty()) {
      getLog().info(what + ": <base> (no revision applied)" + headText);
    }
    for (String id : current) {
      getLog().info(what + ": " + id + (heads.contains(id) ? " (head)" : headText));
    }
  }
}
