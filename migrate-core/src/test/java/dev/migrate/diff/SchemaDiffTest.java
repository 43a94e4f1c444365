package dev.migrate.diff;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Database;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropForeignKey;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropUniqueConstraint;
import dev.migrate.ops.ModelReplay;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private final SchemaDiff diff = new SchemaDiff(new Normalizer() {});

  private static Database db(Table... tables) {
    return new Database(List.of(tables), List.of());
  }

  private static final Table CUSTOMER =
      table(
          "customer",
          column("id", bigint()).asIdentity(),
          column("email", varchar(255)).notNull(),
          primaryKey("customer_pkey", "id"),
          unique("customer_email_key", "email"),
          index("customer_email_idx", "email"));

  private static final Table ORDERS =
      table(
          "orders",
          column("id", bigint()).notNull(),
          column("customer_id", bigint()),
          primaryKey("orders_pkey", "id"),
          foreignKey("orders_customer_id_fkey", "customer_id")
              .references("customer", "id")
              .withActions(ReferentialAction.CASCADE, null));

  @Test
  void sameModelGivesNoOps() {
    Database d = db(CUSTOMER, ORDERS);
    assertThat(diff.diff(d, d)).isEmpty();
    assertThat(diff.diff(d, db(ORDERS, CUSTOMER))).isEmpty();
  }

  @Test
  void anEmptyCommentIsNoComment() {
    // COMMENT ON ... IS '' drops the comment (PostgreSQL docs, COMMENT), so the catalog can never
    // report one.
    Table withEmpty =
        CUSTOMER
            .withComment("")
            .withColumns(CUSTOMER.columns().stream().map(c -> c.withComment("")).toList());
    assertThat(withEmpty.comment()).isNull();
    assertThat(withEmpty.columns()).allSatisfy(c -> assertThat(c.comment()).isNull());
    assertThat(diff.diff(db(CUSTOMER), db(withEmpty))).isEmpty();
  }

  @Test
  void createsTablesThenIndexesThenForeignKeys() {
    Sequence seq = sequence("orders_seq", 1, 50);
    List<Op> ops =
        diff.diff(Database.empty(), new Database(List.of(ORDERS, CUSTOMER), List.of(seq)));
    assertThat(ops)
        .containsExactly(
            new CreateSequence(seq),
            new CreateTable(CUSTOMER.withoutIndexesAndForeignKeys()),
            new CreateTable(ORDERS.withoutIndexesAndForeignKeys()),
            new CreateIndex(null, "customer", index("customer_email_idx", "email")),
            new AddForeignKey(null, "orders", ORDERS.foreignKeys().get(0)));
  }

  @Test
  void dropsForeignKeysBeforeTablesAndReverseRestoresThem() {
    Database before = db(CUSTOMER, ORDERS);
    Database after =
        db(
            table(
                "orders",
                column("id", bigint()).notNull(),
                column("customer_id", bigint()),
                primaryKey("orders_pkey", "id")));
    List<Op> ops = diff.diff(before, after);
    assertThat(ops)
        .containsExactly(
            new DropForeignKey(null, "orders", ORDERS.foreignKeys().get(0)),
            new DropIndex(null, "customer", index("customer_email_idx", "email")),
            new DropTable(CUSTOMER.withoutIndexesAndForeignKeys()));
    assertThat(Op.reverseAll(ops))
        .containsExactly(
            new CreateTable(CUSTOMER.withoutIndexesAndForeignKeys()),
            new CreateIndex(null, "customer", index("customer_email_idx", "email")),
            new AddForeignKey(null, "orders", ORDERS.foreignKeys().get(0)));
  }

  @Test
  void addsAltersAndDropsColumns() {
    Table before =
        table(
            "customer",
            column("id", bigint()).notNull(),
            column("name", varchar(100)),
            column("fax", varchar(20)),
            primaryKey("customer_pkey", "id"));
    Table after =
        table(
            "customer",
            column("id", bigint()).notNull(),
            column("name", varchar(255)).notNull(),
            column("phone", varchar(255)),
            primaryKey("customer_pkey", "id"));
    assertThat(diff.diff(db(before), db(after)))
        .containsExactly(
            new AlterColumn(
                null,
                "customer",
                column("name", varchar(100)),
                column("name", varchar(255)).notNull()),
            new AddColumn(null, "customer", column("phone", varchar(255))),
            new DropColumn(null, "customer", column("fax", varchar(20))));
  }

  @Test
  void changedConstraintIsDroppedAndAddedAroundColumnChanges() {
    Table before = table("t", column("a", integer()), column("b", integer()), unique("t_key", "a"));
    Table after =
        table("t", column("a", integer()), column("b", integer()), unique("t_key", "a", "b"));
    assertThat(diff.diff(db(before), db(after)))
        .containsExactly(
            new DropUniqueConstraint(null, "t", unique("t_key", "a")),
            new AddUniqueConstraint(null, "t", unique("t_key", "a", "b")));
  }

  @Test
  void comparesChecksAndDefaultsThroughTheNormalizer() {
    Normalizer lenient =
        new Normalizer() {
          @Override
          public String normalizeCheck(String expression) {
            return expression.replace("(", "").replace(")", "");
          }

          @Override
          public String normalizeDefault(String expression) {
            return expression == null ? null : expression.replace("::text", "");
          }
        };
    Table model = table("t", column("s", text()).withDefault("'x'"), check("t_s_check", "s <> ''"));
    Table catalog =
        table("t", column("s", text()).withDefault("'x'::text"), check("t_s_check", "(s <> '')"));
    assertThat(new SchemaDiff(lenient).diff(db(catalog), db(model))).isEmpty();
    assertThat(diff.diff(db(catalog), db(model))).hasSize(3);
  }

  @Test
  void foreignKeyCycleOfAnyLengthNeedsNoRecursion() {
    int n = 5_000;
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tables.add(
          table(
              "t" + i,
              column("id", bigint()).notNull(),
              column("next_id", bigint()),
              primaryKey("t" + i + "_pkey", "id"),
              foreignKey("t" + i + "_next_id_fkey", "next_id")
                  .references("t" + ((i + 1) % n), "id")));
    }
    Database target = db(tables.toArray(Table[]::new));
    List<Op> ops = diff.diff(Database.empty(), target);
    assertThat(ops).hasSize(2 * n);
    assertThat(ops.subList(0, n)).allMatch(op -> op instanceof CreateTable);
    assertThat(diff.diff(ModelReplay.apply(Database.empty(), ops), target)).isEmpty();
  }

  @Test
  void replayingTheDiffReachesTheTargetAndTheReverseComesBack() {
    Database a = db(CUSTOMER, ORDERS);
    Database b =
        db(
            table(
                "customer",
                column("id", bigint()).asIdentity(),
                column("email", varchar(320)).notNull(),
                column("phone", varchar(255)),
                primaryKey("customer_pkey", "id"),
                index("customer_phone_idx", "phone")),
            table(
                "invoice",
                column("id", uuid()).notNull(),
                column("customer_id", bigint()).notNull(),
                primaryKey("invoice_pkey", "id"),
                foreignKey("invoice_customer_id_fkey", "customer_id")
                    .references("customer", "id")));
    List<Op> up = diff.diff(a, b);
    assertThat(diff.diff(ModelReplay.apply(a, up), b)).isEmpty();
    assertThat(diff.diff(ModelReplay.apply(b, Op.reverseAll(up)), a)).isEmpty();
  }

  @Test
  void renamedFromHintsRenameTablesAndColumnsKeepingEverythingElse() {
    Table client =
        table(
            "client",
            column("id", bigint()).notNull(),
            column("mail", varchar(255)),
            primaryKey("client_pkey", "id"),
            unique("client_mail_key", "mail"),
            check("client_mail_check", "mail <> 'x'"),
            index("client_mail_idx", "mail"));
    Table orders =
        table(
            "orders",
            column("id", bigint()).notNull(),
            column("client_id", bigint()),
            foreignKey("orders_client_id_fkey", "client_id").references("client", "id"));
    Table customer =
        table(
                "customer",
                column("id", bigint()).notNull(),
                column("email", varchar(255)).withRenamedFrom(List.of("e_mail", "mail")),
                primaryKey("client_pkey", "id"),
                unique("client_mail_key", "email"),
                check("client_mail_check", "email <> 'x'"),
                index("client_mail_idx", "email"))
            .withRenamedFrom(List.of("client"));
    Table ordersAfter =
        table(
            "orders",
            column("id", bigint()).notNull(),
            column("customer_id", bigint()).withRenamedFrom(List.of("client_id")),
            foreignKey("orders_client_id_fkey", "customer_id").references("customer", "id"));

    DiffResult result =
        diff.compare(db(client, orders), db(customer, ordersAfter), DiffOptions.defaults());

    assertThat(result.ops())
        .containsExactly(
            new RenameTable(null, "client", "customer"),
            new RenameColumn(null, "customer", "mail", "email"),
            new RenameColumn(null, "orders", "client_id", "customer_id"));
    assertThat(result.warnings()).isEmpty();
    Database after = ModelReplay.apply(db(client, orders), result.ops());
    assertThat(diff.diff(after, db(customer.withoutHints(), ordersAfter.withoutHints()))).isEmpty();
    assertThat(diff.diff(ModelReplay.apply(after, Op.reverseAll(result.ops())), db(client, orders)))
        .isEmpty();
  }

  @Test
  void hintsThatDoNotApplyChangeNothing() {
    Table t =
        table("t", column("a", integer()), column("b", integer()).withRenamedFrom(List.of("a")))
            .withRenamedFrom(List.of("old_t"));
    // the old name is still in the model: no rename; the renamed table already exists: no rename
    assertThat(diff.diff(db(t.withoutHints()), db(t))).isEmpty();
    assertThat(diff.diff(db(t.withoutHints(), table("old_t")), db(t)))
        .containsExactly(new DropTable(table("old_t")));
  }

  /**
   * The processor records each {@code @RenamedFrom} value as written and as the naming strategy
   * reads an attribute name ({@code birthDate}, {@code birth_date}); the diff renames from the one
   * the database has.
   */
  @Test
  void theCandidateTheDatabaseHasIsRenamed() {
    Table before = table("customer", column("id", bigint()), column("birth_date", date()));
    Table after =
        table(
            "customer",
            column("id", bigint()),
            column("born_on", date()).withRenamedFrom(List.of("birthDate", "birth_date")));
    DiffResult result = diff.compare(db(before), db(after), DiffOptions.defaults());
    assertThat(result.ops())
        .containsExactly(new RenameColumn(null, "customer", "birth_date", "born_on"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aHintThatMatchesNoColumnWarnsNamingWhatItLookedFor() {
    Table before = table("customer", column("id", bigint()), column("dob", date()));
    Table after =
        table(
            "customer",
            column("id", bigint()),
            column("dob", date()),
            column("born_on", date()).withRenamedFrom(List.of("birthDate", "birth_date")));
    DiffResult result = diff.compare(db(before), db(after), DiffOptions.defaults());
    assertThat(result.ops())
        .containsExactly(new AddColumn(null, "customer", column("born_on", date())));
    assertThat(result.warnings())
        .containsExactly(
            "table customer: @RenamedFrom on column born_on matches no column of the database"
                + " (looked for birthDate, birth_date; it has id, dob), so autogen adds born_on as a"
                + " new column; name the old column or attribute in @RenamedFrom to keep its data");
  }

  @Test
  void aDropAndAnAddOfTheSameTypeWarnButAreNotGuessed() {
    Table before =
        table(
            "customer", column("id", bigint()), column("fax", varchar(32)), column("n", integer()));
    Table after =
        table(
            "customer", column("id", bigint()), column("phone", varchar(32)), column("m", text()));
    DiffResult result = diff.compare(db(before), db(after), DiffOptions.defaults());
    assertThat(result.ops())
        .containsExactly(
            new AddColumn(null, "customer", column("phone", varchar(32))),
            new AddColumn(null, "customer", column("m", text())),
            new DropColumn(null, "customer", column("fax", varchar(32))),
            new DropColumn(null, "customer", column("n", integer())));
    assertThat(result.warnings())
        .containsExactly(
            "table customer: did you rename fax to phone? annotate phone with"
                + " @RenamedFrom(\"fax\") (autogen wrote drop + add, which loses the data of fax)");

    DiffResult tables =
        diff.compare(
            db(table("client", column("id", bigint()))),
            db(table("customer", column("id", bigint()))),
            DiffOptions.defaults());
    assertThat(tables.warnings())
        .containsExactly(
            "did you rename table client to customer? annotate customer with"
                + " @RenamedFrom(\"client\") (autogen wrote drop + create, which loses the rows of client)");
  }

  @Test
  void theRenameHintsNameTheJavaMemberWhenKnown() {
    MemberNames members =
        new MemberNames() {
          @Override
          public Optional<String> ofTable(String schema, String table) {
            return schema == null && table.equals("customer")
                ? Optional.of("com.acme.Customer")
                : Optional.empty();
          }

          @Override
          public Optional<String> ofColumn(String schema, String table, String column) {
            return schema == null && table.equals("customer") && column.equals("birth_date")
                ? Optional.of("com.acme.Customer.birthDate")
                : Optional.empty();
          }
        };
    DiffOptions options = DiffOptions.defaults().withMembers(members);
    DiffResult columns =
        diff.compare(
            db(table("customer", column("id", bigint()), column("dob", date()))),
            db(table("customer", column("id", bigint()), column("birth_date", date()))),
            options);
    assertThat(columns.warnings())
        .containsExactly(
            "table customer: did you rename dob to birth_date? annotate"
                + " com.acme.Customer.birthDate (column birth_date) with @RenamedFrom(\"dob\")"
                + " (autogen wrote drop + add, which loses the data of dob)");

    DiffResult tables =
        diff.compare(
            db(table("client", column("id", bigint()))),
            db(table("customer", column("id", bigint()))),
            options);
    assertThat(tables.warnings())
        .containsExactly(
            "did you rename table client to customer? annotate com.acme.Customer (table"
                + " customer) with @RenamedFrom(\"client\") (autogen wrote drop + create, which"
                + " loses the rows of client)");

    DiffResult unknown =
        diff.compare(
            db(table("client", column("id", bigint()), column("fax", text()))),
            db(table("client", column("id", bigint()), column("phone", text()))),
            options);
    assertThat(unknown.warnings())
        .containsExactly(
            "table client: did you rename fax to phone? annotate phone with"
                + " @RenamedFrom(\"fax\") (autogen wrote drop + add, which loses the data of fax)");
  }

  @Test
  void excludedTablesAreLeftOutOnBothSides() {
    Database current =
        db(table("tmp_import", column("a", integer())), table("audit", column("a", integer())));
    Database target =
        db(table("tmp_new", column("a", integer())), table("audit", column("a", text())));
    DiffOptions options =
        DiffOptions.defaults().withExcludeTables(List.of("tmp_*", "public.audi?"));
    assertThat(diff.compare(current, target, options).ops())
        .containsExactly(
            new AlterColumn(null, "audit", column("a", integer()), column("a", text())));
    assertThat(
            diff.compare(
                    current.relativeTo(null),
                    target,
                    options.withExcludeTables(List.of("tmp_*", "aud*")))
                .ops())
        .isEmpty();
  }

  @Test
  void onlyObjectsTheChainCreatedAreDropped() {
    Sequence seq = sequence("legacy_seq", 1, 1);
    Database current =
        new Database(List.of(table("mine"), table("legacy"), table("kept")), List.of(seq));
    Database target = db(table("kept"));
    ChainObjects owned =
        ChainObjects.of(
            List.of(
                new CreateTable(table("mine")),
                new CreateTable(table("x")),
                new RenameTable(null, "x", "kept")),
            null);
    DiffResult result = diff.compare(current, target, DiffOptions.defaults().withOwned(owned));
    assertThat(result.ops()).containsExactly(new DropTable(table("mine")));
    assertThat(result.infos())
        .containsExactly(
            "table legacy is in the database but not in the model; no revision of this chain created it, so it is left"
                + " alone (list it in <excludeTables> to silence this line)",
            "sequence legacy_seq is in the database but not in the model; no revision of this chain created it, so it"
                + " is left alone");
  }

  @Test
  void changedSequencesAreAlteredAndOwnersSetOnceTheirTablesExist() {
    Sequence was = sequence("s", 1, 50);
    Sequence now = sequence("s", 1, 1).withMaxValue(1000).withOwnedBy("t.id");
    Table t = table("t", column("id", bigint()).notNull());
    List<Op> ops =
        diff.diff(new Database(List.of(), List.of(was)), new Database(List.of(t), List.of(now)));
    assertThat(ops)
        .containsExactly(
            new AlterSequence(was, sequence("s", 1, 1).withMaxValue(1000)),
            new CreateTable(t),
            new AlterSequence(sequence("s", 1, 1).withMaxValue(1000), now));
    // dropping the owning table: the sequence is disowned first, or DROP TABLE would take it along
    List<Op> back = diff.diff(new Database(List.of(t), List.of(now)), Database.empty());
    assertThat(back)
        .containsExactly(
            new AlterSequence(now, now.withOwnedBy(null)),
            new DropTable(t),
            new DropSequence(now.withOwnedBy(null)));
    Database start = new Database(List.of(t), List.of(now));
    assertThat(diff.diff(ModelReplay.apply(start, back), Database.empty())).isEmpty();
    assertThat(diff.diff(ModelReplay.apply(Database.empty(), Op.reverseAll(back)), start))
        .isEmpty();
  }
}
