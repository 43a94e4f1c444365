package dev.migrate.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a merge revision that joins several heads into one (Alembic's {@code merge}). It changes
 * nothing by itself; add ops to it only if the merged branches conflict. Needs no database.
 *
 * <pre>mvn migrate:merge -Dmessage="merge shop and billing"          # every head<br>
 * mvn migrate:merge -Dmessage=merge -Dmigrate.revisions=3f2a9c,ae1027<br></pre>
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class MergeMojo extends AbstractWritingMojo {

  /** The revision message; it also names the class. */
  @Parameter(property = "message", defaultValue = "")
  private String message;

  /**
   * The revisions to merge, comma-separated (ids, partial ids, {@code <label>@head}); default:
   * every head.
   */
  @Parameter(property = "migrate.revisions")
  private List<String> revisions;

  @Override
  protected void run(ClassLoader projectClasses) {
    Path file =
        chain(projectClasses, DatabaseUse.IF_CONFIGURED)
            .merge(
                message,
                revisions == null ? List.of() : revisions,
                migrationsDirectory.toPath(),
                migrationsPackage);
    getLog()
        .info(
            "Generated " + file + " (a merge revision); review it, then run `mvn migrate:upgrade`");
    postWrite(List.of(file));
  }
}
