package dev.migrate.lint;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.Column;
import dev.migrate.model.Identity;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropEnumValue;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ValidateConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule: the plain op on a table that exists before the revision is a finding with the rule's
 * hazard and lock; its safe form (where one exists) is reported as used; the same op on a table
 * created in the revision is no finding.
 */
class LintTest {

  private static final Lint LINT = new Lint(new PostgresDialect());
  private static final Column EMAIL = column("email", varchar(255));
  private static final CreateTable NEW_ORDERS =
      new CreateTable(table("orders", column("id", bigint()).notNull()));

  private static List<String> lint(Op... ops) {
    return LINT.findings(List.of(ops)).stream().map(Finding::describe).toList();
  }

  private static List<Rule> rules(Op... ops) {
    return LINT.findings(List.of(ops)).stream()
        .filter(f -> !f.safeFormUsed())
        .map(Finding::rule)
        .toList();
  }

  @Test
  void createIndexWithoutConcurrentlyBlocksWrites() {
    var plain = new CreateIndex(null, "orders", index("orders_at_idx", "at"));
    assertThat(lint(plain))
        .containsExactly(
            "require-concurrent-index-creation on index orders_at_idx on orders: lock, SHARE"
                + " (blocks writes); safe form: CREATE INDEX CONCURRENTLY, outside a transaction"
                + " (SHARE UPDATE EXCLUSIVE)");
    assertThat(SafeForms.apply(List.of(plain)))
        .containsExactly(new CreateIndex(null, "orders", index("orders_at_idx", "at"), true));
    assertThat(lint(SafeForms.apply(List.of(plain)).toArray(Op[]::new)))
        .containsExactly(
            "require-concurrent-index-creation on index orders_at_idx on orders: safe form used"
                + " (CREATE INDEX CONCURRENTLY, outside a transaction (SHARE UPDATE EXCLUSIVE))");
    assertThat(lint(NEW_ORDERS, plain)).as("a new table has no rows").isEmpty();
    assertThat(SafeForms.apply(List.of(NEW_ORDERS, plain))).containsExactly(NEW_ORDERS, plain);
  }

  @Test
  void addForeignKeyScansUnderAWriteLock() {
    var key = foreignKey("orders_customer_fkey", "customer_id").references("customer", "id");
    var plain = new AddForeignKey(null, "orders", key);
    assertThat(lint(plain))
        .containsExactly(
            "adding-foreign-key-constraint on foreign key orders_customer_fkey on orders: scan"
                + " under lock, SHARE ROW EXCLUSIVE (blocks writes); safe form: ADD CONSTRAINT ..."
                + " NOT VALID, then VALIDATE CONSTRAINT in its own transaction (SHARE UPDATE"
                + " EXCLUSIVE)");
    List<Op> safe = SafeForms.apply(List.of(plain));
    assertThat(safe)
        .containsExactly(
            new AddForeignKey(null, "orders", key, true),
            new ValidateConstraint(null, "orders", "orders_customer_fkey"));
    assertThat(rules(safe.toArray(Op[]::new))).isEmpty();
    assertThat(lint(NEW_ORDERS, new AddForeignKey(null, "orders", key))).isEmpty();
  }

  @Test
  void addCheckScansUnderAccessExclusive() {
    var plain = new AddCheckConstraint(null, "customer", check("customer_age_check", "age >= 0"));
    assertThat(lint(plain))
        .containsExactly(
            "adding-check-constraint on check customer_age_check on customer: scan under lock,"
                + " ACCESS EXCLUSIVE (blocks reads and writes); safe form: ADD CONSTRAINT ... CHECK"
                + " (...) NOT VALID, then VALIDATE CONSTRAINT in its own transaction (SHARE UPDATE"
                + " EXCLUSIVE)");
    List<Op> safe = SafeForms.apply(List.of(plain));
    assertThat(safe)
        .containsExactly(
            new AddCheckConstraint(null, "customer", plain.constraint(), true),
            new ValidateConstraint(null, "customer", "customer_age_check"));
    assertThat(rules(safe.toArray(Op[]::new))).isEmpty();
  }

