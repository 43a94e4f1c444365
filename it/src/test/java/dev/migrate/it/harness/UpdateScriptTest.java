package dev.migrate.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.it.harness.UpdateScript.Catalog;
import dev.migrate.it.harness.UpdateScript.ExistingIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateScriptTest {

  private static final Catalog CATALOG =
      new Catalog(
          List.of(
              ExistingIndex.fromDefinition(
                  "CREATE UNIQUE INDEX customer_email_key ON public.customer USING btree (email)"),
              ExistingIndex.fromDefinition(
                  "CREATE UNIQUE INDEX stock_item_warehouse_id_product_id_key ON public.stock_item USING btree "
                      + "(warehouse_id, product_id)"),
              ExistingIndex.fromDefinition(
                  "CREATE INDEX purchase_order_customer_id_placed_at_idx ON public.purchase_order USING btree "
                      + "(customer_id, placed_at DESC)")),
          Map.of("policystatus", List.of("ACTIVE", "LAPSED")),
          Set.of("varchar->policystatus", "policystatus->varchar"));

  @Test
  void uniqueKeysAndIndexesUnderOtherNamesAreExplained() {
    assertThat(
            UpdateScript.unexplained(
                List.of(
                    "alter table if exists Stock_Item drop constraint if exists UKc9uq",
                    "alter table if exists stock_item add constraint UKc9uq unique (warehouse_id, product_id)",
                    "alter table if exists customer add constraint UK1 unique (email)",
                    "create index IDXa on purchase_order (customer_id, placed_at desc)"),
                CATALOG))
        .isEmpty();
  }

  @Test
  void otherKeysOrderOrUniquenessAreNot() {
    List<String> script =
        List.of(
            "alter table if exists stock_item drop constraint if exists UK2",
            "alter table if exists stock_item add constraint UK2 unique (product_id, warehouse_id)",
            "create index IDXa on purchase_order (customer_id, placed_at)",
            "create unique index IDXb on purchase_order (customer_id, placed_at desc)",
            "alter table if exists customer drop constraint if exists fk_other");
    assertThat(UpdateScript.unexplained(script, CATALOG)).isEqualTo(script);
  }

  @Test
  void anUnchangedEnumTypeIsExplainedAndAChangedOneIsNot() {
    List<String> recreate =
        List.of(
            "drop type if exists PolicyStatus cascade",
            "create type PolicyStatus as enum ('ACTIVE','LAPSED')",
            "create cast (varchar as PolicyStatus) with inout as implicit",
            "create cast (PolicyStatus as varchar) with inout as implicit");
    assertThat(UpdateScript.unexplained(recreate, CATALOG)).isEmpty();
    assertThat(
            UpdateScript.unexplained(
                List.of("create type PolicyStatus as enum ('LAPSED','ACTIVE')"), CATALOG))
        .hasSize(1);
    assertThat(UpdateScript.unexplained(List.of("drop type if exists Other cascade"), CATALOG))
        .hasSize(1);
  }

  @Test
  void enumCastsAreExplainedWhenTheTypeExistsEvenWithoutThem() {
    Catalog withoutCasts = new Catalog(CATALOG.indexes(), CATALOG.enums(), Set.of());
    assertThat(
            UpdateScript.unexplained(
                List.of(
                    "create type PolicyStatus as enum ('ACTIVE','LAPSED')",
                    "create cast (varchar as PolicyStatus) with inout as implicit",
                    "create cast (PolicyStatus as varchar) with inout as implicit"),
                withoutCasts))
        .isEmpty();
    List<String> otherType = List.of("create cast (varchar as Mood) with inout as implicit");
    assertThat(UpdateScript.unexplained(otherType, withoutCasts)).isEqualTo(otherType);
  }

  @Test
  void everythingElseIsReported() {
    List<String> script =
        List.of(
            "alter table if exists product add column weight integer",
            "create sequence product_seq start with 1 increment by 50",
            "alter table if exists customer alter column street set data type varchar(255)");
    assertThat(UpdateScript.unexplained(script, CATALOG)).isEqualTo(script);
  }

  @Test
  void keysAreCanonical() {
    assertThat(UpdateScript.keys("\"Position\" ASC,  product_id DESC, Name"))
        .isEqualTo("Position,product_id desc,name");
  }
}
