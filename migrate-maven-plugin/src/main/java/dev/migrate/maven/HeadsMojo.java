package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.runner.HistoryEntry;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the heads of the revision graph (Alembic's {@code heads}): {@code 3f2a9c1d7b04 (shop)
 * (head)}, one a line. Several heads mean branches that are not merged yet. Needs no database.
 */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class HeadsMojo extends AbstractMigrateMojo {

  /** Prints each head as {@code history} does, with its down revisions and message. */
  @Parameter(property = "migrate.verbose", defaultValue = "false")
  private boolean verbose;

  @Override
  protected void run(ClassLoader projectClasses) {
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    if (migrate.graph().isEmpty()) {
      getLog().info("No revisions yet: run `mvn migrate:autogen -Dmessage=...`");
    }
    for (HistoryEntry head : migrate.heads(Migrate.RevisionMarks.GRAPH_ONLY)) {
      getLog()
          .info(
              verbose
                  ? head.toString()
                  : head.id()
                      + (head.labels().isEmpty()
                          ? ""
                          : " (" + String.join(", ", head.labels()) + ")")
                      + " (head)");
    }
    if (migrate.graph().heads().size() > 1) {
      getLog()
          .info(
              "Several heads: run `mvn migrate:merge -Dmessage=...` to join them, or target one with"
                  + " -Dmigrate.revision=<id> or <label>@head");
    }
  }
}
