package dev.migrate;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A command run after Migrate writes a migration class, as Alembic's {@code post_write_hooks}: a
 * formatter ({@code npx prettier --write {file}}), a linter, or {@code mvn spotless:apply}. The
 * command runs without a shell, in a given directory, bounded by a timeout; its output (standard
 * output and error, merged) goes line by line to the log; a non-zero exit, a timeout or a command
 * that cannot start fails with {@link ErrorCode#CONFIGURATION} naming the command.
 *
 * <p>Every {@value #FILE} in an argument is replaced by the absolute path of the written file.
 */
public final class PostWriteHook {

  /** The placeholder replaced by the written file's absolute path. */
  public static final String FILE = "{file}";

  private final List<String> command;
  private final Path directory;
  private final Duration timeout;

  /**
   * @param command the program and its arguments, each possibly holding {@value #FILE}; not empty
   * @param directory the working directory, for example the project's base directory
   * @param timeout how long the command may run before it is killed and the hook fails; positive
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the command is empty or the
   *     timeout is not positive
   */
  public PostWriteHook(List<String> command, Path directory, Duration timeout) {
    this.command = List.copyOf(command);
    this.directory = Objects.requireNonNull(directory, "directory");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (this.command.isEmpty() || this.command.get(0).isBlank()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION, "The post-write hook names no command: set <postWrite>.");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "The post-write hook's timeout must be positive, not "
              + timeout.toSeconds()
              + " seconds: set <postWrite><timeout>.");
    }
  }

  /**
   * A hook from one command line, split into words at white space; single or double quotes keep
   * white space inside a word ({@code sh -c 'cat {file} > /dev/null'}). No shell runs it: for pipes
   * or redirections, call one ({@code sh -c '...'}).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the line is empty or a quote is
   *     not closed
   */
  public static PostWriteHook parse(String commandLine, Path directory, Duration timeout) {
    return new PostWriteHook(split(commandLine), directory, timeout);
  }

  /**
   * {@code commandLine} split into words at white space, quotes ({@code '...'}, {@code "..."})
   * grouping and removed.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if a quote is not closed
   */
  public static List<String> split(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char ch : commandLine.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(ch);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "The post-write command `" + commandLine + "` has an unclosed " + quote + ".");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The command, {@value #FILE} not yet replaced. */
  public List<String> command() {
    return command;
  }

  /**
   * Runs the command on {@code file} ({@value #FILE} replaced by its absolute path) and waits for
   * it.
   *
   * @param file the written migration class
   * @param log receives {@code "Post-write hook: <command>"}, then each line the command prints
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the command cannot start, exits
   *     with a non-zero status or outlasts the timeout (it is then killed)
   */
  public void run(Path file, Consumer<String> log) {
    String path = file.toAbsolutePath().toString();
    List<String> arguments = command.stream().map(a -> a.replace(FILE, path)).toList();
    String shown = String.join(" ", arguments);
    log.accept("Post-write hook: " + shown);
    Process process;
    try {
      process =
          new ProcessBuilder(arguments)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
    } catch (IOException e) {
      throw failure(shown, file, "cannot start: " + e.getMessage(), e);
    }
    Thread output = new Thread(() -> copyLines(process, log), "migrate-post-write-output");
    output.setDaemon(true);
    output.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw failure(
            shown,
            file,
            "did not finish within "
                + timeout.toSeconds()
                + " seconds and was killed (raise <postWrite><timeout>)",
            null);
      }
      output.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw failure(shown, file, "was interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw failure(shown, file, "exited with status " + process.exitValue(), null);
    }
  }

  private static MigrateException failure(String command, Path file, String what, Throwable cause) {
    return new MigrateException(
        ErrorCode.CONFIGURATION,
        "Post-write hook `"
            + command
            + "` "
            + what
            + ". "
            + file
            + " was written: fix the command in <postWrite> (or the file), then run it by hand.",
        cause);
  }

  private static void copyLines(Process process, Consumer<String> log) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        log.accept("  " + line);
      }
    } catch (IOException e) {
      log.accept("  (output unreadable: " + e.getMessage() + ")");
    }
  }

  private static File nullFile() {
    return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
