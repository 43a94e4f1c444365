package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Results.Layout;
import dev.migrate.groups.GroupTables;
import dev.migrate.groups.message.CreateMessage;
import dev.migrate.groups.user.CreateAccount;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.runner.RunResult;
import dev.migrate.runtime.Revision;
import dev.migrate.schema.FanOutFailedException;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facade alone, no Maven class: schema groups and a tenant fan-out through {@link
 * Migrate#schemas()}, against a real PostgreSQL (upgrade, current, one failing tenant while the
 * others succeed, downgrade).
 */
@PostgresTest
class SchemasTest extends PerTestDatabase {

  @Revision(id = "c00000000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "c00000000002", revises = "c00000000001", message = "create invoice")
  public static class CreateInvoice extends CustomerMigrations.CreateInvoice {}

  @Revision(id = "c00000000003", revises = "c00000000002", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  private static final Map<String, String> ALIASES =
      Map.of("user", "rfx_user", "message", "rfx_message");
  private static final Table ACCOUNT = GroupTables.ACCOUNT;
  private static final Table MESSAGE = GroupTables.MESSAGE;
  private static final Database GROUP_MODEL =
      new Database(List.of(ACCOUNT, MESSAGE), List.of(), List.of());

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private Configuration configure() {
    return db.configure().log(log::add);
  }

  private Schemas groups(String selection) {
    Configuration configuration =
        configure()
            .migrations(List.of(CreateAccount.class, CreateMessage.class))
            .schemaGroups(SchemaGroups.of(GROUP_MODEL, ALIASES), "dev.migrate.groups");
    if (selection != null) {
      configuration.schemas(SchemaSelection.parse(selection, "schemas"));
    }
    return configuration.load().schemas();
  }

  private Schemas tenants(String selection) {
    return configure()
        .migrations(List.of(CreateCustomer.class, CreateInvoice.class, AddEmail.class))
        .schemas(SchemaSelection.parse(selection, "schemas"))
        .threads(3)
        .load()
        .schemas();
  }

  @Test
  void schemaGroupsThroughTheFacade() throws SQLException {
    // upgrading message alone applies the user revision it depends on first
    Schemas message = groups("message");
    assertThat(message.layout()).isEqualTo(Layout.GROUPS);
    Results<RunResult> up = message.upgrade("head");
    assertThat(up.outcomes())
        .extracting(Outcome::schema)
        .containsExactly("rfx_user", "rfx_message");
    assertThat(up.outcomes())
        .extracting(o -> o.group().map(SchemaGroup::alias).orElseThrow())
        .containsExactly("user", "message");
    assertThat(up.values())
        .extracting(RunResult::to)
        .containsExactly("a10000000001", "b10000000001");
    assertThat(log)
        .contains(
            "Schema group message revision b10000000001 depends on revision a10000000001 of"
                + " group user: upgrading user to it first");

    Results<Current> current = groups(null).current();
    assertThat(current.outcomes())
        .extracting(Outcome::label)
        .containsExactly("Schema group message (rfx_message)", "Schema group user (rfx_user)");
    assertThat(current.values())
        .extracting(Current::revisions)
        .containsExactly(List.of("b10000000001"), List.of("a10000000001"));
    assertThat(current.summary()).isEmpty();

    // user cannot be reverted below what message needs; all groups downgrade message first
    assertThatThrownBy(() -> groups("user").downgrade("base"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Cannot downgrade schema group user past revision a10000000001");
    Results<RunResult> down = groups(null).downgrade("base");
    assertThat(down.outcomes())
        .extracting(Outcome::schema)
        .containsExactly("rfx_message", "rfx_user");
    assertThat(down.values()).extracting(RunResult::to).containsOnlyNulls();
    assertThat(
            rows(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema LIKE 'rfx_%'"
                    + " AND table_name NOT LIKE 'migrate_%'"))
        .containsExactly("0");
    assertThatThrownBy(() -> groups("billing").current())
        .hasMessageContaining(
            "Unknown schema group 'billing'. Known groups: message (rfx_message), user (rfx_user).");
  }

  @Test
  void tenantFanOutThroughTheFacade() throws SQLException {
    List<String> schemas =
        List.of("tenant_01", "tenant_02", "tenant_03", "tenant_04", "tenant_05", "tenant_06");
    for (String schema : schemas) {
      sql("CREATE SCHEMA " + schema);
    }
    sql("CREATE TABLE tenant_04.invoice (x int)"); // the second revision cannot create it there

    Schemas all = tenants("tenant_*");
    assertThat(all.layout()).isEqualTo(Layout.FAN_OUT);
    assertThatThrownBy(() -> all.upgrade("head"))
        .isInstanceOf(FanOutFailedException.class)
        .satisfies(
            e ->
                assertThat(((FanOutFailedException) e).report().outcomes())
                    .extracting(
                        o -> o.schema() + ":" + o.to() + ":" + (o.failed() ? "FAILED" : "ok"))
                    .containsExactly(
                        "tenant_01:c00000000003:ok",
                        "tenant_02:c00000000003:ok",
                        "tenant_03:c00000000003:ok",
                        "tenant_04:c00000000001:FAILED",
                        "tenant_05:c00000000003:ok",
                        "tenant_06:c00000000003:ok"))
        .hasMessageStartingWith(
            "upgrade failed in 1 of 6 schema(s); the others completed, and each failed schema"
                + " stays at its last good revision:")
        .hasMessageContaining("\n  tenant_04 (at c00000000001): Revision c00000000002")
        .hasMessageContaining("relation \"invoice\" already exists")
        .extracting(e -> ((MigrateException) e).code())
        .isEqualTo(ErrorCode.MIGRATION_FAILED);
    assertThat(log)
        .contains("upgrade: 6 schema(s) of " + db.settings().describe() + " on 3 thread(s)");
    assertThat(log)
        .anyMatch(
            line -> line.startsWith("upgrade FAILED in schema tenant_04: Revision c00000000002"));
    assertThat(log)
        .anyMatch(
            line ->
                line.matches("tenant_04  <base>        c00000000001          1 +\\d+ ms  FAILED"));
    assertThat(log)
        .anyMatch(
            line ->
                line.matches(
                    "upgrade: 6 schema\\(s\\) in [\\d.]+ s on 3 thread\\(s\\): 5 ok,"
                        + " 1 failed"));

    Results<Current> current = all.current();
    assertThat(current.outcomes()).extracting(Outcome::schema).containsExactlyElementsOf(schemas);
    assertThat(current.values())
        .extracting(Current::revisions)
        .containsExactly(
            List.of("c00000000003"),
            List.of("c00000000003"),
            List.of("c00000000003"),
            List.of("c00000000001"),
            List.of("c00000000003"),
            List.of("c00000000003"));
    assertThat(current.reportsEachSchema()).isFalse();
    assertThat(current.summary())
        .last()
        .asString()
        .matches("current: 6 schema\\(s\\) in [\\d.]+ s on 3 thread\\(s\\): 6 ok, 0 failed");

    Results<RunResult> down = tenants("tenant_01,tenant_02").downgrade("-1");
    assertThat(down.values())
        .extracting(RunResult::schema)
        .containsExactly("tenant_01", "tenant_02");
    assertThat(down.values()).extracting(RunResult::to).containsOnly("c00000000002");
    assertThat(rows("SELECT version_num FROM tenant_03.migrate_version"))
        .containsExactly("c00000000003");

    // one schema is the same call, with one outcome and no summary
    Results<RunResult> one =
        configure()
            .migrations(List.of(CreateCustomer.class, CreateInvoice.class, AddEmail.class))
            .schema("tenant_01")
            .load()
            .schemas()
            .upgrade("head");
    assertThat(one.layout()).isEqualTo(Layout.SCHEMA);
    assertThat(one.single().to()).isEqualTo("c00000000003");
  }

  private void sql(String statement) throws SQLException {
    db.execute(statement);
  }

  private List<String> rows(String query) throws SQLException {
    return db.rows(query);
  }
}
