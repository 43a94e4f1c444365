package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded waits that name who is in the way, against a real PostgreSQL: a revision whose table
 * another session has locked gives up within the lock timeout, is tried again, and finally fails
 * naming the blocking session and applying nothing of itself; a second run waiting for the schema's
 * advisory lock names the run that holds it.
 */
@PostgresTest
class LockTimeoutTest extends PerTestDatabase {

  @Revision(id = "10c000000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "10c000000002", revises = "10c000000001", message = "create invoice")
  public static class CreateInvoice extends CustomerMigrations.CreateInvoice {}

  @Revision(id = "10c000000003", revises = "10c000000002", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  static CountDownLatch entered;
  static CountDownLatch release;

  private final CountDownLatch retrying = new CountDownLatch(1);

  @Revision(id = "10c000000004", revises = "10c000000003", message = "slow")
  public static class Slow implements Migration {
    @Override
    public void upgrade(Operations op) {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void downgrade(Operations op) {}
  }

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void latches() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  private Migrate migrate(Duration lockTimeout, int retries, Class<?>... migrations) {
    return db.configure()
        .migrations(List.of(migrations))
        .lockTimeout(lockTimeout)
        .lockRetries(retries)
        .log(
            line -> {
              log.add(line);
              if (line.contains("Trying again")) {
                retrying.countDown();
              }
            })
        .load();
  }

  /** A session that holds {@code LOCK TABLE customer IN ACCESS EXCLUSIVE MODE} until closed. */
  private Connection lockCustomer() throws SQLException {
    Connection blocker = db.connect();
    try (Statement s = blocker.createStatement()) {
      s.execute("SET application_name = 'blocker-app'");
      blocker.setAutoCommit(false);
      s.execute("LOCK TABLE customer IN ACCESS EXCLUSIVE MODE");
    }
    return blocker;
  }

  @Test
  void aLockedTableFailsWithinTheBoundNamingTheBlockerAndAppliesNothing() throws Exception {
    migrate(Duration.ofSeconds(5), 0, CreateCustomer.class).upgrade("head");
    Migrate migrate =
        migrate(
            Duration.ofMillis(300), 1, CreateCustomer.class, CreateInvoice.class, AddEmail.class);
    Connection blocker = lockCustomer();
    try {
      String blockerPid =
          db.rows("SELECT pid FROM pg_stat_activity WHERE application_name = 'blocker-app'").get(0);
      long started = System.nanoTime();
      assertThatThrownBy(() -> migrate.upgrade("head"))
          .isInstanceOf(MigrateException.class)
          .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.LOCKED))
          .hasMessageContaining(
              "Revision 10c000000003 ("
                  + AddEmail.class.getName()
                  + ") could not take the locks it needs in schema public")
          .hasMessageContaining(
              "it waited longer than the lock timeout (300 ms) on each of 2 tries")
          .hasMessageContaining("in statement: ALTER TABLE customer ADD COLUMN email varchar(255)")
          .hasMessageContaining(
              "Blocking session(s): pid " + blockerPid + " (application_name 'blocker-app'")
          .hasMessageContaining("state 'idle in transaction'")
          .hasMessageContaining("query 'LOCK TABLE customer IN ACCESS EXCLUSIVE MODE'")
          .hasMessageContaining("holds AccessExclusiveLock on customer")
          .hasMessageContaining(
              "Nothing of revision 10c000000003 was applied (its transaction rolled back)."
                  + " Applied before it in this run: 10c000000002; the schema stays at 10c000000002.")
          .hasMessageContaining("SELECT pg_terminate_backend(" + blockerPid + ")");
      // two tries of 300 ms and a pause of 1 s, with room for a loaded machine; an unbounded wait
      // would never end
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(log)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith(
                          "Revision 10c000000003 waited longer than the lock timeout (300 ms) for a"
                              + " lock; nothing of it was applied. Blocking: pid "
                              + blockerPid
                              + " (application_name 'blocker-app'")
                      .endsWith("Trying again in 1000 ms (try 2 of 2)"));
    } finally {
      blocker.close();
    }
    assertThat(migrate.current()).containsExactly("10c000000002");
    assertThat(
            db.rows(
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'customer' ORDER BY ordinal_position"))
        .containsExactly("id");
    assertThat(db.rows("SELECT revision || ' ' || success FROM migrate_history ORDER BY id"))
        .containsExactly(
            "10c000000001 true", "10c000000002 true", "10c000000003 false", "10c000000003 false");

    // the blocker is gone: the same run succeeds
    assertThat(migrate.upgrade("head").to()).isEqualTo("10c000000003");
    assertThat(
            db.rows(
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'customer' ORDER BY ordinal_position"))
        .containsExactly("id", "email");
  }

  @Test
  void aRetrySucceedsWhenTheLockIsReleasedMeanwhile() throws Exception {
    migrate(Duration.ofSeconds(5), 0, CreateCustomer.class).upgrade("head");
    Migrate migrate =
        migrate(
            Duration.ofMillis(300), 3, CreateCustomer.class, CreateInvoice.class, AddEmail.class);
    Connection blocker = lockCustomer();
    CompletableFuture<Void> released =
        CompletableFuture.runAsync(
            () -> {
              try {
                // released during the pause before the second try, whatever the machine's speed
                assertThat(retrying.await(20, TimeUnit.SECONDS)).isTrue();
                blocker.close(); // rolls back, releasing the lock
              } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(migrate.upgrade("head").to()).isEqualTo("10c000000003");
    released.get(10, TimeUnit.SECONDS);
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("(application_name 'blocker-app'")
                    .endsWith("(try 2 of 4)"));
    assertThat(db.rows("SELECT revision || ' ' || success FROM migrate_history ORDER BY id"))
        .endsWith("10c000000003 false", "10c000000003 true");
  }

  @Test
  void eachRevisionSetsItsLockTimeoutAndTheSessionNamesItsRun() throws Exception {
    Migrate migrate =
        db.configure()
            .migrations(List.of(CreateCustomer.class, ShowSettings.class))
            .lockTimeout(Duration.ofMillis(1234))
            .statementTimeout(Duration.ofSeconds(42))
            .load();
    migrate.upgrade("head");
    assertThat(db.rows("SELECT setting FROM seen ORDER BY name"))
        .containsExactly("migrate upgrade public", "2000", "1234", "42000");
  }

  @Revision(id = "10c0000000a2", revises = "10c000000001", message = "record settings")
  public static class ShowSettings implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute(
          "CREATE TABLE seen AS SELECT name, setting FROM pg_settings WHERE name IN"
              + " ('application_name', 'lock_timeout', 'statement_timeout',"
              + " 'client_connection_check_interval')");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("DROP TABLE seen");
    }
  }

  @Test
  void aRunWaitingForTheSchemaLockNamesTheRunThatHoldsIt() throws Exception {
    Class<?>[] chain = {CreateCustomer.class, CreateInvoice.class, AddEmail.class, Slow.class};
    migrate(Duration.ofSeconds(5), 0, chain).upgrade("10c000000003");
    CompletableFuture<?> first =
        CompletableFuture.supplyAsync(
            () -> migrate(Duration.ofSeconds(5), 0, chain).upgrade("head"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      String holder =
          db.rows(
                  "SELECT pid FROM pg_stat_activity WHERE application_name = 'migrate upgrade public'")
              .get(0);
      Migrate second =
          db.configure()
              .migrations(List.of(chain))
              .lockWait(Duration.ofSeconds(1))
              .log(log::add)
              .load();
      long started = System.nanoTime();
      assertThatThrownBy(() -> second.upgrade("head"))
          .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.LOCKED))
          .hasMessageContaining(
              "Another migration run holds the lock on schema public of "
                  + db.settings().describe()
                  + " and did not release it within 1 s (-Dmigrate.lockWait). Holder: pid "
                  + holder
                  + " (application_name 'migrate upgrade public'")
          .hasMessageContaining("SELECT pg_terminate_backend(" + holder + ")");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(log)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith(
                          "Waiting for the lock on schema public: another migration run holds it"
                              + " (pid "
                              + holder
                              + " (application_name 'migrate upgrade public'")
                      .endsWith("giving up in 1 s"));
    } finally {
      release.countDown();
    }
    first.get(10, TimeUnit.SECONDS);
  }
}
