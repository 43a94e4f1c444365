package dev.migrate.maven;

/**
 * The {@code <postWrite>} configuration of the goals that write migration classes ({@code autogen},
 * {@code revision}, {@code merge}): what runs on each new file, as Alembic's {@code
 * post_write_hooks}.
 *
 * <pre>{@code
 * <postWrite>
 *   <command>npx prettier --write {file}</command>   <!-- once per file, {file} replaced -->
 *   <goals>spotless:apply</goals>                    <!-- once, on the project -->
 *   <timeout>120</timeout>                           <!-- seconds, for each run -->
 * </postWrite>
 * }</pre>
 */
public class PostWrite {

  /**
   * A command line run once per written file in the project's base directory, {@code {file}}
   * replaced by the file's absolute path; split at white space, quotes group words, no shell.
   */
  String command;

  /**
   * Maven goals (and options) run once on the project after the files are written, for example
   * {@code spotless:apply} or {@code spring-javaformat:apply}: {@code mvn} of the running Maven,
   * with the same settings, local repository, offline mode and active profiles.
   */
  String goals;

  /** How long each command or Maven run may take, in seconds; default 120. */
  int timeout = 120;

  /** Whether anything is configured. */
  boolean isEmpty() {
    return (command == null || command.isBlank()) && (goals == null || goals.isBlank());
  }
}
