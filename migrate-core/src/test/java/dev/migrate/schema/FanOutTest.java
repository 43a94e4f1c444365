package dev.migrate.schema;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.Migrate;
import dev.migrate.Migrate.ResetMode;
import dev.migrate.MigrateException;
import dev.migrate.runner.RunResult;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Target schemas and the tenant fan-out through the facade, against a real PostgreSQL. */
@PostgresTest
class FanOutTest extends PerTestDatabase {

  @Revision(id = "f00000000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "f00000000002", revises = "f00000000001", message = "create invoice")
  public static class CreateInvoice extends CustomerMigrations.CreateInvoice {}

  @Revision(id = "f00000000003", revises = "f00000000002", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  private static final List<Class<?>> CHAIN =
      List.of(CreateCustomer.class, CreateInvoice.class, AddEmail.class);

  private Migrate migrate(List<String> log) {
    return db.configure()
        .migrations(CHAIN)
        .log(
            line -> {
              synchronized (log) {
                log.add(line);
              }
            })
        .load();
  }

  private void sql(String statement) throws SQLException {
    db.execute(statement);
  }

  private List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          cells.add(r.getString(i));
        }
        rows.add(String.join("|", cells));
      }
    }
    return rows;
  }

  @Test
  void namesThatNeedQuotingAreTargetSchemas() throws SQLException {
    Migrate migrate = migrate(new ArrayList<>());
    for (String schema : List.of("tenant-1", "Prod", "user", "select", "dev")) {
      RunResult result = migrate.inSchema(schema).upgrade("head");
      assertThat(result.to()).isEqualTo("f00000000003");
      assertThat(migrate.inSchema(schema).current()).containsExactly("f00000000003");
    }
    assertThat(
            rows(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_name = 'customer' ORDER BY 1"))
        .containsExactly(
            "Prod.customer",
            "dev.customer",
            "select.customer",
            "tenant-1.customer",
            "user.customer");
    assertThat(rows("SELECT version_num FROM \"tenant-1\".migrate_version"))
        .containsExactly("f00000000003");
    assertThat(migrate.inSchema("tenant-1").downgrade("base").to()).isNull();
    assertThat(
            rows(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'tenant-1'"
                    + " AND table_name NOT LIKE 'migrate_%'"))
        .containsExactly("0");
  }

  @Test
  void invalidSchemaNamesAreRejectedBeforeAnySql() {
    for (String bad :
        List.of("a;b", "x\"y", "two words", "pg_mine", "", "a.b", "-lead", "x".repeat(64))) {
      assertThatThrownBy(() -> db.configure().schema(bad).migrations(CHAIN).load())
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("is not valid")
          .extracting(e -> ((MigrateException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);
      assertThatThrownBy(() -> migrate(new ArrayList<>()).inSchema(bad))
          .hasMessageContaining("is not valid");
    }
  }

  @Test
  void patternSelectsExistingSchemasOnly() throws SQLException {
    sql("CREATE SCHEMA tenant_b; CREATE SCHEMA tenant_a; CREATE SCHEMA other");
    Migrate migrate = migrate(new ArrayList<>());
    assertThat(migrate.resolve(SchemaSelection.parse("tenant_*,dev", "-Dmigrate.schema")))
        .containsExactly("tenant_a", "tenant_b", "dev");
    assertThatThrownBy(() -> migrate.resolve(SchemaSelection.parse("nobody_*", "-Dmigrate.schema")))
        .hasMessageContaining("'nobody_*' matches no schema")
        .hasMessageContaining("other, public, tenant_a, tenant_b");
  }

  @Test
  void oneSabotagedSchemaFailsAloneAndTheReportNamesIt() throws SQLException {
    List<String> schemas =
        IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("tenant_%02d", i)).toList();
    for (String schema : schemas) {
      sql("CREATE SCHEMA " + schema);
    }
    // tenant_07 already has an invoice table: the second revision cannot create it
    sql("CREATE TABLE tenant_07.invoice (x int)");
    List<String> log = new ArrayList<>();
    Migrate migrate = migrate(log);
    var report =
        migrate.forEachSchema(
            "upgrade",
            migrate.resolve(SchemaSelection.parse("tenant_*", "-Dmigrate.schema")),
            3,
            m -> m.upgrade("head"));

    assertThat(report.outcomes()).hasSize(12);
    assertThat(report.failures()).extracting(SchemaOutcome::schema).containsExactly("tenant_07");
    SchemaOutcome failed = report.failures().get(0);
    assertThat(failed.from()).isNull();
    assertThat(failed.to()).isEqualTo("f00000000001");
    assertThat(failed.revisions()).isEqualTo(1);
    assertThat(failed.error()).contains("relation \"invoice\" already exists");
    for (String schema : schemas) {
      assertThat(migrate.inSchema(schema).current())
          .containsExactly(schema.equals("tenant_07") ? "f00000000001" : "f00000000003");
    }
    assertThat(report.summary().get(0))
        .isEqualTo("schema     from          to            revisions  duration  outcome");
    assertThat(report.summary())
        .anyMatch(
            line ->
                line.matches("tenant_07  <base>        f00000000001          1 +\\d+ ms  FAILED"));
    assertThat(report.summary())
        .anyMatch(
            line -> line.matches("tenant_01  <base>        f00000000003          3 +\\d+ ms  ok"));
    assertThat(report.summary().get(13))
        .matches(
            "upgrade: 12 schema\\(s\\) in \\d+\\.\\d s on 3 thread\\(s\\):" + " 11 ok, 1 failed");
    assertThat(log)
        .anyMatch(
            line -> line.startsWith("upgrade FAILED in schema tenant_07: Revision f00000000002"));
    assertThat(log.get(log.size() - 1))
        .matches("upgrade: 12/12 schemas done, 1 failed, [\\d.]+ schemas/s");
    assertThatThrownBy(report::throwIfFailed)
        .hasMessageStartingWith("upgrade failed in 1 of 12 schema(s); the others completed")
        .hasMessageContaining("\n  tenant_07 (at f00000000001): Revision f00000000002")
        .extracting(e -> ((MigrateException) e).code())
        .isEqualTo(ErrorCode.MIGRATION_FAILED);

    // fixing the sabotage and running again finishes tenant_07 and leaves the others alone
    sql("DROP TABLE tenant_07.invoice");
    var again = migrate.forEachSchema("upgrade", schemas, 4, m -> m.upgrade("head"));
    again.throwIfFailed();
    assertThat(again.outcomes())
        .filteredOn(o -> o.revisions() > 0)
        .extracting(SchemaOutcome::schema)
        .containsExactly("tenant_07");
  }

  @Test
  void twoFanOutsAtOnceApplyEachRevisionToEachSchemaExactlyOnce() throws Exception {
    List<String> schemas = IntStream.rangeClosed(1, 16).mapToObj(i -> "tenant_" + i).toList();
    List<String> reversed = new ArrayList<>(schemas);
    java.util.Collections.reverse(reversed);
    Migrate first = migrate(new ArrayList<>());
    Migrate second = migrate(new ArrayList<>());
    CompletableFuture<dev.migrate.schema.FanOutReport> a =
        CompletableFuture.supplyAsync(
            () -> first.forEachSchema("upgrade", schemas, 4, m -> m.upgrade("head")));
    CompletableFuture<dev.migrate.schema.FanOutReport> b =
        CompletableFuture.supplyAsync(
            () -> second.forEachSchema("upgrade", reversed, 4, m -> m.upgrade("head")));
    FanOutReport ra = a.get();
    FanOutReport rb = b.get();
    ra.throwIfFailed();
    rb.throwIfFailed();
    int applied =
        ra.outcomes().stream().mapToInt(SchemaOutcome::revisions).sum()
            + rb.outcomes().stream().mapToInt(SchemaOutcome::revisions).sum();
    assertThat(applied).isEqualTo(16 * 3);
    for (String schema : schemas) {
      assertThat(
              rows(
                  "SELECT revision, direction, success FROM "
                      + schema
                      + ".migrate_history ORDER BY id"))
          .containsExactly(
              "f00000000001|upgrade|t", "f00000000002|upgrade|t", "f00000000003|upgrade|t");
    }
  }

  @Test
  void resetRefusesASchemaWithRowsUnlessForced() throws SQLException {
    Migrate dev = migrate(new ArrayList<>()).inSchema("dev");
    dev.upgrade("head");
    // an empty schema at head is reset without asking
    assertThat(dev.reset(ResetMode.KEEP_ROWS).revisions()).hasSize(3);
    sql(
        "INSERT INTO dev.customer DEFAULT VALUES; INSERT INTO dev.customer DEFAULT VALUES;"
            + " INSERT INTO dev.invoice VALUES (7)");
    assertThatThrownBy(() -> dev.reset(ResetMode.KEEP_ROWS))
        .hasMessage(
            "Refusing to reset schema dev of "
                + db.settings().describe()
                + ": it holds 3 row(s) (customer 2, invoice 1). Nothing was dropped. Run again with -Dmigrate.force"
                + " to drop them, or pick another schema.")
        .extracting(e -> ((MigrateException) e).code())
        .isEqualTo(ErrorCode.SCHEMA_NOT_EMPTY);
    assertThat(rows("SELECT count(*) FROM dev.customer")).containsExactly("2");
    sql("CREATE TABLE dev.stray (x int)");
    RunResult reset = dev.reset(ResetMode.DROP_ROWS);
    assertThat(reset.from()).isNull();
    assertThat(reset.to()).isEqualTo("f00000000003");
    assertThat(rows("SELECT count(*) FROM dev.customer")).containsExactly("0");
    assertThat(rows("SELECT to_regclass('dev.stray') IS NULL")).containsExactly("t");
    // a schema that does not exist yet is simply created
    assertThat(migrate(new ArrayList<>()).inSchema("fresh").reset(ResetMode.KEEP_ROWS).to())
        .isEqualTo("f00000000003");
  }
}
