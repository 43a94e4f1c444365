package dev.migrate.runner;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code @Revision(transactional = false)}: CREATE INDEX CONCURRENTLY, and an honest record of a
 * failure.
 */
@PostgresTest
class NonTransactionalRevisionTest extends PerTestDatabase {

  @Revision(id = "a00000000001", message = "table")
  public static class CreateTable implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable(table("t", column("id", bigint()).notNull(), column("name", text())));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable(table("t", column("id", bigint()).notNull(), column("name", text())));
    }
  }

  @Revision(id = "a00000000002", revises = "a00000000001", message = "index", transactional = false)
  public static class IndexConcurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndex("t", index("t_name_idx", "name"), concurrently());
    }

    @Override
    public void downgrade(Operations op) {
      op.dropIndex("t", index("t_name_idx", "name"), concurrently());
    }
  }

  @Revision(id = "a00000000002", revises = "a00000000001", message = "index in a transaction")
  public static class IndexConcurrentlyInTransaction implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndex("t", index("t_name_idx", "name"), concurrently());
    }

    @Override
    public void downgrade(Operations op) {}
  }

  @Revision(id = "a00000000002", revises = "a00000000001", message = "half", transactional = false)
  public static class FailsHalfway implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndex("t", index("t_name_idx", "name"), concurrently());
      op.execute("ALTER TABLE t ADD COLUMN broken no_such_type");
    }

    @Override
    public void downgrade(Operations op) {}
  }

  private final List<String> log = new ArrayList<>();

  private Runner runner(Class<?>... migrations) {
    return new Runner(
        new PostgresDialect(),
        db.connections(),
        "public",
        RevisionGraph.of(Stream.of(migrations).map(RevisionInfo::of).toList()),
        Duration.ofSeconds(5),
        log::add);
  }

  private List<String> query(String sql) throws SQLException {
    return db.rows(sql);
  }

  @Test
  void createsAndDropsAnIndexConcurrentlyAndSaysSo() throws SQLException {
    Runner runner = runner(CreateTable.class, IndexConcurrently.class);
    runner.upgrade("head");
    assertThat(query("SELECT indexname FROM pg_indexes WHERE tablename = 't'"))
        .containsExactly("t_name_idx");
    assertThat(runner.current()).containsExactly("a00000000002");
    assertThat(log)
        .contains(
            "Revision a00000000002 is marked transactional = false: running its 1 statement(s)"
                + " outside a transaction, each committed on its own");
    runner.downgrade("-1");
    assertThat(query("SELECT indexname FROM pg_indexes WHERE tablename = 't'")).isEmpty();
  }

  @Test
  void aTransactionalRevisionWithAConcurrentIndexIsRefusedBeforeAnythingRuns() throws SQLException {
    Runner runner = runner(CreateTable.class, IndexConcurrentlyInTransaction.class);
    assertThatThrownBy(() -> runner.upgrade("head"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("which PostgreSQL cannot run inside a transaction")
        .hasMessageContaining("transactional = false");
    assertThat(runner.current()).containsExactly("a00000000001");
  }

  @Test
  void aFailureNamesTheStatementAndSaysTheSchemaMayBePartiallyChanged() throws SQLException {
    Runner runner = runner(CreateTable.class, FailsHalfway.class);
    assertThatThrownBy(() -> runner.upgrade("head"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("at statement 2 of 2")
        .hasMessageContaining("in statement: ALTER TABLE t ADD COLUMN broken no_such_type")
        .hasMessageContaining(
            "the 1 statement(s) before it stay applied and the schema may be partially changed")
        .hasMessageContaining("the version table still says a00000000001");
    assertThat(runner.current()).containsExactly("a00000000001");
    assertThat(query("SELECT indexname FROM pg_indexes WHERE tablename = 't'"))
        .containsExactly("t_name_idx");
    assertThat(query("SELECT revision || ' ' || success FROM migrate_history ORDER BY applied_at"))
        .endsWith("a00000000002 false");
  }
}