  @Test
  void setNotNullScansUnderAccessExclusive() {
    var plain = new AlterColumn(null, "customer", EMAIL, EMAIL.notNull());
    assertThat(rules(plain)).containsExactly(Rule.ADDING_NOT_NULLABLE_FIELD);
    assertThat(Rule.ADDING_NOT_NULLABLE_FIELD.lock()).hasValue(LockLevel.ACCESS_EXCLUSIVE);
    List<Op> safe = SafeForms.apply(List.of(plain));
    assertThat(safe)
        .containsExactly(new AlterColumn(null, "customer", EMAIL, EMAIL.notNull(), true));
    assertThat(safe.get(0).runsInTransaction()).isFalse();
    assertThat(rules(safe.toArray(Op[]::new))).isEmpty();
    assertThat(safe.get(0).reverse())
        .as("dropping NOT NULL needs no check")
        .isEqualTo(new AlterColumn(null, "customer", EMAIL.notNull(), EMAIL));
  }

  @Test
  void typeChangesThatRewriteOrNarrow() {
    assertThat(rules(new AlterColumn(null, "t", column("n", integer()), column("n", bigint()))))
        .containsExactly(Rule.CHANGING_COLUMN_TYPE);
    assertThat(rules(new AlterColumn(null, "t", EMAIL, EMAIL.withType(varchar(100)))))
        .containsExactly(Rule.CHANGING_COLUMN_TYPE, Rule.NARROWING_COLUMN_TYPE);
    // binary coercible or a wider limit: the catalog changes, the table is not rewritten
    assertThat(rules(new AlterColumn(null, "t", EMAIL, EMAIL.withType(varchar(300))))).isEmpty();
    assertThat(rules(new AlterColumn(null, "t", EMAIL, EMAIL.withType(text())))).isEmpty();
    Column price = column("price", numeric(10, 2));
    assertThat(rules(new AlterColumn(null, "t", price, price.withType(numeric(12, 2))))).isEmpty();
    assertThat(Rule.CHANGING_COLUMN_TYPE.hazards()).containsExactly(Hazard.TABLE_REWRITE);
  }

  @Test
  void addColumnWithAVolatileDefaultRewritesAndARequiredOneBreaksInserts() {
    assertThat(
            rules(
                new AddColumn(null, "t", column("token", uuid()).withDefault("gen_random_uuid()"))))
        .containsExactly(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT);
    assertThat(
            rules(
                new AddColumn(
                    null, "t", column("n", bigint()).notNull().withIdentity(Identity.ALWAYS))))
        .containsExactly(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT);
    assertThat(rules(new AddColumn(null, "t", column("at", timestamptz(6)).withDefault("now()"))))
        .as("now() is stable: no rewrite on PostgreSQL 11+")
        .isEmpty();
    assertThat(rules(new AddColumn(null, "t", column("n", integer()).notNull())))
        .containsExactly(Rule.ADDING_REQUIRED_FIELD);
    assertThat(rules(new AddColumn(null, "t", column("n", integer()).notNull().withDefault("0"))))
        .isEmpty();
  }

  @Test
  void keysAndUniqueConstraintsBuildAnIndexUnderAccessExclusive() {
    assertThat(rules(new AddPrimaryKey(null, "t", primaryKey("t_pkey", "id"))))
        .containsExactly(Rule.ADDING_PRIMARY_KEY_CONSTRAINT);
    assertThat(rules(new AddUniqueConstraint(null, "t", unique("t_code_key", "code"))))
        .containsExactly(Rule.DISALLOWED_UNIQUE_CONSTRAINT);
    assertThat(rules(new DropIndex(null, "t", index("t_a_idx", "a"))))
        .containsExactly(Rule.REQUIRE_CONCURRENT_INDEX_DELETION);
    assertThat(rules(new DropIndex(null, "t", index("t_a_idx", "a"), true))).isEmpty();
  }

