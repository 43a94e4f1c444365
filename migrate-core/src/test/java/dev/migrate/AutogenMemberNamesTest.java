package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.diff.MemberNames;
import dev.migrate.snapshot.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The members a snapshot records, looked up as the diff names tables: relative to the schema the
 * chain runs in.
 */
class AutogenMemberNamesTest {

  private static final List<Snapshot.Member> MEMBERS =
      List.of(
          new Snapshot.Member("customer", null, "com.acme.Customer"),
          new Snapshot.Member("customer", "birth_date", "com.acme.Customer.birthDate"),
          new Snapshot.Member("app.orders", "placed_at", "com.acme.Order.placedAt"),
          new Snapshot.Member("audit.entry", "at", "com.acme.Entry.at"));

  @Test
  void tablesOfTheChainsSchemaAreFoundWithOrWithoutIt() {
    MemberNames names = Autogenerate.memberNames(MEMBERS, "app");
    assertThat(names.ofTable(null, "customer")).contains("com.acme.Customer");
    assertThat(names.ofTable("app", "customer")).contains("com.acme.Customer");
    assertThat(names.ofColumn(null, "customer", "birth_date"))
        .contains("com.acme.Customer.birthDate");
    assertThat(names.ofColumn(null, "orders", "placed_at")).contains("com.acme.Order.placedAt");
    assertThat(names.ofColumn("audit", "entry", "at")).contains("com.acme.Entry.at");
    assertThat(names.ofColumn(null, "entry", "at")).isEmpty();
    assertThat(names.ofColumn(null, "customer", "id")).isEmpty();
    assertThat(names.ofTable(null, "orders")).isEmpty();
  }

  @Test
  void noMembersIsNone() {
    assertThat(Autogenerate.memberNames(List.of(), "app")).isSameAs(MemberNames.NONE);
  }
}
