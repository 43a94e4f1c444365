package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.check.CheckMode;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Table;
import dev.migrate.testing.MigrationSources;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality bar "round trip" through the facade on a real PostgreSQL: autogenerate writes a
 * class, the class is compiled and upgraded, the next autogenerate finds nothing, and downgrade
 * restores the schema before.
 */
@PostgresTest
class AutogenRoundTripTest extends PerTestDatabase {

  private static final String PACKAGE = "com.acme.db.migrations";

  @TempDir Path work;

  private static final Table CUSTOMER =
      table(
          "customer",
          column("id", bigint()).asIdentity(),
          column("email", varchar(320)).notNull(),
          column("name", varchar(255)),
          column("status", varchar(16)).notNull(),
          column("rank", smallint()),
          column("balance", numeric(38, 2)),
          column("rate", numeric(10, 4)),
          column("big", type("numeric")),
          column("score", doublePrecision()),
          column("ratio", real()),
          column("active", bool()).notNull(),
          column("visits", integer()).notNull().withDefault("0"),
          column("born", date()),
          column("wakes", time(6)),
          column("seen", timestamp(6)),
          column("created", timestamptz(6)).notNull().withDefault("now()"),
          column("token", uuid()),
          column("avatar", bytea()),
          column("bio", text()),
          column("code", character(1)),
          column("prefs", jsonb()),
          primaryKey("customer_pkey", "id"),
          unique("customer_email_key", "email"),
          check("customer_status_check", "status IN ('ACTIVE', 'SUSPENDED')"),
          check("customer_rank_check", "rank BETWEEN 0 AND 2"),
          index("customer_name_idx", "name"));

  private static final Table ORDERS =
      table(
          "purchase_order",
          column("id", bigint()).notNull(),
          column("customer_id", bigint()).notNull(),
          column("reference", uuid()).notNull(),
          primaryKey("purchase_order_pkey", "id"),
          unique("purchase_order_reference_key", "reference"),
          foreignKey("purchase_order_customer_id_fkey", "customer_id")
              .references("customer", "id")
              .withActions(ReferentialAction.CASCADE, null));

  private Migrate migrate(Path classes) throws Exception {
    var builder = db.configure().caller(Caller.MAVEN);
    if (classes != null) {
      builder.classLoader(MigrationSources.loader(classes));
    }
    return builder.load();
  }

  @Test
  void autogenerateUpgradeAutogenerateFindsNothingDowngradeRestores() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Database v1 =
        new Database(List.of(CUSTOMER, ORDERS), List.of(sequence("purchase_order_seq", 1, 50)));

    AutogenResult first = migrate(classes).autogenerate(v1, "create shop", sources, PACKAGE);
    assertThat(first.detected()).contains("created table customer", "created table purchase_order");
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    assertThat(migrate(classes).autogenerate(v1, "again", sources, PACKAGE).noChanges()).isTrue();

    Database v2 =
        new Database(
            List.of(CUSTOMER.withColumns(append(CUSTOMER, column("phone", varchar(32)))), ORDERS),
            List.of(sequence("purchase_order_seq", 1, 50)));
    AutogenResult second = migrate(classes).autogenerate(v2, "add phone", sources, PACKAGE);
    assertThat(second.detected()).containsExactly("added column customer.phone");
    assertThat(Files.readString(second.file().orElseThrow()))
        .contains("op.addColumn(\"customer\", column(\"phone\", varchar(32)));");
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    assertThat(migrate(classes).autogenerate(v2, "again", sources, PACKAGE).noChanges()).isTrue();

