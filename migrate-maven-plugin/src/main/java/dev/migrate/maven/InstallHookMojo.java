package dev.migrate.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Installs the git pre-commit hook that runs Migrate's offline check when the staged files include
 * entity sources or migrations, and blocks the commit with the check's message when the model and
 * the migrations disagree. A commit touching neither returns at once.
 *
 * <p>The hook is written to the repository's hooks directory ({@code git rev-parse --git-path
 * hooks}, so {@code core.hooksPath} and worktrees are honoured) with this project's directory and
 * migrations package filled in. An existing hook that Migrate did not write is left alone unless
 * {@code -Dmigrate.force}; then it is moved to {@code pre-commit.before-migrate}, which Migrate's
 * hook runs first, so both guards keep working. Running the goal again updates Migrate's own hook.
 *
 * <pre>mvn migrate:install-hook<br>
 * mvn migrate:install-hook -Dmigrate.force     # keep an existing hook, chained before Migrate's<br>
 * </pre>
 */
@Mojo(name = "install-hook", threadSafe = true, requiresProject = true)
public class InstallHookMojo extends AbstractMigrateMojo {

  /** The marker that identifies a hook Migrate wrote. */
  static final String MARKER = "migrate-pre-commit";

  /** The name an existing foreign hook is moved to by {@code -Dmigrate.force}. */
  static final String PREVIOUS = "pre-commit.before-migrate";

  /**
   * Installs even when a pre-commit hook Migrate did not write exists; that hook is kept and runs
   * first.
   */
  @Parameter(property = "migrate.force", defaultValue = "false")
  private boolean force;

  /** Needs no project classes: the hook runs the check later, on the commit's own build. */
  @Override
  protected void goal() throws MojoExecutionException, MojoFailureException {
    Path project = this.project.getBasedir().toPath().toAbsolutePath().normalize();
    Path top = Path.of(git(project, "rev-parse", "--show-toplevel")).toAbsolutePath().normalize();
    Path hooks = project.resolve(git(project, "rev-parse", "--git-path", "hooks")).normalize();
    Path migrations =
        migrationsDirectory
            .toPath()
            .toAbsolutePath()
            .normalize()
            .resolve(migrationsPackage.replace('.', '/'));
    String script =
        template()
            .replace(
                "MIGRATE_PROJECT_DIR=\"${MIGRATE_PROJECT_DIR:-.}\"",
                "MIGRATE_PROJECT_DIR=\"${MIGRATE_PROJECT_DIR:-" + relative(top, project) + "}\"")
            .replace(
                "MIGRATE_MIGRATIONS_DIR=\"${MIGRATE_MIGRATIONS_DIR:-}\"",
                "MIGRATE_MIGRATIONS_DIR=\"${MIGRATE_MIGRATIONS_DIR:-"
                    + relative(top, migrations)
                    + "}\"");
    Path hook = hooks.resolve("pre-commit");
    try {
      Files.createDirectories(hooks);
      if (Files.exists(hook) && !Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER)) {
        Path previous = hooks.resolve(PREVIOUS);
        if (!force) {
          throw new MojoFailureException(
              "A pre-commit hook that Migrate did not write exists at "
                  + hook
                  + ". Run `mvn migrate:install-hook -Dmigrate.force` to keep it as "
                  + PREVIOUS
                  + " (Migrate's hook runs it"
                  + " first), or call Migrate's plain script from your hook manager (see the README, \"Pre-commit"
                  + " guard\").");
        }
        if (Files.exists(previous)) {
          throw new MojoFailureException(
              "Both "
                  + hook
                  + " (not Migrate's) and "
                  + previous
                  + " exist; move one"
                  + " of them away, then run the goal again.");
        }
        Files.move(hook, previous, StandardCopyOption.ATOMIC_MOVE);
        previous.toFile().setExecutable(true, false);
        getLog().info("Moved the existing hook to " + previous + "; Migrate's hook runs it first");
      }
      Files.writeString(hook, script, StandardCharsets.UTF_8);
      try {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(hook);
        permissions.addAll(
            List.of(
                PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(hook, permissions);
      } catch (UnsupportedOperationException e) {
        hook.toFile().setExecutable(true, false);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + hook + ": " + e.getMessage(), e);
    }
    getLog()
        .info(
            "Installed "
                + hook
                + ": commits that stage entity classes or files under "
                + relative(top, migrations)
                + " run the offline check (skip once with `git commit --no-verify`)");
  }

  private static String relative(Path top, Path path) {
    String relative = top.relativize(path).toString().replace(File.separatorChar, '/');
    return relative.isEmpty() ? "." : relative;
  }

  private String template() throws MojoExecutionException {
    try (InputStream in = InstallHookMojo.class.getResourceAsStream("pre-commit.sh")) {
      if (in == null) {
        throw new MojoExecutionException("pre-commit.sh is missing from the plugin jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the hook template: " + e.getMessage(), e);
    }
  }

  /** The output of {@code git <args>} run in {@code directory}, stripped. */
  private static String git(Path directory, String... args)
      throws MojoExecutionException, MojoFailureException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
        throw new MojoExecutionException(
            "git " + String.join(" ", args) + " did not finish in 30 s");
      }
      if (process.exitValue() != 0) {
        throw new MojoFailureException(
            directory
                + " is not inside a git repository (git "
                + String.join(" ", args)
                + ": "
                + out
                + "). Run `git init` first, or run the goal in the project's repository.");
      }
      return out;
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while running git", e);
    }
  }
}
