package dev.migrate.codegen;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.lint.SafeForms;
import dev.migrate.model.Column;
import dev.migrate.model.Identity;
import dev.migrate.model.ReferentialAction;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole generated files against golden files in {@code src/test/resources/codegen}. After an
 * intended change of the output, run with {@code -Dcodegen.updateGolden=true} to rewrite them, then
 * review the diff.
 */
class MigrationWriterTest {

  private static final String PACKAGE = "com.acme.db.migrations";
  private static final Path GOLDEN = Path.of("src/test/resources/codegen");

  private final MigrationWriter writer = new MigrationWriter();

  private static void assertGolden(String name, String actual) {
    Path file = GOLDEN.resolve(name + ".java.txt");
    try {
      if (Boolean.getBoolean("codegen.updateGolden")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void addColumn() {
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261121_153012_AddPhone",
            "3f2a9c1d7b04",
            List.of("9b1e4c2a7d10"),
            "add phone",
            List.of(new AddColumn(null, "customer", column("phone", varchar(255)))),
            List.of());
    assertGolden("add_column", writer.render(spec));
  }

  @Test
  void createTablesWithEverything() {
    var customer =
        table(
            "customer",
            column("id", bigint()).asIdentity(),
            column("email", varchar(255)).notNull(),
            column("status", varchar(16)).notNull().withDefault("'NEW'"),
            column("balance", numeric(38, 2)).notNull().withDefault("0"),
            column("created_at", timestamptz(6)).notNull().withDefault("now()"),
            column("profile", jsonb()),
            primaryKey("customer_pkey", "id"),
            unique("customer_email_key", "email"),
            check("customer_status_check", "status IN ('NEW', 'ACTIVE', 'CLOSED')"));
    var invoice =
        table(
                "invoice",
                column("id", bigint()).withIdentity(Identity.ALWAYS),
                column("number", bigint()).notNull().withDefault("nextval('invoice_number_seq')"),
                column("customer_id", bigint()).notNull(),
                column("issued_on", date()).notNull(),
                primaryKey("invoice_pkey", "id"))
            .inSchema("billing");
    List<Op> upgrade =
        List.of(
            new CreateSequence(sequence("invoice_number_seq", 1000, 1).inSchema("billing")),
            new CreateTable(customer),
            new CreateTable(invoice),
            new CreateIndex(null, "customer", index("customer_created_at_idx", "created_at")),
            new CreateIndex(
                "billing",
                "invoice",
                uniqueIndex("invoice_customer_number_idx", "customer_id", "number")),
            new AddForeignKey(
                "billing",
                "invoice",
                foreignKey("invoice_customer_id_fkey", "customer_id")
                    .referencesInSchema("public", "customer", "id")
                    .withActions(ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261120_090000_CreateCustomerAndInvoice",
            "9b1e4c2a7d10",
            List.of(),
            "create customer and invoice",
            upgrade,
            List.of());
    assertGolden("create_tables", writer.render(spec));
  }

  @Test
  void dropsAndNarrowingsAreMarkedDestructive() {
    Column name = column("name", varchar(255)).notNull();
    Column note = column("note", varchar(100));
    var legacy =
        table(
            "legacy_audit",
            column("id", bigint()).notNull(),
            column("payload", text()),
            primaryKey("legacy_audit_pkey", "id"));
    List<Op> upgrade =
        List.of(
            new DropIndex(null, "customer", index("customer_fax_idx", "fax")),
            new DropColumn(null, "customer", column("fax", varchar(32))),
            new AlterColumn(null, "customer", name, name.withType(varchar(100))),
            new AlterColumn(null, "customer", note, note.withType(text())),
            new DropTable(legacy),
            new DropSequence(sequence("legacy_audit_seq", 1, 50)));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261122_101500_DropFaxAndLegacyAudit",
            "c0ffee123456",
            List.of("3f2a9c1d7b04"),
            "drop fax and legacy audit",
            upgrade,
            List.of(
                "customer.name is shortened to 100 characters: check the longest value before upgrading."));
    assertGolden("drop_and_narrow", writer.render(spec));
  }

  @Test
  void comments() {
    Column name = column("name", varchar(255));
    List<Op> upgrade =
        List.of(
            new CreateTable(
                table("tag", column("id", bigint()).notNull().withComment("surrogate key"))
                    .withComment("Free-form labels")),
            new SetTableComment(null, "customer", null, "People who buy; see 'orders'"),
            new AlterColumn(null, "customer", name, name.withComment("full name")),
            new AddColumn(null, "customer", column("nick", text()).withComment("shown in the UI")));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261125_100000_Comments",
            "aa11bb22cc33",
            List.of("c0ffee123456"),
            "comments",
            upgrade,
            List.of());
    assertGolden("comments", writer.render(spec));
  }

  @Test
  void renamesAndASuspectedRename() {
    List<Op> upgrade =
        List.of(
            new RenameTable(null, "client", "customer"),
            new RenameColumn(null, "customer", "mail", "email"),
            new RenameColumn("billing", "invoice", "no", "number"),
            new AddColumn(null, "customer", column("phone", varchar(32))),
            new DropColumn(null, "customer", column("fax", varchar(32))));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261125_110000_Renames",
            "bb22cc33dd44",
            List.of("aa11bb22cc33"),
            "renames",
            upgrade,
            List.of(
                "table customer: did you rename fax to phone? annotate phone with"
                    + " @RenamedFrom(\"fax\") (autogen wrote drop + add, which loses the data of fax)"));
    assertGolden("renames", writer.render(spec));
  }

  @Test
  void sequences() {
    var before = sequence("invoice_seq", 1, 50);
    List<Op> upgrade =
        List.of(
            new CreateSequence(sequence("ticket_seq", 1, 1).withMaxValue(999_999)),
            new AlterSequence(before, sequence("invoice_seq", 1000, 1).withMinValue(1000)),
            new AlterSequence(
                before.inSchema("billing"), before.inSchema("billing").withOwnedBy("invoice.id")));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261125_120000_Sequences",
            "cc33dd44ee55",
            List.of("bb22cc33dd44"),
            "sequences",
            upgrade,
            List.of());
    assertGolden("sequences", writer.render(spec));
  }

