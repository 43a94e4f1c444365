package dev.migrate.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.VersionStore;
import dev.migrate.dialect.VersionStore.HistoryRow;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The version table, history table, schema selection and advisory lock on a real PostgreSQL. */
@PostgresTest
class PostgresVersionStoreTest {

  private static final VersionStore STORE = new PostgresDialect().versionStore();

  private static TestDatabase db;

  @BeforeAll
  static void create() throws SQLException {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() throws SQLException {
    db.close();
  }

  @Test
  void useSchemaCreatesTheSchemaAndMakesItTheOnlyOneOnThePath() throws SQLException {
    try (Connection connection = db.connect()) {
      assertThat(STORE.schemaExists(connection, "Tenant-1")).isFalse();

      STORE.useSchema(connection, "Tenant-1", true);
      STORE.useSchema(connection, "Tenant-1", true);

      assertThat(STORE.schemaExists(connection, "Tenant-1")).isTrue();
      assertThat(query(connection, "SHOW search_path")).isEqualTo("\"Tenant-1\"");
      assertThat(query(connection, "SELECT current_schema()")).isEqualTo("Tenant-1");
    }
  }

  @Test
  void useSchemaWithoutCreateNamesAMissingSchema() throws SQLException {
    try (Connection connection = db.connect()) {
      assertThatThrownBy(() -> STORE.useSchema(connection, "nope", false))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("schema \"nope\" does not exist in database " + db.name())
          .hasMessageContaining("CREATE SCHEMA nope")
          .extracting(e -> ((MigrateException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);
    }
  }

  @Test
  void headsAreEmptyWhileTheTableIsMissingWithoutAbortingTheTransaction() throws SQLException {
    try (Connection connection = db.connect()) {
      STORE.useSchema(connection, "missing_tables", true);
      connection.setAutoCommit(false);

      assertThat(STORE.heads(connection)).isEmpty();
      assertThat(STORE.history(connection)).isEmpty();
      assertThat(query(connection, "SELECT 'still usable'")).isEqualTo("still usable");
      connection.rollback();
    }
  }

  @Test
  void createTablesTwiceThenSetAndReadHeads() throws SQLException {
    try (Connection connection = db.connect()) {
      STORE.useSchema(connection, "heads", true);
      STORE.createTables(connection);
      STORE.createTables(connection);

      assertThat(STORE.heads(connection)).isEmpty();
      STORE.setHeads(connection, List.of("b2", "a1"));
      assertThat(STORE.heads(connection)).containsExactly("a1", "b2");
      STORE.setHeads(connection, List.of("c3"));
      assertThat(STORE.heads(connection)).containsExactly("c3");
      STORE.setHeads(connection, List.of());
      assertThat(STORE.heads(connection)).isEmpty();
      assertThat(
              query(
                  connection,
                  "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                      + " WHERE conname = 'migrate_version_pkc'"))
          .isEqualTo("PRIMARY KEY (version_num)");
    }
  }

  @Test
  void setHeadsIsPartOfTheCallersTransaction() throws SQLException {
    try (Connection connection = db.connect()) {
      STORE.useSchema(connection, "tx", true);
      STORE.createTables(connection);
      STORE.setHeads(connection, List.of("a1"));
      connection.setAutoCommit(false);
      STORE.setHeads(connection, List.of("b2"));
      connection.rollback();
      connection.setAutoCommit(true);

      assertThat(STORE.heads(connection)).containsExactly("a1");
    }
  }

  @Test
  void historyRowsComeBackOldestFirst() throws SQLException {
    try (Connection connection = db.connect()) {
      STORE.useSchema(connection, "history", true);
      STORE.createTables(connection);
      Instant before = Instant.now().minusSeconds(60);

      STORE.recordHistory(connection, "a1", "upgrade", "f".repeat(64), 12, true);
      STORE.recordHistory(connection, "b2", "upgrade", null, 7, false);
      STORE.recordHistory(connection, "a1", "downgrade", null, 3, true);

      List<HistoryRow> history = STORE.history(connection);
      assertThat(history)
          .extracting(
              HistoryRow::revision,
              HistoryRow::direction,
              HistoryRow::appliedBy,
              HistoryRow::durationMillis,
              HistoryRow::success)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a1", "upgrade", db.user(), 12L, true),
              org.assertj.core.groups.Tuple.tuple("b2", "upgrade", db.user(), 7L, false),
              org.assertj.core.groups.Tuple.tuple("a1", "downgrade", db.user(), 3L, true));
      assertThat(Instant.parse(history.get(0).appliedAt())).isAfter(before);
    }
  }

  @Test
  void twoProcessesCreatingSchemaAndTablesAtOnceBothSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String schema = "race_" + round;
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Callable<List<String>> task =
              () -> {
                try (Connection connection = db.connect()) {
                  start.await();
                  STORE.useSchema(connection, schema, true);
                  STORE.createTables(connection);
                  return STORE.heads(connection);
                }
              };
          results.add(pool.submit(task));
        }
        for (Future<List<String>> result : results) {
          assertThat(result.get()).isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLockHeldByOneConnectionIsRefusedToAnotherUntilReleased() throws Exception {
    long key = 4242;
    try (Connection holder = db.connect();
        Connection other = db.connect()) {
      assertThat(STORE.lock(holder, key, Duration.ofSeconds(1))).isTrue();

      long started = System.nanoTime();
      assertThat(STORE.lock(other, key, Duration.ofMillis(300))).isFalse();
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(waitedMillis).isBetween(250L, 2_000L);

      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Boolean> waiting = pool.submit(() -> STORE.lock(other, key, Duration.ofSeconds(10)));
        Thread.sleep(200);
        assertThat(waiting.isDone()).isFalse();
        STORE.unlock(holder, key);
        assertThat(waiting.get()).isTrue();
      } finally {
        pool.shutdownNow();
      }
      assertThat(STORE.lock(holder, key, Duration.ZERO)).isFalse();
      STORE.unlock(other, key);
      assertThat(STORE.lock(holder, key, Duration.ZERO)).isTrue();
      STORE.unlock(holder, key);
    }
  }

  private static String query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
