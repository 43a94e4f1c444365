package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@link PostWriteHook}: a command run on a written file. No database; POSIX {@code sh}. */
class PostWriteHookTest {

  @TempDir Path dir;
  private final List<String> log = new ArrayList<>();

  @Test
  void splitsAtWhiteSpaceKeepingQuotedWordsWhole() {
    assertThat(PostWriteHook.split("  npx prettier --write {file} "))
        .containsExactly("npx", "prettier", "--write", "{file}");
    assertThat(PostWriteHook.split("sh -c 'echo \"a b\" >> {file}' x\"y z\""))
        .containsExactly("sh", "-c", "echo \"a b\" >> {file}", "xy z");
    assertThat(PostWriteHook.split("a '' b")).containsExactly("a", "", "b");
  }

  @Test
  void anUnclosedQuoteOrAnEmptyCommandIsAConfigurationError() {
    assertThatThrownBy(() -> PostWriteHook.split("sh -c 'echo"))
        .isInstanceOf(MigrateException.class)
        .hasMessage("The post-write command `sh -c 'echo` has an unclosed '.");
    assertThatThrownBy(() -> PostWriteHook.parse(" ", dir, Duration.ofSeconds(1)))
        .hasMessage("The post-write hook names no command: set <postWrite>.");
    assertThatThrownBy(() -> PostWriteHook.parse("true", dir, Duration.ZERO))
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void runsOnTheFileInTheDirectoryAndLogsItsOutput() throws IOException {
    Path file = Files.writeString(dir.resolve("R1.java"), "class R1 {}\n");
    PostWriteHook.parse(
            "sh -c 'echo \"// formatted\" >> \"$1\"; pwd; echo done >&2' hook {file}",
            dir,
            Duration.ofSeconds(30))
        .run(file, log::add);

    assertThat(Files.readString(file)).isEqualTo("class R1 {}\n// formatted\n");
    assertThat(log.get(0)).startsWith("Post-write hook: sh -c ").endsWith("hook " + file);
    assertThat(log.subList(1, log.size()))
        .containsExactlyInAnyOrder("  " + dir.toRealPath(), "  done");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aNonZeroExitFailsNamingTheCommandAndTheFile() {
    Path file = dir.resolve("R1.java");
    assertThatThrownBy(
            () ->
                PostWriteHook.parse("sh -c 'exit 3'", dir, Duration.ofSeconds(30))
                    .run(file, log::add))
        .isInstanceOf(MigrateException.class)
        .satisfies(
            e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessage(
            "Post-write hook `sh -c exit 3` exited with status 3. "
                + file
                + " was written: fix the command in <postWrite> (or the file), then run it by hand.");
  }

  @Test
  void aCommandThatCannotStartFailsNamingIt() {
    assertThatThrownBy(
            () ->
                PostWriteHook.parse("no-such-formatter-xyz {file}", dir, Duration.ofSeconds(30))
                    .run(dir.resolve("R1.java"), log::add))
        .hasMessageStartingWith(
            "Post-write hook `no-such-formatter-xyz " + dir.resolve("R1.java") + "` cannot start:");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aCommandThatOutlastsTheTimeoutIsKilled() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                PostWriteHook.parse("sleep 30", dir, Duration.ofMillis(300))
                    .run(dir.resolve("R1.java"), log::add))
        .hasMessageContaining("`sleep 30` did not finish within 0 seconds and was killed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
