package dev.migrate.runner;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runner against a real PostgreSQL: each test gets its own database. */
@PostgresTest
class RunnerTest extends PerTestDatabase {

  @Revision(id = "aaaaaaaaaaa1", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "bbbbbbbbbbb2", revises = "aaaaaaaaaaa1", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  @Revision(id = "ccccccccccc3", revises = "bbbbbbbbbbb2", message = "broken")
  public static class Broken implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable(table("half_done", column("id", bigint())));
      op.execute("ALTER TABLE no_such_table ADD COLUMN x integer");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable(table("half_done", column("id", bigint())));
    }
  }

  static final CountDownLatch ENTERED = new CountDownLatch(1);
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @Revision(id = "ddddddddddd4", revises = "bbbbbbbbbbb2", message = "slow")
  public static class Slow implements Migration {
    @Override
    public void upgrade(Operations op) {
      ENTERED.countDown();
      try {
        RELEASE.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void downgrade(Operations op) {}
  }

  private final List<String> log = new ArrayList<>();

  private Runner runner(String schema, Class<?>... migrations) {
    return new Runner(
        new PostgresDialect(),
        db.connections(),
        schema,
        RevisionGraph.of(Stream.of(migrations).map(RevisionInfo::of).toList()),
        Duration.ofMillis(300),
        log::add);
  }

  private List<String> query(String sql) throws SQLException {
    return db.rows(sql);
  }

  private List<String> columns(String schema, String table) throws SQLException {
    return query(
        "select column_name from information_schema.columns where table_schema = '"
            + schema
            + "' and table_name = '"
            + table
            + "' order by ordinal_position");
  }

  @Test
  void upgradesToHeadAndDowngradesStepByStep() throws SQLException {
    Runner runner = runner("public", AddEmail.class, CreateCustomer.class);
    assertThat(runner.current()).isEmpty();

    RunResult up = runner.upgrade("head");
    assertThat(up.from()).isNull();
    assertThat(up.to()).isEqualTo("bbbbbbbbbbb2");
    assertThat(up.revisions())
        .extracting(AppliedRevision::id)
        .containsExactly("aaaaaaaaaaa1", "bbbbbbbbbbb2");
    assertThat(columns("public", "customer")).containsExactly("id", "email");
    assertThat(runner.current()).containsExactly("bbbbbbbbbbb2");
    assertThat(log)
        .containsExactly(
            "Running upgrade <base> -> aaaaaaaaaaa1, create customer",
            "Running upgrade aaaaaaaaaaa1 -> bbbbbbbbbbb2, add email");

    assertThat(runner.upgrade("head").revisions()).isEmpty();

    RunResult down = runner.downgrade("-1");
    assertThat(down.to()).isEqualTo("aaaaaaaaaaa1");
    assertThat(columns("public", "customer")).containsExactly("id");

    runner.downgrade("base");
    assertThat(columns("public", "customer")).isEmpty();
    assertThat(runner.current()).isEmpty();
    assertThat(
            query(
                "select revision || ' ' || direction || ' ' || success from migrate_history order by id"))
        .containsExactly(
            "aaaaaaaaaaa1 upgrade true",
            "bbbbbbbbbbb2 upgrade true",
            "bbbbbbbbbbb2 downgrade true",
            "aaaaaaaaaaa1 downgrade true");
    assertThat(
            query("select count(*) from migrate_history where checksum ~ '^v2:[A-Za-z0-9_-]{43}$'"))
        .containsExactly("4");
  }

  @Test
  void relativeAndPartialTargets() throws SQLException {
    Runner runner = runner("public", CreateCustomer.class, AddEmail.class);
    assertThat(runner.upgrade("+1").to()).isEqualTo("aaaaaaaaaaa1");
    assertThat(runner.upgrade("bbb").to()).isEqualTo("bbbbbbbbbbb2");
    assertThatThrownBy(() -> runner.upgrade("aaa"))
        .hasMessageContaining(
            "Target 'aaa' (aaaaaaaaaaa1) is behind the current revision bbbbbbbbbbb2")
        .hasMessageContaining("mvn migrate:downgrade -Dmigrate.revision=aaa");
    assertThatThrownBy(() -> runner.downgrade("-3")).hasMessageContaining("out of range");
  }

  @Test
  void aFailingRevisionRollsBackWholeAndIsRecorded() throws SQLException {
    Runner runner = runner("public", CreateCustomer.class, AddEmail.class, Broken.class);
    assertThatThrownBy(() -> runner.upgrade("head"))
        .isInstanceOf(MigrateException.class)
        .satisfies(
            e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.MIGRATION_FAILED))
        .hasMessageContaining(
            "Revision ccccccccccc3 ("
                + Broken.class.getName()
                + ") failed to upgrade schema public")
        .hasMessageContaining("relation \"no_such_table\" does not exist")
        .hasMessageContaining("in statement: ALTER TABLE no_such_table ADD COLUMN x integer")
        .hasMessageContaining("the schema stays at bbbbbbbbbbb2");
    assertThat(columns("public", "half_done")).isEmpty();
    assertThat(runner.current()).containsExactly("bbbbbbbbbbb2");
    assertThat(query("select revision || ' ' || success from migrate_history order by id"))
        .containsExactly("aaaaaaaaaaa1 true", "bbbbbbbbbbb2 true", "ccccccccccc3 false");
  }

  @Test
  void runsInsideTheGivenSchemaWithItsOwnVersionTable() throws SQLException {
    Runner tenant = runner("Tenant-1", CreateCustomer.class);
    tenant.upgrade("head");
    assertThat(columns("Tenant-1", "customer")).containsExactly("id");
    assertThat(columns("Tenant-1", "migrate_version")).containsExactly("version_num");
    assertThat(columns("public", "customer")).isEmpty();
    assertThat(runner("public", CreateCustomer.class).current()).isEmpty();
  }

  @Test
  void aSecondRunWaitsForTheLockThenGivesUpNamingIt() throws Exception {
    Runner first = runner("public", CreateCustomer.class, AddEmail.class, Slow.class);
    first.upgrade("bbbbbbbbbbb2");
    CompletableFuture<RunResult> running =
        CompletableFuture.supplyAsync(() -> first.upgrade("head"));
    assertThat(ENTERED.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThatThrownBy(
              () ->
                  runner("public", CreateCustomer.class, AddEmail.class, Slow.class)
                      .upgrade("head"))
          .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.LOCKED))
          .hasMessageContaining("Another migration run holds the lock on schema public");
    } finally {
      RELEASE.countDown();
    }
    assertThat(running.get(10, TimeUnit.SECONDS).to()).isEqualTo("ddddddddddd4");
  }
}