  @Test
  void dropsAndRenamesLoseDataOrBreakTheRunningApplication() {
    assertThat(
            lint(
                new DropColumn(null, "customer", EMAIL),
                new DropTable(table("legacy", column("id", bigint()))),
                new RenameColumn(null, "customer", "mail", "email"),
                new RenameTable(null, "client", "customer")))
        .containsExactly(
            "ban-drop-column on customer.email: data loss, breaks the running application, ACCESS"
                + " EXCLUSIVE (blocks reads and writes); safe form: deploy an application that no"
                + " longer reads the column first (JPA: remove the field), then drop it",
            "ban-drop-table on legacy: data loss, breaks the running application, ACCESS EXCLUSIVE"
                + " (blocks reads and writes); safe form: deploy an application that no longer uses"
                + " the table first, then drop it",
            "renaming-column on customer.mail (to email): breaks the running application, ACCESS"
                + " EXCLUSIVE (blocks reads and writes); safe form: add the new column, write both,"
                + " backfill, read the new one, drop the old one",
            "renaming-table on client (to customer): breaks the running application, ACCESS"
                + " EXCLUSIVE (blocks reads and writes); safe form: create the new table, write"
                + " both, backfill, read the new one, drop the old one");
    assertThat(Rule.BAN_DROP_COLUMN.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void removingAnEnumValueRewritesEveryColumnOfTheType() {
    assertThat(rules(new DropEnumValue(null, "mood", "meh", null, null)))
        .containsExactly(Rule.REMOVING_ENUM_VALUE);
  }

  @Test
  void aRenamedNewTableStaysNew() {
    assertThat(
            rules(
                NEW_ORDERS,
                new RenameTable(null, "orders", "purchase"),
                new CreateIndex(null, "purchase", index("purchase_id_idx", "id"))))
        .isEmpty();
  }

  @Test
  void rawSqlIsReadWhereItsShapeIsKnown() {
    assertThat(
            rules(
                new ExecuteSql(
                    "CREATE INDEX orders_at_idx ON orders (at);\n"
                        + "CREATE INDEX CONCURRENTLY orders_b_idx ON orders (b);\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_c_fkey FOREIGN KEY (c)"
                        + " REFERENCES c (id);\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_d_fkey FOREIGN KEY (d)"
                        + " REFERENCES d (id) NOT VALID;\n"
                        + "ALTER TABLE orders ALTER COLUMN e SET NOT NULL, DROP COLUMN f;\n"
                        + "UPDATE orders SET e = 'x' WHERE e IS NULL; -- a backfill\n"
                        + "CREATE TABLE fresh (id bigint); CREATE INDEX fresh_idx ON fresh (id)",
                    null)))
        .containsExactly(
            Rule.REQUIRE_CONCURRENT_INDEX_CREATION,
            Rule.ADDING_FOREIGN_KEY_CONSTRAINT,
            Rule.ADDING_NOT_NULLABLE_FIELD,
            Rule.BAN_DROP_COLUMN);
    assertThat(lint(new ExecuteSql("CLUSTER orders USING orders_pkey", null)))
        .containsExactly(
            "unchecked-sql on SQL \"CLUSTER orders USING orders_pkey\": unchecked; safe form:"
                + " none: review the statement by hand");
    assertThat(Rule.UNCHECKED_SQL.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void sqlIsSplitOutsideQuotesAndComments() {
    assertThat(
            SqlHazards.statements(
                "SELECT 'a;b'; /* x; */ SELECT \"c;d\"; DO $$ BEGIN PERFORM 1; END $$; -- e;\n"))
        .containsExactly("SELECT 'a;b'", "SELECT \"c;d\"", "DO $$ BEGIN PERFORM 1; END $$");
  }

  @Test
  void failLevels() {
    assertThat(Severity.ERROR.fails(Severity.ERROR)).isTrue();
    assertThat(Severity.WARNING.fails(Severity.ERROR)).isFalse();
    assertThat(Severity.WARNING.fails(Severity.WARNING)).isTrue();
    assertThat(Severity.INFO.fails(Severity.WARNING)).isFalse();
    assertThat(Severity.ERROR.fails(Severity.failOn("none"))).isFalse();
    assertThat(Finding.of(Rule.CHANGING_COLUMN_TYPE, "t.c").accept().severity())
        .isEqualTo(Severity.INFO);
  }
}
