package dev.migrate.codegen;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Column;
import dev.migrate.model.Identity;
import dev.migrate.model.ReferentialAction;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodegenOpDescriptionsTest {

  private static final Column PHONE = column("phone", varchar(32));

  @Test
  void describesEachOpInThePastTense() {
    var customer = table("customer", column("id", bigint()).asIdentity());
    assertThat(OpDescriptions.describe(new CreateTable(customer)))
        .isEqualTo("created table customer");
    assertThat(OpDescriptions.describe(new CreateTable(customer).reverse()))
        .isEqualTo("dropped table customer");
    assertThat(OpDescriptions.describe(new CreateTable(customer.inSchema("rfx_user"))))
        .isEqualTo("created table rfx_user.customer");
    assertThat(OpDescriptions.describe(new AddColumn(null, "customer", PHONE)))
        .isEqualTo("added column customer.phone");
    assertThat(OpDescriptions.describe(new AddColumn("rfx_user", "customer", PHONE).reverse()))
        .isEqualTo("dropped column rfx_user.customer.phone");
    assertThat(
            OpDescriptions.describe(
                new AddPrimaryKey(null, "customer", primaryKey("customer_pkey", "id"))))
        .isEqualTo("added primary key customer_pkey on customer");
    assertThat(
            OpDescriptions.describe(
                new AddUniqueConstraint(null, "customer", unique("customer_email_key", "e"))
                    .reverse()))
        .isEqualTo("dropped unique constraint customer_email_key on customer");
    assertThat(
            OpDescriptions.describe(
                new AddCheckConstraint("s", "customer", check("customer_age_check", "age > 0"))))
        .isEqualTo("added check constraint customer_age_check on s.customer");
    assertThat(
            OpDescriptions.describe(
                new CreateIndex(null, "customer", index("customer_email_idx", "email"))))
        .isEqualTo("created index customer_email_idx on customer");
    assertThat(
            OpDescriptions.describe(
                new CreateIndex(null, "customer", index("customer_email_idx", "email")).reverse()))
        .isEqualTo("dropped index customer_email_idx on customer");
    assertThat(
            OpDescriptions.describe(
                new CreateIndex(null, "customer", uniqueIndex("customer_email_uidx", "email"))))
        .isEqualTo("created unique index customer_email_uidx on customer");
    assertThat(
            OpDescriptions.describe(
                new AddForeignKey(
                    "sales",
                    "orders",
                    foreignKey("orders_customer_id_fkey", "customer_id")
                        .referencesInSchema("rfx_user", "customer", "id"))))
        .isEqualTo(
            "added foreign key orders_customer_id_fkey on sales.orders referencing rfx_user.customer");
    assertThat(
            OpDescriptions.describe(
                new CreateSequence(sequence("order_seq", 1, 50).inSchema("sales"))))
        .isEqualTo("created sequence sales.order_seq");
    assertThat(
            OpDescriptions.describe(
                new ExecuteSql("  UPDATE customer\n   SET phone = ''\n WHERE phone IS NULL", null)))
        .isEqualTo("executed SQL: UPDATE customer SET phone = '' WHERE phone IS NULL");
    assertThat(OpDescriptions.describe(new ExecuteSql("x".repeat(80), null)))
        .isEqualTo("executed SQL: " + "x".repeat(60) + "...");
  }

  @Test
  void describesEachChangeOfAnAlteredColumn() {
    Column from = column("name", varchar(255));
    assertThat(
            OpDescriptions.describe(
                new AlterColumn(null, "customer", from, from.withType(varchar(100)).notNull())))
        .isEqualTo(
            "altered column customer.name: type varchar(255) -> varchar(100), nullable -> NOT NULL");
    assertThat(
            OpDescriptions.describe(
                new AlterColumn(null, "customer", from.notNull(), from.withDefault("'x'"))))
        .isEqualTo("altered column customer.name: NOT NULL -> nullable, default none -> 'x'");
    Column id = column("id", bigint()).notNull();
    assertThat(
            OpDescriptions.describe(
                new AlterColumn(null, "t", id, id.withIdentity(Identity.ALWAYS))))
        .isEqualTo("altered column t.id: identity none -> GENERATED ALWAYS");
    assertThat(OpDescriptions.describe(new AlterColumn(null, "t", id, id)))
        .isEqualTo("altered column t.id: no change");
  }

  @Test
  void warnsAboutDataLossOnlyNotAboutDropsThatLoseNoRows() {
    var customer = table("customer", column("id", bigint()).asIdentity());
    List<Op> creating =
        List.of(
            new CreateTable(customer),
            new AddColumn(null, "customer", PHONE),
            new AddPrimaryKey(null, "customer", primaryKey("customer_pkey", "id")),
            new AddUniqueConstraint(null, "customer", unique("customer_phone_key", "phone")),
            new AddCheckConstraint(null, "customer", check("customer_phone_check", "phone <> ''")),
            new CreateIndex(null, "customer", index("customer_phone_idx", "phone")),
            new AddForeignKey(
                null,
                "customer",
                foreignKey("customer_id_fkey", "id")
                    .references("person", "id")
                    .withActions(ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
            new CreateSequence(sequence("customer_seq", 1, 50)),
            new ExecuteSql("DELETE FROM customer", null));
    assertThat(creating)
        .allSatisfy(op -> assertThat(OpDescriptions.destructiveWarning(op)).isEmpty());
    // keys, constraints and indexes hold no data: their drops lose no rows (issue 14)
    assertThat(
            creating.subList(0, creating.size() - 1).stream()
                .map(op -> OpDescriptions.destructiveWarning(op.reverse()).orElse("(none)")))
        .containsExactly(
            "drops table customer and all its data",
            "drops column customer.phone and its data",
            "(none)",
            "(none)",
            "(none)",
            "(none)",
            "(none)",
            "drops sequence customer_seq and its current value");
  }

  @Test
  void warnsAboutNarrowingTypeChangesOnly() {
    Column name = column("name", varchar(255));
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterColumn("crm", "customer", name, name.withType(varchar(100)))))
        .hasValue(
            "narrows column crm.customer.name from varchar(255) to varchar(100);"
                + " longer values make the change fail");
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterColumn(null, "customer", name, name.withType(varchar(300)))))
        .isEmpty();
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterColumn(null, "customer", name, name.notNull())))
        .isEmpty();
    Column price = column("price", numeric(12, 4));
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterColumn(null, "item", price, price.withType(numeric(12, 2)))))
        .hasValue(
            "narrows column item.price from numeric(12,4) to numeric(12,2);"
                + " values lose digits or make the change fail");
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterColumn(null, "item", name, name.withType(integer()))))
        .hasValue(
            "narrows column item.name from varchar(255) to integer;"
                + " values that do not convert make the change fail or lose information");
  }

  @Test
  void warnsAboutSequenceChangesThatMayRestartTheSequence() {
    var seq = sequence("order_seq", 1, 1);
    assertThat(OpDescriptions.destructiveWarning(new AlterSequence(seq, seq.withMaxValue(1000))))
        .hasValue(
            "restarts sequence order_seq at 1 if its current value is outside the new bounds 1..1000"
                + " (it may then repeat values)");
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterSequence(seq, sequence("order_seq", -1, -1))))
        .hasValue(
            "restarts sequence order_seq at -1 if its current value is outside the new bounds"
                + " -9223372036854775808..-1 (it may then repeat values)");
    // wider bounds, another start or increment, an owner: the current value stays valid
    assertThat(OpDescriptions.destructiveWarning(new AlterSequence(seq.withMaxValue(1000), seq)))
        .isEmpty();
    assertThat(
            OpDescriptions.destructiveWarning(
                new AlterSequence(
                    seq, sequence("order_seq", 100, 50).withMinValue(-5).withOwnedBy("order.id"))))
        .isEmpty();
  }
}
