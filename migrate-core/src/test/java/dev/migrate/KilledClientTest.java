package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client killed with {@code kill -9} while its revision runs a long statement: the server notices
 * within the connection check interval ({@code client_connection_check_interval}, set by every run
 * on PostgreSQL 14+), cancels the statement, ends the session and releases its locks, instead of
 * running the statement to its end. The client is a child JVM on this test's class path running
 * {@link #main}.
 */
@PostgresTest
class KilledClientTest extends PerTestDatabase {

  /** A revision whose statement runs for a minute. */
  @Revision(id = "k11100000001", message = "sleep")
  public static class Sleep implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("SELECT pg_sleep(60)");
    }

    @Override
    public void downgrade(Operations op) {}
  }

  /** The child: upgrades the database {@code args[0]} as user {@code args[1]} to {@link Sleep}. */
  public static void main(String[] args) {
    Migrate.configure()
        .connection(new ConnectionSettings(args[0], args[1], System.getenv("MIGRATE_PASSWORD")))
        .migrations(List.of(Sleep.class))
        .load()
        .upgrade("head");
  }

  @Test
  void theStatementOfAKilledClientIsCancelled(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("child.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledClientTest.class.getName(),
                db.url(),
                db.user())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("MIGRATE_PASSWORD", db.password());
    Process child = builder.start();
    String session = null;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (session == null && System.nanoTime() < deadline && child.isAlive()) {
        List<String> sleeping =
            db.rows(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'migrate upgrade public'"
                    + " AND state = 'active' AND query LIKE '%pg_sleep%'");
        session = sleeping.isEmpty() ? null : sleeping.get(0);
        Thread.sleep(100);
      }
      assertThat(session)
          .as("the child's session running pg_sleep; child output: %s", read(output))
          .isNotNull();
    } finally {
      child.destroyForcibly(); // SIGKILL: the client cannot say goodbye
      child.waitFor();
    }
    long killed = System.nanoTime();
    String pid = session;
    while (!db.rows("SELECT pid FROM pg_stat_activity WHERE pid = " + pid).isEmpty()
        && System.nanoTime() - killed < Duration.ofSeconds(30).toNanos()) {
      Thread.sleep(100);
    }
    // without the connection check, the session would run pg_sleep(60) to its end
    assertThat(db.rows("SELECT pid FROM pg_stat_activity WHERE pid = " + pid))
        .as("session %s, 30 s after its client was killed", pid)
        .isEmpty();
    assertThat(db.rows("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
        .containsExactly("0");
    assertThat(db.rows("SELECT count(*) FROM migrate_version")).containsExactly("0");
  }

  private static String read(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)" + File.separator;
  }
}
