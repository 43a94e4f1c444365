package dev.migrate.dialect.postgres;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each object kind and change of issue 4 on a real PostgreSQL: model A is created with the diff's
 * own ops, the catalog read back equals A; the diff A → B runs, the catalog equals B and a second
 * diff finds nothing; the reversed ops run and the catalog equals A again.
 */
@PostgresTest
class PostgresObjectKindsTest {

  private static final PostgresDialect DIALECT = new PostgresDialect();
  private static final SchemaDiff DIFF = new SchemaDiff(DIALECT);

  private TestDatabase db;
  private Connection connection;

  @BeforeEach
  void create() throws SQLException {
    db = TestDatabase.create();
    connection = db.connect();
  }

  @AfterEach
  void drop() throws SQLException {
    connection.close();
    db.close();
  }

  /** Runs A, then A → B, then back; returns the ops of A → B. */
  List<Op> roundTrip(Database a, Database b) throws SQLException {
    execute(DIFF.diff(Database.empty(), a));
    assertThat(DIFF.diff(introspect(), a)).as("A as created").isEmpty();
    List<Op> up = DIFF.diff(introspect(), b);
    execute(up);
    assertThat(DIFF.diff(introspect(), b)).as("B after upgrade").isEmpty();
    execute(Op.reverseAll(up));
    assertThat(DIFF.diff(introspect(), a)).as("A after downgrade").isEmpty();
    return up;
  }

  Database introspect() throws SQLException {
    return DIALECT.introspect(connection, "public", Set.of());
  }