    migrate(classes).downgrade("-1");
    // equal but for the text of check expressions, which PostgreSQL stores rewritten
    assertThat(new SchemaDiff(new PostgresDialect()).diff(introspect(), v1)).isEmpty();
    assertThat(introspect().tables())
        .extracting(Table::columns)
        .isEqualTo(v1.tables().stream().map(Table::columns).toList());
    migrate(classes).downgrade("base");
    assertThat(introspect()).isEqualTo(Database.empty());
  }

  /**
   * Safe forms end to end (issue 14): autogen writes them for the existing tables (a
   * non-transactional revision), the runner applies it to tables holding rows, the next autogen
   * finds nothing, and the downgrade restores the schema; {@code safeForms(false)} writes the plain
   * forms.
   */
  @Test
  void safeFormsRoundTripThroughTheRunner() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Table customer =
        table(
            "customer",
            column("id", bigint()).notNull(),
            column("email", varchar(320)),
            primaryKey("customer_pkey", "id"));
    Table orders =
        table(
            "orders",
            column("id", bigint()).notNull(),
            column("customer_id", bigint()),
            column("amount", integer()),
            primaryKey("orders_pkey", "id"));
    Database v1 = new Database(List.of(customer, orders), List.of());
    migrate(classes).autogenerate(v1, "create", sources, PACKAGE);
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    try (var c = db.connect();
        var statement = c.createStatement()) {
      statement.execute("INSERT INTO customer SELECT g, 'c' || g FROM generate_series(1, 100) g");
      statement.execute(
          "INSERT INTO orders SELECT g, g % 100 + 1, g FROM generate_series(1, 500) g");
    }
    Database v2 =
        new Database(
            List.of(
                table(
                    "customer",
                    column("id", bigint()).notNull(),
                    column("email", varchar(320)).notNull(),
                    primaryKey("customer_pkey", "id")),
                table(
                    "orders",
                    column("id", bigint()).notNull(),
                    column("customer_id", bigint()),
                    column("amount", integer()),
                    primaryKey("orders_pkey", "id"),
                    check("orders_amount_check", "amount >= 0"),
                    index("orders_customer_id_idx", "customer_id"),
                    foreignKey("orders_customer_id_fkey", "customer_id")
                        .references("customer", "id"))),
            List.of());

    Path plainSources = work.resolve("plain");
    AutogenResult plain =
        db.configure()
            .classLoader(MigrationSources.loader(classes))
            .safeForms(false)
            .load()
            .autogenerate(v2, "plain", plainSources, PACKAGE);
    assertThat(Files.readString(plain.file().orElseThrow()))
        .doesNotContain("transactional = false", "notValid()", "concurrently()");

    AutogenResult safe = migrate(classes).autogenerate(v2, "safe", sources, PACKAGE);
    String source = Files.readString(safe.file().orElseThrow());
    assertThat(source)
        .contains(
            "transactional = false",
            "notNullThroughCheck());",
            "op.validateConstraint(\"orders\", \"orders_amount_check\");",
            "op.createIndex(\"orders\", index(\"orders_customer_id_idx\", \"customer_id\"), concurrently());",
            "op.validateConstraint(\"orders\", \"orders_customer_id_fkey\");",
            "adding-foreign-key-constraint on foreign key orders_customer_id_fkey on orders: safe form");
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    assertThat(migrate(classes).autogenerate(v2, "again", sources, PACKAGE).noChanges()).isTrue();
    assertThat(migrate(classes).lint(null).failed(dev.migrate.lint.Severity.ERROR)).isFalse();

    migrate(classes).downgrade("-1");
    assertThat(new SchemaDiff(new PostgresDialect()).diff(introspect(), v1)).isEmpty();
  }

  @Test
  void aTimestamptzCheckWithAZonelessLiteralIsNotReCreatedAfterTheUpgrade() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Table event =
        table(
            "event",
            column("id", bigint()).notNull(),
            column("at", timestamptz(6)).notNull().withDefault("'2000-01-02'"),
            primaryKey("event_pkey", "id"),
            check("event_at_check", "at > '2000-01-01'"));
    Database v1 = new Database(List.of(event), List.of());

    migrate(classes).autogenerate(v1, "create event", sources, PACKAGE);
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    // PostgreSQL stored the literals with the session's zone offset, which only the server can tell
    assertThat(introspect().tables().get(0).checkConstraints().get(0).expression())
        .matches("at > '2000-01-01 00:00:00[+-]\\d\\d(:\\d\\d)?'::timestamp with time zone");

    assertThat(migrate(classes).autogenerate(v1, "again", sources, PACKAGE).noChanges()).isTrue();
    assertThat(migrate(classes).check(CheckMode.LIVE, v1).passed()).isTrue();
    assertThat(migrate(classes).check(CheckMode.REPLAY, v1).passed()).isTrue();

    Database v2 =
        new Database(
            List.of(
                table(
                    "event",
                    column("id", bigint()).notNull(),
                    column("at", timestamptz(6)).notNull().withDefault("'2000-01-02'"),
                    primaryKey("event_pkey", "id"),
                    check("event_at_check", "at > '2001-01-01'"))),
            List.of());
    AutogenResult changed = migrate(classes).autogenerate(v2, "later", sources, PACKAGE);
    // event exists before the revision: the check is added in its safe form (issue 14)
    assertThat(changed.detected())
        .containsExactly(
            "dropped check constraint event_at_check on event",
            "added check constraint event_at_check on event NOT VALID",
            "validated constraint event_at_check on event");
    assertThat(migrate(classes).check(CheckMode.LIVE, v2).passed()).isFalse();
  }

  /**
   * An enum type through the whole user path (autogenerate, compile, upgrade, downgrade through the
   * runner): a value added and used as a default in one revision (the runner commits the value
   * first), a value removed by re-creating the type, and the rows, defaults and catalog after each
   * step.
   */
  @Test
  void enumTypesGrowShrinkAndComeBackThroughTheRunner() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Table person =
        table(
            "person",
            column("id", bigint()).notNull(),
            column("mood", type("mood")).notNull().withDefault("'sad'::mood"),
            primaryKey("person_pkey", "id"));
    Database v1 =
        new Database(
            List.of(person),
            List.of(),
            List.of(new dev.migrate.model.EnumType(null, "mood", List.of("sad", "ok"))));
    migrate(classes).autogenerate(v1, "moods", sources, PACKAGE);
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    try (Connection c = db.connect();
        var statement = c.createStatement()) {
      statement.execute("INSERT INTO person (id) VALUES (1)");
      statement.execute("INSERT INTO person (id, mood) VALUES (2, 'ok')");
    }

    // 'glad' is added and becomes the default; 'ok' goes (after row 2 moves off it)
    Database v2 =
        new Database(
            List.of(
                person.withColumns(
                    List.of(
                        person.columns().get(0),
                        column("mood", type("mood")).notNull().withDefault("'glad'::mood")))),
            List.of(),
            List.of(new dev.migrate.model.EnumType(null, "mood", List.of("sad", "glad"))));
    AutogenResult grow = migrate(classes).autogenerate(v2, "glad not ok", sources, PACKAGE);
    assertThat(grow.detected())
        .containsExactly(
            "added value 'glad' to enum type mood",
            "altered column person.mood: default 'sad'::mood -> 'glad'::mood",
            "removed value 'ok' from enum type mood");
    assertThat(Files.readString(grow.file().orElseThrow()))
        .doesNotContain("transactional = false")
        .contains(
            "Value 'glad' of enum type mood is added and then used (default of column person.mood)");
    MigrationSources.compile(sources, classes);
    // row 2 still holds 'ok': the upgrade fails and names it; the transaction rolls back, only
    // 'glad' (committed
    // first, as PostgreSQL needs it before the default can use it) stays, and the revision can run
    // again
    assertThatThrownBy(() -> migrate(classes).upgrade("head"))
        .hasMessageContaining(
            "cannot remove value 'ok' from enum type mood: rows of person.mood still hold it")
        .hasMessageContaining("The revision was rolled back; the schema stays at ")
        .hasMessageContaining(
            "except the enum value(s) committed before its transaction ('glad' in mood)");
    assertThat(
            rows(
                "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'person'::regclass"))
        .containsExactly("'sad'::mood");
    assertThat(introspect().enumTypes())
        .containsExactly(
            new dev.migrate.model.EnumType(null, "mood", List.of("sad", "glad", "ok")));
    try (Connection c = db.connect();
        var statement = c.createStatement()) {
      statement.execute("UPDATE person SET mood = 'sad' WHERE id = 2");
    }
    migrate(classes).upgrade("head");
    assertThat(migrate(classes).autogenerate(v2, "again", sources, PACKAGE).noChanges()).isTrue();
    assertThat(introspect().enumTypes())
        .containsExactly(new dev.migrate.model.EnumType(null, "mood", List.of("sad", "glad")));
    try (Connection c = db.connect();
        var statement = c.createStatement()) {
      statement.execute("INSERT INTO person (id) VALUES (3)");
    }
    assertThat(rows("SELECT id || ':' || mood FROM person ORDER BY id"))
        .containsExactly("1:sad", "2:sad", "3:glad");

    // back: 'ok' returns in its place, 'glad' goes once no row holds it
    try (Connection c = db.connect();
        var statement = c.createStatement()) {
      statement.execute("DELETE FROM person WHERE id = 3");
    }
    migrate(classes).downgrade("-1");
    assertThat(introspect().enumTypes())
        .containsExactly(new dev.migrate.model.EnumType(null, "mood", List.of("sad", "ok")));
    assertThat(new SchemaDiff(new PostgresDialect()).diff(introspect(), v1)).isEmpty();
    assertThat(rows("SELECT id || ':' || mood FROM person ORDER BY id"))
        .containsExactly("1:sad", "2:sad");
  }

  private List<String> rows(String query) throws SQLException {
    List<String> rows = new java.util.ArrayList<>();
    try (Connection c = db.connect();
        var statement = c.createStatement();
        var result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  @Test
  void refusesToAutogenerateWhenTheDatabaseIsBehindHead() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Database v1 =
        new Database(
            List.of(
                ORDERS.withColumns(ORDERS.columns().subList(0, 1)).withoutIndexesAndForeignKeys()),
            List.of());
    AutogenResult first = migrate(classes).autogenerate(v1, "init", sources, PACKAGE);
    MigrationSources.compile(sources, classes);
    assertThatThrownBy(() -> migrate(classes).autogenerate(v1, "more", sources, PACKAGE))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Target database is not up to date: schema public")
        .hasMessageContaining("is at base, but the head of the migrations is " + first.revisionId())
        .hasMessageContaining("Run `mvn migrate:upgrade` first");
  }

  @Test
  void tablesTheChainDidNotCreateAreLeftAloneAndExcludedTablesAreNotCompared() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    try (Connection c = db.connect();
        var statement = c.createStatement()) {
      statement.execute("CREATE TABLE legacy (id integer)");
      statement.execute("CREATE TABLE tmp_import (id integer)");
    }
    Database v1 =
        new Database(
            List.of(
                table("mine", column("id", bigint()).notNull()),
                table("tmp_import", column("id", text()))),
            List.of());
    Migrate migrate =
        db.configure()
            .excludeTables(List.of("tmp_*"))
            .classLoader(MigrationSources.loader(classes))
            .load();

    AutogenResult first = migrate.autogenerate(v1, "mine", sources, PACKAGE);

    assertThat(first.detected()).containsExactly("created table mine");
    assertThat(first.infos())
        .containsExactly(
            "table legacy is in the database but not in the model; no revision of"
                + " this chain created it, so it is left alone (list it in <excludeTables> to silence this line)");
    MigrationSources.compile(sources, classes);
    migrate(classes).upgrade("head");
    // the chain created mine, so a model without it drops it; legacy stays
    AutogenResult second =
        db.configure()
            .excludeTables(List.of("tmp_*"))
            .classLoader(MigrationSources.loader(classes))
            .load()
            .autogenerate(Database.empty(), "drop mine", sources, PACKAGE);
    assertThat(second.detected()).containsExactly("dropped table mine");
    assertThat(second.warnings()).containsExactly("drops table mine and all its data");
  }

  private static List<dev.migrate.model.Column> append(
      Table table, dev.migrate.model.Column column) {
    List<dev.migrate.model.Column> columns = new ArrayList<>(table.columns());
    columns.add(column);
    return columns;
  }

  private Database introspect() throws SQLException {
    try (Connection c = db.connect()) {
      return new PostgresDialect()
          .introspect(c, "public", Set.of("migrate_version", "migrate_history"));
    }
  }
}
