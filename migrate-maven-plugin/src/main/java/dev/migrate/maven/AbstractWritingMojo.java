package dev.migrate.maven;

import dev.migrate.PostWriteHook;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that writes migration classes ({@code autogen}, {@code revision}, {@code merge}), then
 * runs the {@code <postWrite>} hook on them.
 */
abstract class AbstractWritingMojo extends AbstractMigrateMojo {

  /**
   * What runs on each written migration class, as Alembic's {@code post_write_hooks}: a {@code
   * <command>} run once per file ({@code {file}} replaced by its path, in the project directory),
   * and/or Maven {@code <goals>} run once on the project; {@code <timeout>} bounds each run, in
   * seconds (default 120). A failing run fails the goal, naming the command. Without one, the
   * generated code already follows google-java-format.
   *
   * <pre>{@code
   * <postWrite><command>npx prettier --write {file}</command></postWrite>
   * <postWrite><goals>spotless:apply</goals></postWrite>
   * }</pre>
   */
  @Parameter private PostWrite postWrite;

  /** Skips the {@code <postWrite>} hook ({@code -Dmigrate.postWrite.skip}). */
  @Parameter(property = "migrate.postWrite.skip", defaultValue = "false")
  private boolean postWriteSkip;

  /**
   * Runs {@code <postWrite>} on {@code files}: the command on each, then the Maven goals once.
   *
   * @throws dev.migrate.MigrateException if a run fails, exits non-zero or times out
   */
  protected void postWrite(List<Path> files) {
    if (postWrite == null || postWrite.isEmpty() || files.isEmpty()) {
      return;
    }
    if (postWriteSkip) {
      getLog().info("Skipping the post-write hook (migrate.postWrite.skip)");
      return;
    }
    Path directory = project.getBasedir().toPath();
    Duration timeout = Duration.ofSeconds(postWrite.timeout);
    if (postWrite.command != null && !postWrite.command.isBlank()) {
      PostWriteHook hook = PostWriteHook.parse(postWrite.command, directory, timeout);
      files.forEach(file -> hook.run(file, getLog()::info));
    }
    if (postWrite.goals != null && !postWrite.goals.isBlank()) {
      new PostWriteHook(maven(PostWriteHook.split(postWrite.goals)), directory, timeout)
          .run(files.get(0), getLog()::info);
    }
  }

  /**
   * The command line of {@code goals} on this project with the running Maven ({@code
   * ${maven.home}/bin/mvn}) and this session's settings, local repository, offline mode and active
   * profiles: a separate build, so that the goals run as the user would type them.
   */
  private List<String> maven(List<String> goals) {
    String home = System.getProperty("maven.home");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    String mvn = windows ? "mvn.cmd" : "mvn";
    List<String> command = new ArrayList<>();
    command.add(home == null ? mvn : new File(new File(home, "bin"), mvn).getPath());
    command.add("-B");
    command.add("-f");
    command.add(project.getFile().getAbsolutePath());
    if (session.isOffline()) {
      command.add("-o");
    }
    File userSettings = session.getRequest().getUserSettingsFile();
    if (userSettings != null && userSettings.isFile()) {
      command.add("-s");
      command.add(userSettings.getAbsolutePath());
    }
    File globalSettings = session.getRequest().getGlobalSettingsFile();
    if (globalSettings != null && globalSettings.isFile()) {
      command.add("-gs");
      command.add(globalSettings.getAbsolutePath());
    }
    File localRepository = session.getRequest().getLocalRepositoryPath();
    if (localRepository != null) {
      command.add("-Dmaven.repo.local=" + localRepository.getAbsolutePath());
    }
    List<String> profiles = session.getRequest().getActiveProfiles();
    if (!profiles.isEmpty()) {
      command.add("-P" + String.join(",", profiles));
    }
    command.addAll(goals);
    return command;
  }
}
