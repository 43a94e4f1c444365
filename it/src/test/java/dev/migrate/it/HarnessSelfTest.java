package dev.migrate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.it.harness.Acceptance;
import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.FreshDatabase;
import dev.migrate.it.harness.HibernateOracle;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.it.harness.PostgresTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness judged against Hibernate itself, with the full test model (compiled without Migrate's
 * processor): Hibernate's export compared with itself passes every check, and each check catches a
 * database that differs by one column or one index while ignoring databases that differ only in
 * constraint and index names.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarnessSelfTest {

  static final Path FULL_MODEL = Path.of("src/test/resources/fullmodel");

  private CompiledModel model;
  private HibernateOracle hibernate;
  private FreshDatabase exported;

  @BeforeAll
  void exportTheFullModel(@TempDir Path work) throws Exception {
    model =
        CompiledModel.withoutProcessor(CompiledModel.sources(FULL_MODEL), work.resolve("classes"));
    hibernate = new HibernateOracle(model, NamingOption.JPA);
    exported = FreshDatabase.create("self");
    hibernate.export(exported);
  }

  @AfterAll
  void drop() throws Exception {
    if (exported != null) {
      exported.close();
    }
    if (model != null) {
      model.loader().close();
    }
  }

  @Test
  void theFullModelHasEveryEntity() {
    assertThat(model.entityClassNames()).hasSize(24);
  }

  @Test
  void hibernatesExportPassesEveryCheck() throws Exception {
    hibernate.validate(exported);
    // Hibernate's migrator disagrees with its own export: it re-creates the enum type every time,
    // and looks for the
    // multi-column unique key under its UK<hash> name while the export declared it inline
    // (PostgreSQL named it)
    assertThat(hibernate.updateScript(exported))
        .contains(
            "drop type if exists PolicyStatus cascade",
            "create type PolicyStatus as enum ('ACTIVE','CANCELLED','LAPSED','QUOTED')")
        .anyMatch(
            s ->
                s.matches(
                    "alter table if exists StockItem add constraint UK\\w+ unique \\(warehouse_id, product_id\\)"));
    assertThat(Acceptance.unexplainedUpdates(hibernate, exported)).isEmpty();
    try (FreshDatabase again = FreshDatabase.create("self_again")) {
      hibernate.export(again);
      Acceptance.assertSameSchema(exported, "first export", again, "second export");
    }
  }

  @Test
  void aMissingColumnFailsEveryCheck() throws Exception {
    try (FreshDatabase broken = FreshDatabase.copyOf(exported, "self_column")) {
      broken.execute("ALTER TABLE product DROP COLUMN weight");

      assertThatThrownBy(() -> hibernate.validate(broken))
          .isInstanceOf(SchemaManagementException.class)
          .hasMessageContaining("missing column [weight] in table [product]");
      assertThat(Acceptance.unexplainedUpdates(hibernate, broken))
          .containsExactly(
              "alter table if exists product add column weight integer default 0 not null "
                  // Hibernate 7 puts the condition of a check in parentheses of its own
                  + (NamingOption.hibernate().equals("6.6")
                      ? "check (weight >= 0)"
                      : "check ((weight >= 0))"));
      assertThat(Acceptance.schemaDiff(exported, "export", broken, "broken", 0))
          .contains(
              "\n-COMMENT ON COLUMN public.product.weight IS 'Weight in grams';\n",
              "\n-    CONSTRAINT <check> CHECK ((weight >= 0)),\n",
              "\n-    weight integer DEFAULT 0 NOT NULL\n");
    }
  }

  @Test
  void otherConstraintAndIndexNamesAreIgnored() throws Exception {
    try (FreshDatabase renamed = FreshDatabase.copyOf(exported, "self_names")) {
      List<String> renames = new ArrayList<>();
      try (Connection c = renamed.connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      """
          SELECT 'ALTER TABLE ' || conrelid::regclass || ' RENAME CONSTRAINT ' || quote_ident(conname)
                 || ' TO ' || quote_ident('c' || oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
          UNION ALL
          SELECT 'ALTER INDEX ' || i.indexrelid::regclass || ' RENAME TO ' || quote_ident('i' || i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           WHERE c.relnamespace = 'public'::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)""")) {
        while (rs.next()) {
          renames.add(rs.getString(1));
        }
      }
      assertThat(renames).hasSizeGreaterThan(40);
      renamed.execute(String.join(";\n", renames));

      hibernate.validate(renamed);
      assertThat(hibernate.updateScript(renamed))
          .as("Hibernate looks indexes and unique keys up by name")
          .contains("alter table if exists product add constraint ux_product_slug unique (slug)")
          .contains("create index ix_product_name on product (name)");
      assertThat(Acceptance.unexplainedUpdates(hibernate, renamed)).isEmpty();
      Acceptance.assertSameSchema(exported, "export", renamed, "renamed");
    }
  }

  @Test
  void anIndexOnOtherKeysIsNotIgnored() throws Exception {
    try (FreshDatabase changed = FreshDatabase.copyOf(exported, "self_index")) {
      changed.execute("DROP INDEX ix_product_name; CREATE INDEX other_name ON product (name DESC)");

      assertThat(Acceptance.unexplainedUpdates(hibernate, changed))
          .containsExactly("create index ix_product_name on product (name)");
      assertThat(Acceptance.schemaDiff(exported, "export", changed, "changed", 0))
          .contains(
              """
          -CREATE INDEX <idx> ON public.product USING btree (name);
          +CREATE INDEX <idx> ON public.product USING btree (name DESC);
          """);
    }
  }

  @Test
  void snakeCaseNamingIsSpringBoots() throws Exception {
    HibernateOracle snake = new HibernateOracle(model, NamingOption.SNAKE_CASE);
    try (FreshDatabase database = FreshDatabase.create("self_snake")) {
      snake.export(database);
      snake.validate(database);
      assertThat(Acceptance.unexplainedUpdates(snake, database)).isEmpty();
      assertThat(tables(database))
          .contains("product_tags", "order_line", "customer_profile", "policy_beneficiaries")
          .doesNotContain("product_tag");
      assertThat(tables(exported))
          .contains("product_tag", "orderline", "customerprofile", "policy_beneficiaries");
    }
  }

  private static List<String> tables(FreshDatabase database) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = database.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }
}