  void execute(List<Op> ops) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Op op : ops) {
        for (String sql : DIALECT.statements(op)) {
          statement.execute(sql);
        }
      }
    }
  }

  List<String> rows(String query) throws SQLException {
    List<String> rows = new java.util.ArrayList<>();
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  static Database db(Table... tables) {
    return new Database(List.of(tables), List.of());
  }

  @Test
  void tableAndColumnComments() throws SQLException {
    Table plain = table("customer", column("id", bigint()).notNull(), column("name", text()));
    Table commented =
        table(
                "customer",
                column("id", bigint()).notNull().withComment("the key"),
                column("name", text()).withComment("it's \"the\" name \\ ☃"))
            .withComment("Customers");

    List<Op> up = roundTrip(db(plain), db(commented));

    assertThat(up).contains(new SetTableComment(null, "customer", null, "Customers"));
    assertThat(introspect().table(null, "customer").orElseThrow()).isEqualTo(plain);
    execute(DIFF.diff(introspect(), db(commented)));
    assertThat(introspect().table(null, "customer").orElseThrow()).isEqualTo(commented);
    // created with comments in one go
    execute(DIFF.diff(introspect(), Database.empty()));
    execute(DIFF.diff(Database.empty(), db(commented)));
    assertThat(introspect()).isEqualTo(db(commented));
  }

  @Test
  void renamesKeepRowsAndDependentObjects() throws SQLException {
    Table client =
        table(
            "client",
            column("id", bigint()).notNull(),
            column("mail", varchar(255)),
            primaryKey("client_pkey", "id"),
            check("client_mail_check", "mail <> 'mail'"),
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
                column("email", varchar(255)).withRenamedFrom(List.of("mail")),
                primaryKey("client_pkey", "id"),
                check("client_mail_check", "email <> 'mail'"),
                index("client_mail_idx", "email"))
            .withRenamedFrom(List.of("client"));
    Table ordersAfter =
        table(
            "orders",
            column("id", bigint()).notNull(),
            column("client_id", bigint()),
            foreignKey("orders_client_id_fkey", "client_id").references("customer", "id"));
    execute(DIFF.diff(Database.empty(), db(client, orders)));
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO client VALUES (1, 'a@example.com')");
    }

    List<Op> up = DIFF.diff(introspect(), db(customer, ordersAfter));
    assertThat(up)
        .containsExactly(
            new RenameTable(null, "client", "customer"),
            new RenameColumn(null, "customer", "mail", "email"));
    execute(up);
    assertThat(DIFF.diff(introspect(), db(customer, ordersAfter))).isEmpty();
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT id, email FROM customer")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString("email")).isEqualTo("a@example.com");
    }
    execute(Op.reverseAll(up));
    assertThat(DIFF.diff(introspect(), db(client, orders))).isEmpty();
  }

  @Test
  void sequencesAreAlteredInPlaceKeepingTheirValue() throws SQLException {
    Table t = table("t", column("id", bigint()).notNull());
    Database a = new Database(List.of(t), List.of(sequence("s", 1, 50), sequence("z", 0, 1)));
    Database b =
        new Database(
            List.of(t),
            List.of(
                sequence("s", 100, 1).withMinValue(-10).withMaxValue(1_000_000).withOwnedBy("t.id"),
                sequence("z", 0, 1).withMinValue(-1)));
    List<Op> up = roundTrip(a, b);
    assertThat(up).noneMatch(op -> op instanceof dev.migrate.ops.DropSequence);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT nextval('s'), nextval('s')");
    }
    execute(up);
    assertThat(introspect().sequences()).isEqualTo(b.sequences());
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT nextval('s')")) {
      rows.next();
      assertThat(rows.getLong(1)).as("1, 51, then one step of the new increment").isEqualTo(52);
    }
  }

  /**
   * The counterexamples of the round-trip property's {@code sequenceBoundChanges} shape: new bounds
   * that exclude the current value restart the sequence at its new start; a narrowing that keeps
   * the current value in range keeps it.
   */
  @Test
  void sequencesWhoseNewBoundsExcludeTheCurrentValueAreRestarted() throws SQLException {
    Database a =
        new Database(
            List.of(),
            List.of(
                sequence("s0", 0, 1),
                sequence("s1", -1, -1),
                sequence("s2", 9223372036854775806L, 1),
                sequence("s3", 1, 1)));
    Database b =
        new Database(
            List.of(),
            List.of(
                sequence("s0", 1, 1),
                sequence("s1", 1, 1),
                sequence("s2", 1, 1).withMinValue(-1000).withMaxValue(1_000_000),
                sequence("s3", 1, 1).withMaxValue(100)));
    List<Op> up = roundTrip(a, b);
    assertThat(up)
        .hasSize(4)
        .allMatch(op -> op instanceof dev.migrate.ops.AlterSequence alter && alter.narrowsRange());

    execute(DIFF.diff(introspect(), a));
    assertThat(rows("SELECT nextval('s3') FROM generate_series(1, 5)"))
        .containsExactly("1", "2", "3", "4", "5");
    execute(up);
    assertThat(introspect().sequences()).isEqualTo(b.sequences());
    assertThat(
            rows(
                "SELECT nextval('s0') || ' ' || nextval('s1') || ' ' || nextval('s2') || ' ' || nextval('s3')"))
        .as("s0, s1, s2 restarted at 1; s3 kept its value")
        .containsExactly("1 1 1 6");
    execute(Op.reverseAll(up));
    assertThat(introspect().sequences()).isEqualTo(a.sequences());
    assertThat(
            rows(
                "SELECT nextval('s0') || ' ' || nextval('s1') || ' ' || nextval('s2') || ' ' || nextval('s3')"))
        .as("s1 restarted at its old start (1 is not descending); s0, s2, s3 kept their values")
        .containsExactly("2 -1 2 7");
  }

  @Test
  void indexesOfEveryShapeComeBackAsCreatedAndEachChangeIsFound() throws SQLException {
    Table plain =
        table(
            "doc",
            column("id", bigint()).notNull(),
            column("email", varchar(255)),
            column("tags", type("text[]")),
            column("at", timestamptz(6)),
            column("deleted_at", timestamptz(6)),
            column("n", integer()),
            index("doc_email_idx", "email"),
            index("doc_tags_idx", "tags"),
            index("doc_at_idx", "at"),
            index("doc_n_idx", "n"));
    Table shaped =
        table(
            "doc",
            column("id", bigint()).notNull(),
            column("email", varchar(255)),
            column("tags", type("text[]")),
            column("at", timestamptz(6)),
            column("deleted_at", timestamptz(6)),
            column("n", integer()),
            uniqueIndex("doc_email_idx", expression("lower(email)"), desc("id"))
                .withWhere("deleted_at IS NULL"),
            index("doc_tags_idx", "tags").withMethod("gin"),
            index("doc_at_idx", desc("at")).withInclude("n", "id"),
            index("doc_n_idx", expression("n + 1"))
                .withMethod("hash")
                .withWhere("n > 0 AND email <> 'x'"));

    List<Op> up = roundTrip(db(plain), db(shaped));

    assertThat(up).hasSize(8);
    execute(DIFF.diff(introspect(), db(shaped)));
    Table read = introspect().table(null, "doc").orElseThrow();
    assertThat(read.indexes())
        .extracting(dev.migrate.model.Index::method)
        .containsExactly("btree", "btree", "hash", "gin");
    assertThat(read.indexes().get(0).include()).containsExactly("n", "id");
  }

  @Test
  void foreignKeyColumnsTargetActionsAndDeferrability() throws SQLException {
    Table parent =
        table(
            "parent",
            column("id", bigint()).notNull(),
            column("code", text()).notNull(),
            primaryKey("parent_pkey", "id"),
            unique("parent_code_key", "code"));
    Table other = table("other", column("id", bigint()).notNull(), primaryKey("other_pkey", "id"));
    Table child =
        table(
            "child",
            column("parent_id", bigint()),
            column("code", text()),
            foreignKey("child_fk", "parent_id").references("parent", "id"));
    Table deferred =
        table(
            "child",
            column("parent_id", bigint()),
            column("code", text()),
            foreignKey("child_fk", "parent_id")
                .references("parent", "id")
                .withDeferrable(true, true));
    Table deferrable =
        table(
            "child",
            column("parent_id", bigint()),
            column("code", text()),
            foreignKey("child_fk", "parent_id")
                .references("parent", "id")
                .withDeferrable(true, false));
    Table actions =
        table(
            "child",
            column("parent_id", bigint()),
            column("code", text()),
            foreignKey("child_fk", "parent_id")
                .references("parent", "id")
                .withActions(
                    dev.migrate.model.ReferentialAction.CASCADE,
                    dev.migrate.model.ReferentialAction.SET_NULL));
    Table target =
        table(
            "child",
            column("parent_id", bigint()),
            column("code", text()),
            foreignKey("child_fk", "parent_id").references("other", "id"));
    Table columns =
        table(
            "child",
            column("parent_id", bigint()),
            column("code", text()),
            foreignKey("child_fk", "code").references("parent", "code"));
    for (Table changed : List.of(deferred, deferrable, actions, target, columns)) {
      List<Op> up = roundTrip(db(parent, other, child), db(parent, other, changed));
      assertThat(up).hasSize(2);
      execute(DIFF.diff(introspect(), Database.empty()));
    }
  }

  /**
   * The round-trip property's counterexample: removing a label re-creates the type, and foreign
   * keys between columns of it (in one table and across tables) would fail at the first column's
   * change ("Key columns c1 and c0 are of incompatible types: e0 and text"); they are dropped and
   * added again around it, deferrability kept.
   */
  @Test
  void aLabelIsRemovedFromAnEnumTypeThatForeignKeysUse() throws SQLException {
    var small = enumType("e0", "a");
    var grown = enumType("e0", "v2", "a");
    Table t0 =
        table(
            "t0",
            column("c0", type("e0")).notNull().withDefault("'a'"),
            column("c1", type("e0")),
            primaryKey("t0_pkey", "c0"),
            foreignKey("t0_fk1", "c1").references("t0", "c0"));
    Table t1 =
        table(
            "t1",
            column("c0", type("e0")),
            foreignKey("t1_fk2", "c0").references("t0", "c0").withDeferrable(true, true));
    List<Op> up =
        roundTrip(
            new Database(List.of(t0, t1), List.of(), List.of(small)),
            new Database(List.of(t0, t1), List.of(), List.of(grown)));
    assertThat(up).containsExactly(new dev.migrate.ops.AddEnumValue(null, "e0", "v2", "a", null));

    execute(DIFF.diff(introspect(), new Database(List.of(t0, t1), List.of(), List.of(small))));
    execute(up);
    try (var statement = connection.createStatement()) {
      statement.execute("INSERT INTO t0 (c0, c1) VALUES ('a', 'a'), ('v2', 'a')");
      statement.execute("INSERT INTO t1 (c0) VALUES ('a')");
      statement.execute("DELETE FROM t0 WHERE c0 = 'v2'");
    }
    execute(Op.reverseAll(up));
    assertThat(DIFF.diff(introspect(), new Database(List.of(t0, t1), List.of(), List.of(small))))
        .isEmpty();
    assertThat(introspect().enumTypes()).containsExactly(small);
    assertThat(
            rows(
                "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
                    + " ORDER BY conname"))
        .containsExactly(
            "t0_fk1 FOREIGN KEY (c1) REFERENCES t0(c0)",
            "t1_fk2 FOREIGN KEY (c0) REFERENCES t0(c0) DEFERRABLE INITIALLY DEFERRED");
    assertThat(rows("SELECT c0 || '/' || c1 FROM t0")).containsExactly("a/a");
  }

  @Test
  void enumTypesAreCreatedGrownAndDroppedOnDowngrade() throws SQLException {
    var mood = new dev.migrate.model.EnumType(null, "mood", List.of("sad", "happy"));
    var grown =
        new dev.migrate.model.EnumType(null, "mood", List.of("meh", "sad", "ok", "happy", "glad"));
    Table person = table("person", column("id", bigint()).notNull(), column("mood", type("mood")));
    Database a = new Database(List.of(), List.of(), List.of());
    Database b = new Database(List.of(person), List.of(), List.of(mood));
    List<Op> create = roundTrip(a, b);
    assertThat(create.get(0)).isEqualTo(new dev.migrate.ops.CreateEnumType(mood));
    assertThat(introspect().enumTypes()).isEmpty();

    execute(create);
    assertThat(introspect()).isEqualTo(b);
    Database c = new Database(List.of(person), List.of(), List.of(grown));
    List<Op> grow = DIFF.diff(introspect(), c);
    assertThat(grow)
        .containsExactly(
            new dev.migrate.ops.AddEnumValue(null, "mood", "meh", "sad", null),
            new dev.migrate.ops.AddEnumValue(null, "mood", "ok", null, "sad"),
            new dev.migrate.ops.AddEnumValue(null, "mood", "glad", null, "happy"));
    execute(grow);
    assertThat(introspect()).isEqualTo(c);
    // the downgrade removes the added values again, re-creating the type with the rows and the
    // default in place
    try (var statement = connection.createStatement()) {
      statement.execute("ALTER TABLE person ALTER COLUMN mood SET DEFAULT 'happy'");
      statement.execute(
          "INSERT INTO person (id, mood) VALUES (1, 'sad'), (2, 'happy'), (3, DEFAULT)");
    }
    List<Op> shrink =
        DIFF.diff(introspect(), new Database(introspect().tables(), List.of(), List.of(mood)));
    assertThat(shrink)
        .containsExactly(
            new dev.migrate.ops.DropEnumValue(null, "mood", "glad", null, "happy"),
            new dev.migrate.ops.DropEnumValue(null, "mood", "ok", null, "sad"),
            new dev.migrate.ops.DropEnumValue(null, "mood", "meh", "sad", null));
    assertThat(dev.migrate.ops.Op.reverseAll(shrink)).isEqualTo(grow);
    execute(shrink);
    assertThat(introspect().enumTypes()).containsExactly(mood);
    assertThat(rows("SELECT id || ':' || mood FROM person ORDER BY id"))
        .containsExactly("1:sad", "2:happy", "3:happy");
    assertThat(rows("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"))
        .containsExactly("'happy'::mood");
    assertThat(
            rows(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'person'::regclass"
                    + " AND attname = 'mood'"))
        .containsExactly("mood");

    // a label that rows still hold is not removed: the error names it, and nothing changes
    execute(grow);
    try (var statement = connection.createStatement()) {
      statement.execute("INSERT INTO person (id, mood) VALUES (4, 'ok')");
    }
    connection.setAutoCommit(false);
    try {
      assertThatThrownBy(
              () ->
                  execute(
                      List.of(new dev.migrate.ops.DropEnumValue(null, "mood", "ok", null, "sad"))))
          .hasMessageContaining(
              "cannot remove value 'ok' from enum type mood: rows of person.mood still hold it; update them first");
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    assertThat(introspect().enumTypes()).containsExactly(grown);

    // a change of order is reported, not attempted
    var reordered =
        new dev.migrate.model.EnumType(null, "mood", List.of("meh", "ok", "sad", "happy", "glad"));
    var result =
        DIFF.compare(
            introspect(),
            new Database(introspect().tables(), List.of(), List.of(reordered)),
            dev.migrate.diff.DiffOptions.defaults());
    assertThat(result.ops()).isEmpty();
    assertThat(result.infos()).singleElement().asString().contains("cannot reorder enum values");
  }

  /**
   * The rule behind {@link dev.migrate.ops.EnumValueUse}: a label added in a transaction cannot be
   * used before it commits, so the runner commits the labels a revision adds and uses before the
   * revision's transaction.
   */
  @Test
  void aNewEnumValueCannotBeUsedBeforeItsTransactionCommits() throws SQLException {
    var mood = new dev.migrate.model.EnumType(null, "mood", List.of("sad", "happy"));
    execute(List.of(new dev.migrate.ops.CreateEnumType(mood)));
    Table person = table("person", column("id", bigint()).notNull(), column("mood", type("mood")));
    execute(List.of(new dev.migrate.ops.CreateTable(person)));
    List<Op> ops =
        List.of(
            new dev.migrate.ops.AddEnumValue(null, "mood", "glad", null, "happy"),
            new dev.migrate.ops.AlterColumn(
                null,
                "person",
                person.column("mood").orElseThrow(),
                column("mood", type("mood")).withDefault("'glad'::mood")));
    assertThat(dev.migrate.ops.EnumValueUse.firstUse(ops))
        .hasValue(
            "value 'glad' of enum type mood is added and then used (default of column person.mood)");

    connection.setAutoCommit(false);
    try {
      assertThatThrownBy(() -> execute(ops))
          .hasMessageContaining("unsafe use of new value \"glad\" of enum type mood");
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    execute(ops); // one statement at a time, each committed, as a non-transactional revision runs
    assertThat(rows("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"))
        .containsExactly("'glad'::mood");
  }

  @Test
  void aMissingSchemaIsCreatedAndTheDowngradeDropsIt() throws SQLException {
    Table invoice = table("invoice", column("id", bigint()).notNull()).inSchema("billing");
    Database model = db(invoice);
    var options =
        dev.migrate.diff.DiffOptions.defaults().withExistingSchemas(java.util.Set.of("public"));
    List<Op> up = DIFF.compare(Database.empty(), model, options).ops();
    assertThat(up)
        .containsExactly(
            new dev.migrate.ops.CreateSchema("billing"), new dev.migrate.ops.CreateTable(invoice));
    execute(up);
    assertThat(DIALECT.introspect(connection, "billing", Set.of()))
        .isEqualTo(model.relativeTo("billing"));
    execute(Op.reverseAll(up));
    try (Statement statement = connection.createStatement();
        var rows =
            statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'billing'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
    assertThat(
            DIFF.compare(
                    Database.empty(),
                    model,
                    options.withExistingSchemas(Set.of("public", "billing")))
                .ops())
        .containsExactly(new dev.migrate.ops.CreateTable(invoice));
  }

  @Test
  void enumChecksPrimaryKeysTypesAndIdentityChange() throws SQLException {
    Table a =
        table(
            "account",
            column("id", bigint()).notNull(),
            column("tenant", integer()).notNull(),
            column("status", varchar(16)).notNull(),
            column("code", varchar(10)),
            column("n", bigint()).asIdentity(),
            column("price", numeric(10, 2)),
            primaryKey("account_pkey", "id"),
            check("account_status_check", "status IN ('NEW', 'ACTIVE')"));
    Table b =
        table(
            "account",
            column("id", bigint()).notNull(),
            column("tenant", integer()).notNull(),
            column("status", varchar(16)).notNull(),
            column("code", integer()),
            column("n", bigint()).withIdentity(dev.migrate.model.Identity.ALWAYS),
            column("price", numeric(12, 4)),
            primaryKey("account_pkey", "tenant", "id"),
            check("account_status_check", "status IN ('NEW', 'ACTIVE', 'CLOSED')"));
    List<Op> up = roundTrip(db(a), db(b));
    assertThat(up)
        .extracting(op -> op.getClass().getSimpleName())
        .containsExactly(
            "DropCheckConstraint",
            "DropPrimaryKey",
            "AlterColumn",
            "AlterColumn",
            "AlterColumn",
            "AddPrimaryKey",
            "AddCheckConstraint");
    assertThat(DIALECT.statements(up.get(2)))
        .containsExactly("ALTER TABLE account ALTER COLUMN code TYPE integer USING code::integer");
  }
}