  @Test
  void indexesOfEveryShape() {
    List<Op> upgrade =
        List.of(
            new CreateIndex(
                null, "customer", index("customer_created_idx", desc("created_at"), asc("id"))),
            new CreateIndex(
                null,
                "customer",
                uniqueIndex("customer_email_lower_key", expression("lower(email)"))
                    .withWhere("deleted_at IS NULL")),
            new CreateIndex(null, "document", index("document_tags_idx", "tags").withMethod("gin")),
            new CreateIndex(
                "billing",
                "invoice",
                index("invoice_customer_idx", "customer_id").withInclude("total", "issued_on")),
            new CreateIndex(null, "event", index("event_at_idx", "at").withMethod("brin"), true),
            new AddForeignKey(
                null,
                "line",
                foreignKey("line_order_id_fkey", "order_id")
                    .references("orders", "id")
                    .withDeferrable(true, true)));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261125_130000_Indexes",
            "dd44ee55ff66",
            List.of("cc33dd44ee55"),
            "indexes and a deferrable foreign key",
            upgrade,
            List.of());
    assertGolden("indexes", writer.render(spec));
  }

  /**
   * Autogen's safe forms for tables that hold rows (issue 14): a concurrent index, a foreign key
   * and a check added {@code NOT VALID} and validated, {@code NOT NULL} through a check; the class
   * is {@code transactional = false} and its header lists each hazard with the safe form used.
   */
  @Test
  void safeFormsOnExistingTables() {
    Column email = column("email", varchar(255));
    List<Op> upgrade =
        SafeForms.apply(
            List.of(
                new AlterColumn(null, "customer", email, email.notNull()),
                new AddCheckConstraint(null, "customer", check("customer_age_check", "age >= 0")),
                new CreateIndex(null, "orders", index("orders_customer_id_idx", "customer_id")),
                new AddForeignKey(
                    null,
                    "orders",
                    foreignKey("orders_customer_id_fkey", "customer_id")
                        .references("customer", "id"))));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261126_090000_OrdersOfCustomers",
            "ff6677889900",
            List.of("ee55ff667788"),
            "orders of customers",
            upgrade,
            List.of());
    assertGolden("safe_forms", writer.render(spec));
  }

  @Test
  void schemasAndEnumTypes() {
    List<Op> upgrade =
        List.of(
            new CreateSchema("billing"),
            new CreateEnumType(
                enumType("invoice_state", "DRAFT", "SENT", "PAID").inSchema("billing")),
            new AddEnumValue(null, "mood", "meh", null, "sad"),
            new CreateTable(
                table(
                        "invoice",
                        column("id", bigint()).notNull(),
                        column("state", type("invoice_state")))
                    .inSchema("billing")));
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R20261125_140000_Billing",
            "ee55ff667788",
            List.of("dd44ee55ff66"),
            "billing",
            upgrade,
            List.of());
    assertGolden("schemas_and_enum_types", writer.render(spec));
  }

  @Test
  void concurrentIndexMarksTheRevisionNonTransactional() {
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R1",
            "abc",
            List.of(),
            "x",
            List.of(new CreateIndex(null, "t", index("t_a_idx", "a"), true)),
            List.of());
    assertThat(writer.render(spec))
        .contains("@Revision(id = \"abc\", message = \"x\", transactional = false)");
  }

  @Test
  void anEnumValueAddedAndUsedIsNamedForReview() {
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R1",
            "abc",
            List.of(),
            "x",
            List.of(
                new AddEnumValue(null, "mood", "glad", null, "happy"),
                new AlterColumn(
                    null,
                    "person",
                    column("mood", type("mood")),
                    column("mood", type("mood")).withDefault("'glad'::mood"))),
            List.of());
    assertThat(writer.render(spec))
        .contains("@Revision(id = \"abc\", message = \"x\")")
        .contains(
            " *   <li>Value 'glad' of enum type mood is added and then used (default of column person.mood):\n"
                + " *       PostgreSQL cannot use a new enum value before the transaction that added it commits, so the\n"
                + " *       runner commits the new values first and then runs the rest of the revision in one\n"
                + " *       transaction.\n");
    var unused =
        MigrationSpec.autogen(
            PACKAGE,
            "R1",
            "abc",
            List.of(),
            "x",
            List.of(
                new AddEnumValue(null, "mood", "glad", null, "happy"),
                new AlterColumn(
                    null,
                    "person",
                    column("mood", type("mood")),
                    column("mood", type("mood")).withDefault("'happy'::mood"))),
            List.of());
    assertThat(writer.render(unused)).doesNotContain("added and then used");
  }

  @Test
  void emptyRevisionTemplateShowsHowToWriteOps() {
    var spec =
        MigrationSpec.empty(
            PACKAGE,
            "R20261123_080000_BackfillPhone",
            "0a1b2c3d4e5f",
            List.of("c0ffee123456"),
            "backfill phone");
    assertGolden("revision_template", writer.render(spec));
  }

  @Test
  void mergeRevisesSeveralHeads() {
    var spec =
        MigrationSpec.empty(
            PACKAGE,
            "R20261124_120000_MergeHeads",
            "5e6f7a8b9c0d",
            List.of("0a1b2c3d4e5f", "7d8e9f0a1b2c"),
            "merge heads");
    assertGolden("merge", writer.render(spec));
  }

  @Test
  void baseRevisionWithoutMessageOmitsRevisesAndMessage() {
    var spec = MigrationSpec.empty("", "R20261124_120000", "5e6f7a8b9c0d", List.of(), "");
    String source = writer.render(spec);
    assertThat(source)
        .startsWith("import static dev.migrate.runtime.Ddl.*;")
        .contains(
            "@Revision(id = \"5e6f7a8b9c0d\")\npublic class R20261124_120000 implements Migration {\n\n")
        .contains(" * (no message)\n *\n * <p>Revision 5e6f7a8b9c0d, the first of its chain.");
  }

  @Test
  void headerEscapesWhatJavadocWouldMisread() {
    var spec =
        MigrationSpec.autogen(
            PACKAGE,
            "R1",
            "abc",
            List.of(),
            "a <b> & */ @since \\u0041",
            List.of(new AddColumn(null, "t<1>", column("c", text()))),
            List.of("use @RenamedFrom */"));
    String source = writer.render(spec);
    assertThat(source)
        .contains(" * a &lt;b&gt; &amp; *&#47; &#64;since &#92;u0041\n")
        .contains("<li>added column t&lt;1&gt;.c\n")
        .contains("<li>use &#64;RenamedFrom *&#47;\n")
        .contains("message = \"a <b> & */ @since \\\\u0041\")");
  }

  @Test
  void writesIntoThePackageDirectoryAndNeverOverwrites(@TempDir Path root) throws IOException {
    var spec =
        MigrationSpec.empty(
            PACKAGE, "R20261123_080000_BackfillPhone", "0a1b2c3d4e5f", List.of(), "x");
    Path file = writer.write(spec, root);
    assertThat(file)
        .isEqualTo(root.resolve("com/acme/db/migrations/R20261123_080000_BackfillPhone.java"));
    assertThat(Files.readString(file)).isEqualTo(writer.render(spec));
    assertThatThrownBy(() -> writer.write(spec, root))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void rejectsNamesThatAreNotJava() {
    assertThatThrownBy(
            () -> MigrationSpec.empty("com.acme.db-migrations", "R1", "a", List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.acme.db-migrations");
    assertThatThrownBy(() -> MigrationSpec.empty(PACKAGE, "1R", "a", List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RevisionNames.className");
    assertThatThrownBy(() -> MigrationSpec.empty(PACKAGE, "R1", " ", List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newRevisionId");
  }
}
