package dev.migrate.roundtrip;

import static dev.migrate.roundtrip.SchemaHarness.DIALECT;
import static dev.migrate.roundtrip.SchemaHarness.DIFF;
import static dev.migrate.roundtrip.SchemaHarness.assertSameSchema;
import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.codegen.OpDescriptions;
import dev.migrate.diff.DiffOptions;
import dev.migrate.diff.DiffResult;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropForeignKey;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropPrimaryKey;
import dev.migrate.ops.DropUniqueConstraint;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The five counterexamples of the round-trip property that the diff once got wrong ({@link Shapes}:
 * {@code TYPE_CHANGES_UNDER_FOREIGN_KEYS}, {@code KEY_CHANGES_UNDER_FOREIGN_KEYS}, {@code
 * REUSED_NAMES_WITHOUT_CAST}, {@code RENAME_AND_REUSE_OLD_NAME}, {@code REDUNDANT_UNIQUES}), each
 * as exact ops (and SQL where the SQL is the point), then run on PostgreSQL with rows in the
 * tables: upgrade, read back as B with nothing left to generate, downgrade, read back as A; the
 * rows are checked where the change keeps them.
 */
@PostgresTest
class DependentChangesTest {

  private static TestDatabase db;
  private static SchemaHarness harness;
  private String schema;

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = TestDatabase.create();
    harness = new SchemaHarness(db.connect());
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    harness.close();
    db.close();
  }

  @BeforeEach
  void freshSchema() throws SQLException {
    schema = harness.freshSchema("dep");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    harness.dropSchema(schema);
  }

  private static final Set<String> NO_ENUMS = Set.of();

  private static Database db(Table... tables) {
    return new Database(List.of(tables), List.of());
  }

  // ------------------------------------------------------------------------------------------------ foreign keys

  private static final ForeignKey CHILD_PARENT =
      foreignKey("child_parent_id_fkey", "parent_id").references("parent", "id");

  @Test
  void aTypeChangeUnderAForeignKeyDropsTheKeyFirstAndAddsItBackAfter() throws SQLException {
    Database a =
        db(
            table("parent", column("id", integer()).notNull(), primaryKey("parent_pkey", "id")),
            table(
                "child",
                column("id", integer()).notNull(),
                column("parent_id", integer()),
                primaryKey("child_pkey", "id"),
                CHILD_PARENT));
    Database b =
        db(
            table("parent", column("id", varchar(20)).notNull(), primaryKey("parent_pkey", "id")),
            table(
                "child",
                column("id", integer()).notNull(),
                column("parent_id", varchar(20)),
                primaryKey("child_pkey", "id"),
                CHILD_PARENT));

    List<Op> up = DIFF.diff(a, b);

    assertThat(up)
        .containsExactly(
            new DropForeignKey(null, "child", CHILD_PARENT),
            new AlterColumn(
                null, "child", column("parent_id", integer()), column("parent_id", varchar(20))),
            new AlterColumn(
                null,
                "parent",
                column("id", integer()).notNull(),
                column("id", varchar(20)).notNull()),
            new AddForeignKey(null, "child", CHILD_PARENT));
    assertThat(Op.reverseAll(up))
        .containsExactly(
            new DropForeignKey(null, "child", CHILD_PARENT),
            new AlterColumn(
                null,
                "parent",
                column("id", varchar(20)).notNull(),
                column("id", integer()).notNull()),
            new AlterColumn(
                null, "child", column("parent_id", varchar(20)), column("parent_id", integer())),
            new AddForeignKey(null, "child", CHILD_PARENT));
    assertThat(DIALECT.statements(up.get(2)))
        .containsExactly("ALTER TABLE parent ALTER COLUMN id TYPE varchar(20)");
    assertThat(DIALECT.statements(Op.reverseAll(up).get(1)))
        .containsExactly("ALTER TABLE parent ALTER COLUMN id TYPE integer USING id::integer");

    create(a, "INSERT INTO parent VALUES (1), (2)", "INSERT INTO child VALUES (10, 2)");
    upgradeAndDowngrade(a, b, up);
    assertThat(rows("SELECT id, parent_id FROM child")).containsExactly("10 2");
  }

  @Test
  void aReplacedKeyUnderAForeignKeyDropsTheKeyFirstAndAddsItBackAfterTheNewKey()
      throws SQLException {
    ForeignKey fk = foreignKey("t0_fk2", "c1").references("t0", "c0");
    Database a =
        db(
            table(
                "t0",
                column("c0", integer()).withDefault("0"),
                column("c1", integer()),
                unique("t0_uq1", "c0"),
                fk));
    Database b =
        db(
            table(
                "t0",
                column("c0", integer()).withDefault("0").notNull(),
                column("c1", integer()),
                primaryKey("t0_pkey", "c0"),
                fk));

    List<Op> up = DIFF.diff(a, b);

    assertThat(up)
        .containsExactly(
            new DropForeignKey(null, "t0", fk),
            new DropUniqueConstraint(null, "t0", unique("t0_uq1", "c0")),
            new AlterColumn(
                null,
                "t0",
                column("c0", integer()).withDefault("0"),
                column("c0", integer()).withDefault("0").notNull()),
            new AddPrimaryKey(null, "t0", primaryKey("t0_pkey", "c0")),
            new AddForeignKey(null, "t0", fk));

    create(a, "INSERT INTO t0 VALUES (1, NULL), (2, 1)");
    upgradeAndDowngrade(a, b, up);
    assertThat(rows("SELECT c0, c1 FROM t0 ORDER BY c0")).containsExactly("1 null", "2 1");
  }

  @Test
  void aDroppedPrimaryKeyUnderAForeignKeyThatAUniqueConstraintStillServes() throws SQLException {
    Database a =
        db(
            table(
                "parent",
                column("id", integer()).notNull(),
                primaryKey("parent_pkey", "id"),
                unique("parent_id_key", "id")),
            table("child", column("parent_id", integer()), CHILD_PARENT));
    Database b =
        db(
            table("parent", column("id", integer()).notNull(), unique("parent_id_key", "id")),
            table("child", column("parent_id", integer()), CHILD_PARENT));

    List<Op> up = DIFF.diff(a, b);

    assertThat(up)
        .containsExactly(
            new DropForeignKey(null, "child", CHILD_PARENT),
            new DropPrimaryKey(null, "parent", primaryKey("parent_pkey", "id")),
            new AddForeignKey(null, "child", CHILD_PARENT));
    create(a, "INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (1)");
    upgradeAndDowngrade(a, b, up);
  }

  // ------------------------------------------------------------------------------------------------ no cast

  @Test
  void aTypeChangeWithoutACastDropsAndAddsTheColumnWithWhatInvolvesIt() throws SQLException {
    Table before =
        table(
            "t0",
            column("id", integer()).notNull(),
            column("c0", integer()).withDefault("0"),
            primaryKey("t0_pkey", "id"),
            unique("t0_c0_key", "c0"),
            index("t0_c0_idx", "c0"));
    Table after =
        table(
            "t0",
            column("id", integer()).notNull(),
            column("c0", uuid()).withDefault("gen_random_uuid()"),
            primaryKey("t0_pkey", "id"),
            unique("t0_c0_key", "c0"),
            index("t0_c0_idx", "c0"));
    ForeignKey ref = foreignKey("other_c0_fkey", "c0").references("t0", "c0");
    Database a = db(before, table("other", column("c0", integer()), ref));
    Database b = db(after, table("other", column("c0", uuid()), ref));

    DiffResult result = DIFF.compare(a, b, DiffOptions.defaults());

    assertThat(result.ops())
        .containsExactly(
            new DropForeignKey(null, "other", ref),
            new DropIndex(null, "t0", index("t0_c0_idx", "c0")),
            new DropColumn(null, "other", column("c0", integer())),
            new AddColumn(null, "other", column("c0", uuid())),
            new DropUniqueConstraint(null, "t0", unique("t0_c0_key", "c0")),
            new DropColumn(null, "t0", column("c0", integer()).withDefault("0")),
            new AddColumn(null, "t0", column("c0", uuid()).withDefault("gen_random_uuid()")),
            new AddUniqueConstraint(null, "t0", unique("t0_c0_key", "c0")),
            new CreateIndex(null, "t0", index("t0_c0_idx", "c0")),
            new AddForeignKey(null, "other", ref));
    assertThat(result.warnings())
        .containsExactly(
            "table other: column c0 changes type from integer to uuid, which the database cannot convert; autogen"
                + " wrote drop + add, which loses the data of c0 (convert it by hand with op.execute(...) if the data"
                + " matters)",
            "table t0: column c0 changes type from integer to uuid, which the database cannot convert; autogen wrote"
                + " drop + add, which loses the data of c0 (convert it by hand with op.execute(...) if the data"
                + " matters)");
    assertThat(OpDescriptions.destructiveWarning(result.ops().get(5)))
        .contains("drops column t0.c0 and its data");

    // one row: the downgrade adds c0 back with its default, 0, under the unique constraint
    create(a, "INSERT INTO t0 VALUES (1, 5)");
    upgradeAndDowngrade(a, b, result.ops());
    // the row of t0 survives both ways; the data of c0 does not (as warned)
    assertThat(rows("SELECT id, c0 FROM t0")).containsExactly("1 0");
  }

  @Test
  void aSequenceOwnedByARecreatedColumnIsDisownedFirstAndOwnedAgainAfter() throws SQLException {
    Sequence owned = sequence("s0", 1, 1).withOwnedBy("t0.c0");
    Database a = new Database(List.of(table("t0", column("c0", integer()))), List.of(owned));
    Database b = new Database(List.of(table("t0", column("c0", date()))), List.of(owned));

    List<Op> up = DIFF.diff(a, b);

    assertThat(up)
        .containsExactly(
            new AlterSequence(owned, owned.withOwnedBy(null)),
            new DropColumn(null, "t0", column("c0", integer())),
            new AddColumn(null, "t0", column("c0", date())),
            new AlterSequence(owned.withOwnedBy(null), owned));
    create(a);
    upgradeAndDowngrade(a, b, up);
  }

  @Test
  void anEnumColumnThatBecomesAnIntegerIsRecreatedAndOneThatBecomesTextIsAltered()
      throws SQLException {
    List<EnumType> mood = List.of(enumType("mood", "ok", "sad"));
    Database a =
        new Database(
            List.of(table("t0", column("c0", type("mood")), column("c1", type("mood")))),
            List.of(),
            mood);
    Database b =
        new Database(
            List.of(table("t0", column("c0", integer()), column("c1", text()))), List.of(), mood);

    List<Op> up = DIFF.diff(a, b);

    assertThat(up)
        .containsExactly(
            new DropColumn(null, "t0", column("c0", type("mood"))),
            new AddColumn(null, "t0", column("c0", integer())),
            new AlterColumn(null, "t0", column("c1", type("mood")), column("c1", text())));
    create(a, "INSERT INTO t0 VALUES ('ok', 'sad')");
    upgradeAndDowngrade(a, b, up);
    assertThat(rows("SELECT c0, c1 FROM t0")).containsExactly("null sad");
  }

  @Test
  void castsThatPostgresHasAlterInPlace() {
    assertThat(DIALECT.convertsInPlace(varchar(20), integer(), NO_ENUMS)).isTrue();
    assertThat(DIALECT.convertsInPlace(integer(), bool(), NO_ENUMS)).isTrue();
    assertThat(DIALECT.convertsInPlace(numeric(10, 2), bool(), NO_ENUMS)).isTrue();
    assertThat(DIALECT.convertsInPlace(type("integer[]"), type("bigint[]"), NO_ENUMS)).isTrue();
    assertThat(DIALECT.convertsInPlace(type("text[]"), type("integer[]"), NO_ENUMS)).isTrue();
    assertThat(DIALECT.convertsInPlace(jsonb(), integer(), NO_ENUMS)).isTrue();
    assertThat(DIALECT.convertsInPlace(type("my_domain"), integer(), NO_ENUMS))
        .as("unknown types are assumed to convert")
        .isTrue();
    Set<String> enums = Set.of("mood", "color");
    assertThat(DIALECT.convertsInPlace(type("mood"), text(), enums)).isTrue();
    assertThat(DIALECT.convertsInPlace(varchar(20), type("mood"), enums)).isTrue();
    assertThat(DIALECT.convertsInPlace(type("mood"), integer(), enums)).isFalse();
    assertThat(DIALECT.convertsInPlace(type("mood"), type("color"), enums)).isFalse();
    assertThat(DIALECT.convertsInPlace(integer(), uuid(), NO_ENUMS)).isFalse();
    assertThat(DIALECT.convertsInPlace(uuid(), integer(), NO_ENUMS)).isFalse();
    assertThat(DIALECT.convertsInPlace(date(), time(6), NO_ENUMS)).isFalse();
    assertThat(DIALECT.convertsInPlace(type("json"), integer(), NO_ENUMS)).isFalse();
    assertThat(DIALECT.convertsInPlace(type("oid"), smallint(), NO_ENUMS)).isFalse();
    assertThat(DIALECT.convertsInPlace(integer(), type("integer[]"), NO_ENUMS)).isFalse();
    assertThat(DIALECT.convertsInPlace(type("int4[]"), type("uuid[]"), NO_ENUMS))
        .as("aliases in arrays")
        .isFalse();
    assertThat(DIALECT.convertsInPlace(type("int4"), type("float8"), NO_ENUMS)).isTrue();
  }

  /**
   * Every pair of types the cast rule knows, against the server: {@code convertsInPlace} is true
   * exactly when the dialect's {@code ALTER COLUMN ... TYPE} runs (on an empty table, so that no
   * value can fail to parse).
   */
  @Test
  void theCastRuleAgreesWithPostgresForEveryPairOfKnownTypes() throws SQLException {
    List<String> names =
        List.of(
            "smallint",
            "integer",
            "bigint",
            "real",
            "double precision",
            "numeric",
            "boolean",
            "varchar",
            "char",
            "text",
            "uuid",
            "date",
            "timestamp",
            "timestamptz",
            "time",
            "timetz",
            "interval",
            "json",
            "jsonb",
            "bytea",
            "inet",
            "cidr",
            "oid",
            "money",
            "macaddr",
            "macaddr8",
            "xml",
            "integer[]",
            "bigint[]",
            "text[]",
            "uuid[]",
            "date[]",
            "varchar(10)[]",
            "bit(8)",
            "bit varying(8)",
            "interval day to second(2)",
            "timestamp(3) with time zone",
            "mood",
            "color",
            "mood[]");
    List<String> disagreements = new ArrayList<>();
    harness.execute(
        "create",
        List.of(
            new CreateEnumType(enumType("mood", "ok", "sad")),
            new CreateEnumType(enumType("color", "red")),
            new CreateTable(table("casts", column("c", integer())))));
    harness.connection().setAutoCommit(false);
    try (Statement s = harness.connection().createStatement()) {
      for (String from : names) {
        for (String to : names) {
          if (from.equals(to)) {
            continue;
          }
          s.execute("SAVEPOINT pair");
          s.execute("ALTER TABLE casts DROP COLUMN c");
          s.execute("ALTER TABLE casts ADD COLUMN c " + from);
          boolean runs = true;
          for (String sql :
              DIALECT.statements(
                  new AlterColumn(
                      null, "casts", Column.of("c", type(from)), Column.of("c", type(to))))) {
            try {
              s.execute(sql);
            } catch (SQLException e) {
              runs = false;
              break;
            }
          }
          s.execute("ROLLBACK TO SAVEPOINT pair");
          if (runs != DIALECT.convertsInPlace(type(from), type(to), Set.of("mood", "color"))) {
            disagreements.add(
                from + " -> " + to + ": PostgreSQL " + (runs ? "runs" : "refuses") + " it");
          }
        }
      }
    } finally {
      harness.connection().rollback();
      harness.connection().setAutoCommit(true);
    }
    assertThat(disagreements).isEmpty();
  }

  // ------------------------------------------------------------------------------------------------ renames

  @Test
  void aRenameWhoseOldNameANewColumnTakesRenamesFirst() throws SQLException {
    Database a = db(table("t0", column("c0", uuid()).withDefault("gen_random_uuid()")));
    Table hinted =
        table(
            "t0",
            column("r1", uuid()).withDefault("gen_random_uuid()").withRenamedFrom(List.of("c0")),
            column("c0", integer()).withDefault("0"));
    Database b = db(hinted);

    List<Op> up = DIFF.diff(a, b);

    assertThat(up)
        .containsExactly(
            new RenameColumn(null, "t0", "c0", "r1"),
            new AddColumn(null, "t0", column("c0", integer()).withDefault("0")));
    assertThat(Op.reverseAll(up))
        .containsExactly(
            new DropColumn(null, "t0", column("c0", integer()).withDefault("0")),
            new RenameColumn(null, "t0", "r1", "c0"));

    create(a, "INSERT INTO t0 VALUES ('00000000-0000-0000-0000-000000000001')");
    harness.execute("upgrade", up);
    assertSameSchema("after upgrade", harness.introspect(schema), db(hinted.withoutHints()), true);
    assertThat(rows("SELECT r1, c0 FROM t0"))
        .containsExactly("00000000-0000-0000-0000-000000000001 0");
    harness.execute("downgrade", Op.reverseAll(up));
    assertSameSchema("after downgrade", harness.introspect(schema), a);
    assertThat(rows("SELECT c0 FROM t0")).containsExactly("00000000-0000-0000-0000-000000000001");
  }

  @Test
  void aRenamedTableWhoseOldNameANewTableTakesIsRenamedFirst() throws SQLException {
    Database a = db(table("t0", column("id", integer())));
    Table renamed = table("renamed1", column("id", integer())).withRenamedFrom(List.of("t0"));
    Table fresh = table("t0", column("x", text()));
    Database b = db(fresh, renamed);

    List<Op> up = DIFF.diff(a, b);

    assertThat(up).containsExactly(new RenameTable(null, "t0", "renamed1"), new CreateTable(fresh));
    create(a, "INSERT INTO t0 VALUES (7)");
    upgradeAndDowngrade(a, db(fresh, renamed.withoutHints()), up);
    assertThat(rows("SELECT id FROM t0")).containsExactly("7");
  }

  @Test
  void aChainOfRenamesRunsFromItsFreeEnd() throws SQLException {
    Database a = db(table("t", column("z", integer()), column("a", text())));
    Table chained =
        table(
            "t",
            column("a", integer()).withRenamedFrom(List.of("z")),
            column("b", text()).withRenamedFrom(List.of("a")));

    List<Op> up = DIFF.diff(a, db(chained));

    assertThat(up)
        .containsExactly(
            new RenameColumn(null, "t", "a", "b"), new RenameColumn(null, "t", "z", "a"));
    create(a, "INSERT INTO t VALUES (1, 'x')");
    upgradeAndDowngrade(a, db(chained.withoutHints()), up);
    assertThat(rows("SELECT z, a FROM t")).containsExactly("1 x");
  }

  @Test
  void swappedNamesReadAsRenamesAppliedLongAgo() {
    // hints stay in the model after their revision, so both names present means both renames
    // happened
    Database a = db(table("t", column("a", integer()), column("b", integer())));
    Table swapped =
        table(
            "t",
            column("b", integer()).withRenamedFrom(List.of("a")),
            column("a", integer()).withRenamedFrom(List.of("b")));
    assertThat(DIFF.diff(a, db(swapped))).isEmpty();
  }

  // ------------------------------------------------------------------------------------------------ redundant keys

  @Test
  void aUniqueConstraintThatRepeatsAKeyIsAddedAfterCreateTable() throws SQLException {
    Table t0 =
        table(
            "t0",
            column("c0", integer()).notNull(),
            column("c1", integer()),
            primaryKey("t0_pkey", "c0"),
            unique("t0_uq1", "c0"),
            unique("t0_uq2", "c1"),
            unique("t0_uq3", "c1"));

    assertThat(DIALECT.statements(new CreateTable(t0)))
        .containsExactly(
            "CREATE TABLE t0 (\n"
                + "    c0 integer NOT NULL,\n"
                + "    c1 integer,\n"
                + "    CONSTRAINT t0_pkey PRIMARY KEY (c0),\n"
                + "    CONSTRAINT t0_uq2 UNIQUE (c1)\n"
                + ")",
            "ALTER TABLE t0 ADD CONSTRAINT t0_uq1 UNIQUE (c0)",
            "ALTER TABLE t0 ADD CONSTRAINT t0_uq3 UNIQUE (c1)");

    List<Op> create = DIFF.diff(Database.empty(), db(t0));
    harness.execute("create", create);
    assertSameSchema("after create", harness.introspect(schema), db(t0));
    harness.execute("drop", Op.reverseAll(create));
    assertThat(harness.introspect(schema)).isEqualTo(Database.empty());
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void create(Database a, String... inserts) throws SQLException {
    harness.execute("create A", DIFF.diff(Database.empty(), a));
    try (Statement s = harness.connection().createStatement()) {
      for (String insert : inserts) {
        s.execute(insert);
      }
    }
  }

  /**
   * Runs {@code up}, reads back {@code b}, runs its reverse, reads back {@code a}; nothing left to
   * generate.
   */
  private void upgradeAndDowngrade(Database a, Database b, List<Op> up) throws SQLException {
    harness.execute("upgrade A -> B", up);
    assertSameSchema("after upgrade", harness.introspect(schema), b, true);
    harness.execute("downgrade B -> A", Op.reverseAll(up));
    assertSameSchema("after downgrade", harness.introspect(schema), a, true);
  }

  /** The rows of {@code query}, each as its values joined by a space ({@code null} as "null"). */
  private List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = harness.connection().createStatement();
        ResultSet r = s.executeQuery(query)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(String.valueOf(r.getString(i)));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
