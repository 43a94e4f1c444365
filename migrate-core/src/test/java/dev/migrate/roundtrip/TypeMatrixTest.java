package dev.migrate.roundtrip;

import static dev.migrate.roundtrip.SchemaHarness.DIFF;
import static dev.migrate.roundtrip.SchemaHarness.assertSameSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Op;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every column type Migrate supports on PostgreSQL, created and read back with zero diffs; and
 * every sensible type change (widening, narrowing, a change that needs {@code USING}) run on a
 * table with a row, which must keep its value.
 */
@PostgresTest
class TypeMatrixTest {

  private static TestDatabase db;
  private static SchemaHarness harness;
  private static String schema;
  private static final AtomicInteger TABLES = new AtomicInteger();

  /** The enum type the type changes use, created once in the shared schema. */
  private static final EnumType MOOD =
      new EnumType(null, "matrix_mood", List.of("sad", "ok", "it's"));

  @BeforeAll
  static void create() throws SQLException {
    db = TestDatabase.create();
    harness = new SchemaHarness(db.connect());
    schema = harness.freshSchema("types");
    try (Statement s = harness.connection().createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    }
    harness.execute("enum type", List.of(new CreateEnumType(MOOD)));
  }

  @AfterAll
  static void drop() throws SQLException {
    harness.close();
    db.close();
  }

  /**
   * The types as a model states them: what the model processor maps each Java type to (as Hibernate
   * 6 does on PostgreSQL), what it reads from a {@code columnDefinition}, and the types of {@link
   * SqlType}'s catalogue.
   */
  static List<Arguments> types() {
    return List.of(
        // Java types, as the model processor maps them (model-processor TypeMapping)
        Arguments.of("String", SqlType.varchar(255), "'x'"),
        Arguments.of("String @Column(length = 10485761)", SqlType.text(), "'x'"),
        Arguments.of("Boolean, boolean", SqlType.bool(), "true"),
        Arguments.of("Byte, Short, byte, short", SqlType.smallint(), "0"),
        Arguments.of("Integer, int", SqlType.integer(), "-1"),
        Arguments.of("Long, long", SqlType.bigint(), "9000000000"),
        Arguments.of("Character, char", SqlType.character(1), "'y'"),
        Arguments.of("Float, float", SqlType.real(), "0.5"),
        Arguments.of("Double, double", SqlType.doublePrecision(), "-2.5"),
        Arguments.of("BigDecimal", SqlType.numeric(38, 2), "0"),
        Arguments.of("BigInteger", SqlType.numeric(38, 0), "12"),
        Arguments.of(
            "BigDecimal @Column(precision = 10, scale = 4)", SqlType.numeric(10, 4), "1.5"),
        Arguments.of("LocalDate, java.sql.Date", SqlType.date(), "CURRENT_DATE"),
        Arguments.of("LocalTime, java.sql.Time", SqlType.time(6), "LOCALTIME"),
        Arguments.of(
            "LocalDateTime, java.sql.Timestamp, java.util.Date",
            SqlType.timestamp(6),
            "CURRENT_TIMESTAMP"),
        Arguments.of("OffsetDateTime, ZonedDateTime, Instant", SqlType.timestamptz(6), "now()"),
        Arguments.of("UUID", SqlType.uuid(), "gen_random_uuid()"),
        Arguments.of("byte[], Byte[]", SqlType.bytea(), "'\\x00'"),
        // columnDefinition and SqlType's catalogue (PostgresTypes)
        Arguments.of("varchar", SqlType.of("varchar"), "''"),
        Arguments.of("char(5)", SqlType.character(5), "'ab'"),
        Arguments.of("numeric", SqlType.of("numeric"), "-1.5"),
        Arguments.of("numeric(5,-2)", SqlType.numeric(5, -2), "100"),
        Arguments.of("numeric(10)", new SqlType("numeric", null, 10, 0), "1"),
        Arguments.of("time(0)", SqlType.time(0), "'12:00:00'"),
        Arguments.of("timetz", new SqlType("timetz", null, 6, null), "'12:00:00+02'"),
        Arguments.of("timetz(3)", new SqlType("timetz", null, 3, null), "CURRENT_TIME"),
        Arguments.of("timestamp(0)", SqlType.timestamp(0), "LOCALTIMESTAMP"),
        Arguments.of("timestamptz(3)", SqlType.timestamptz(3), "CURRENT_TIMESTAMP"),
        Arguments.of("interval", SqlType.of("interval"), "'1 day'"),
        Arguments.of("json", SqlType.of("json"), "'{}'"),
        Arguments.of("jsonb", SqlType.jsonb(), "'[]'::jsonb"),
        Arguments.of("oid", SqlType.of("oid"), "0"),
        Arguments.of("inet", SqlType.of("inet"), "'127.0.0.1'"),
        Arguments.of("cidr", SqlType.of("cidr"), "'10.0.0.0/8'"),
        Arguments.of("macaddr", SqlType.of("macaddr"), "'08:00:2b:01:02:03'"),
        Arguments.of("money", SqlType.of("money"), "0"),
        Arguments.of("xml", SqlType.of("xml"), "'<a/>'"),
        Arguments.of("tsvector", SqlType.of("tsvector"), "''"),
        Arguments.of("point", SqlType.of("point"), "'(0,0)'"),
        Arguments.of("bit(8)", SqlType.of("bit(8)"), "B'00000000'"),
        Arguments.of("bit varying(8)", SqlType.of("bit varying(8)"), "B'1'"),
        Arguments.of("text[]", SqlType.of("text[]"), "ARRAY['a', 'b']"),
        Arguments.of("integer[]", SqlType.of("integer[]"), "'{}'"),
        Arguments.of("bigint[]", SqlType.of("bigint[]"), "'{1,2}'"),
        Arguments.of("uuid[]", SqlType.of("uuid[]"), "'{}'"),
        Arguments.of("jsonb[]", SqlType.of("jsonb[]"), "'{}'"),
        Arguments.of("integer[][]", SqlType.of("integer[]"), "'{{1}}'"),
        Arguments.of("character varying(10)[]", SqlType.of("character varying(10)[]"), "'{}'"),
        Arguments.of("numeric(10,2)[]", SqlType.of("numeric(10,2)[]"), "'{}'"),
        Arguments.of(
            "timestamp(6) without time zone[]",
            SqlType.of("timestamp(6) without time zone[]"),
            "'{}'"),
        Arguments.of("int4range", SqlType.of("int4range"), "'[1,2)'"));
  }

  /**
   * Spellings that read back as another type on main, so that autogenerate altered the column after
   * every upgrade; compared since {@code PostgresTypes.parse} reads them (switch {@link
   * Shapes#TYPE_SPELLINGS}).
   */
  static List<Arguments> spellingsThatDiffer() {
    return List.of(
        Arguments.of("varchar(10)[] (columnDefinition)", SqlType.of("varchar(10)[]"), "'{}'"),
        Arguments.of("int[] (columnDefinition)", SqlType.of("int[]"), "'{}'"),
        Arguments.of("timestamptz[] (columnDefinition)", SqlType.of("timestamptz[]"), "'{}'"),
        Arguments.of("interval(3)", new SqlType("interval", null, 3, null), "'1 day'"),
        Arguments.of(
            "new SqlType(\"bit\", 8, null, null)",
            new SqlType("bit", 8, null, null),
            "B'00000000'"),
        Arguments.of("bit", SqlType.of("bit"), "B'1'"),
        Arguments.of("varbit(5)", SqlType.of("varbit(5)"), "B'101'"),
        Arguments.of(
            "new SqlType(\"varbit\", 5, null, null)", new SqlType("varbit", 5, null, null), "B'1'"),
        Arguments.of(
            "interval day to second(2)", SqlType.of("interval day to second(2)"), "'1 day'"),
        Arguments.of("interval year to month", SqlType.of("interval year to month"), "'1 year'"),
        Arguments.of("numeric(10,2) ARRAY", SqlType.of("numeric(10,2) ARRAY"), "'{}'"),
        Arguments.of(
            "new SqlType(\"numeric\", null, 10, null)",
            new SqlType("numeric", null, 10, null),
            "1"));
  }

  static List<Arguments> typesToCompare() {
    List<Arguments> all = new ArrayList<>(types());
    if (Shapes.TYPE_SPELLINGS) {
      all.addAll(spellingsThatDiffer());
    }
    return all;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("typesToCompare")
  void typeIsCreatedAndReadBackWithoutDiff(String mapping, SqlType type, String defaultValue)
      throws SQLException {
    Table table =
        Table.of(
            null,
            "ty_" + TABLES.incrementAndGet(),
            List.of(
                Column.of("plain", type),
                Column.of("required", type).notNull().withDefault(defaultValue)));
    Database expected = new Database(List.of(table), List.of());
    harness.execute(mapping, List.of(new CreateTable(table)));

    Database read = only(harness.introspect(schema), table.name());
    assertSameSchema(mapping + " (" + type + ")", read, expected);
  }

  /**
   * A PostgreSQL enum type (Hibernate's {@code SqlTypes.NAMED_ENUM}) with a label that needs
   * quoting, a column of it with a default, and an array of it: created and read back with zero
   * diffs, the type included.
   */
  @Test
  void enumTypeAndItsColumnsAreCreatedAndReadBackWithoutDiff() throws SQLException {
    EnumType type =
        new EnumType(
            null, "ty_mood_" + TABLES.incrementAndGet(), List.of("sad", "it's", "größe ☃", ""));
    Table table =
        Table.of(
            null,
            "ty_" + TABLES.incrementAndGet(),
            List.of(
                Column.of("plain", SqlType.of(type.name())),
                Column.of("required", SqlType.of(type.name())).notNull().withDefault("'it''s'"),
                Column.of("many", SqlType.of(type.name() + "[]")).withDefault("'{sad}'")));
    harness.execute("enum type", List.of(new CreateEnumType(type), new CreateTable(table)));

    Database read = harness.introspect(schema);
    assertThat(read.enumTypes()).contains(type);
    assertSameSchema(
        type.name(),
        new Database(only(read, table.name()).tables(), List.of(), List.of(type)),
        new Database(List.of(table), List.of(), List.of(type)));
  }

  /**
   * Type changes on a table with one row: {@code from} type, the value inserted (SQL), {@code to}
   * type, the value read back as text afterwards.
   */
  static List<Arguments> typeChanges() {
    List<Arguments> changes = new ArrayList<>();
    // widening
    changes.add(change(SqlType.varchar(10), "'abc'", SqlType.varchar(20), "abc"));
    changes.add(change(SqlType.varchar(10), "'abc'", SqlType.text(), "abc"));
    changes.add(change(SqlType.varchar(10), "'abc'", SqlType.of("varchar"), "abc"));
    changes.add(
        change(
            SqlType.character(3), "'ab'", SqlType.character(5), "ab")); // ::text drops the padding
    changes.add(change(SqlType.character(3), "'ab'", SqlType.varchar(10), "ab"));
    changes.add(change(SqlType.smallint(), "7", SqlType.integer(), "7"));
    changes.add(change(SqlType.integer(), "-7", SqlType.bigint(), "-7"));
    changes.add(change(SqlType.integer(), "42", SqlType.numeric(12, 2), "42.00"));
    changes.add(change(SqlType.bigint(), "9000000000", SqlType.of("numeric"), "9000000000"));
    changes.add(change(SqlType.numeric(5, 2), "123.45", SqlType.numeric(10, 4), "123.4500"));
    changes.add(change(SqlType.numeric(10, 2), "1.5", SqlType.of("numeric"), "1.50"));
    changes.add(change(SqlType.real(), "0.5", SqlType.doublePrecision(), "0.5"));
    changes.add(change(SqlType.integer(), "3", SqlType.doublePrecision(), "3"));
    changes.add(
        change(
            SqlType.timestamp(0),
            "'2020-01-02 03:04:05'",
            SqlType.timestamp(6),
            "2020-01-02 03:04:05"));
    changes.add(change(SqlType.time(0), "'03:04:05'", SqlType.time(6), "03:04:05"));
    changes.add(
        change(SqlType.date(), "'2020-01-02'", SqlType.timestamp(6), "2020-01-02 00:00:00"));
    changes.add(
        change(
            SqlType.timestamp(6),
            "'2020-01-02 03:04:05'",
            SqlType.timestamptz(6),
            "2020-01-02 03:04:05+00"));
    changes.add(
        change(SqlType.time(6), "'03:04:05'", new SqlType("timetz", null, 6, null), "03:04:05+00"));
    changes.add(change(SqlType.of("json"), "'{\"a\": 1}'", SqlType.jsonb(), "{\"a\": 1}"));
    changes.add(change(SqlType.of("integer[]"), "'{1,2}'", SqlType.of("bigint[]"), "{1,2}"));
    // narrowing, with a value that fits
    changes.add(change(SqlType.varchar(20), "'abc'", SqlType.varchar(5), "abc"));
    changes.add(change(SqlType.text(), "'abc'", SqlType.varchar(5), "abc"));
    changes.add(change(SqlType.varchar(10), "'ab'", SqlType.character(2), "ab"));
    changes.add(change(SqlType.bigint(), "7", SqlType.integer(), "7"));
    changes.add(change(SqlType.integer(), "7", SqlType.smallint(), "7"));
    changes.add(change(SqlType.numeric(10, 2), "12.34", SqlType.numeric(5, 1), "12.3"));
    changes.add(change(SqlType.numeric(10, 2), "12.50", SqlType.integer(), "13"));
    changes.add(change(SqlType.doublePrecision(), "0.5", SqlType.real(), "0.5"));
    changes.add(change(SqlType.doublePrecision(), "2.5", SqlType.bigint(), "2"));
    changes.add(
        change(
            SqlType.timestamp(6),
            "'2020-01-02 03:04:05.6'",
            SqlType.timestamp(0),
            "2020-01-02 03:04:06"));
    changes.add(
        change(
            SqlType.timestamptz(6),
            "'2020-01-02 03:04:05+00'",
            SqlType.timestamp(6),
            "2020-01-02 03:04:05"));
    changes.add(
        change(SqlType.timestamp(6), "'2020-01-02 03:04:05'", SqlType.date(), "2020-01-02"));
    changes.add(
        change(SqlType.timestamptz(6), "'2020-01-02 03:04:05+00'", SqlType.date(), "2020-01-02"));
    changes.add(
        change(new SqlType("timetz", null, 6, null), "'03:04:05+00'", SqlType.time(6), "03:04:05"));
    changes.add(change(SqlType.jsonb(), "'{\"a\": 1}'", SqlType.of("json"), "{\"a\": 1}"));
    // USING: from a string type
    changes.add(change(SqlType.varchar(10), "'12'", SqlType.integer(), "12"));
    changes.add(change(SqlType.varchar(10), "'12'", SqlType.bigint(), "12"));
    changes.add(change(SqlType.text(), "'1.25'", SqlType.numeric(10, 2), "1.25"));
    changes.add(change(SqlType.varchar(10), "'0.5'", SqlType.doublePrecision(), "0.5"));
    changes.add(change(SqlType.varchar(10), "'true'", SqlType.bool(), "true"));
    changes.add(change(SqlType.varchar(10), "'2020-01-02'", SqlType.date(), "2020-01-02"));
    changes.add(
        change(
            SqlType.text(), "'2020-01-02 03:04:05'", SqlType.timestamp(6), "2020-01-02 03:04:05"));
    changes.add(change(SqlType.text(), "'03:04:05'", SqlType.time(6), "03:04:05"));
    changes.add(
        change(
            SqlType.varchar(40),
            "'00000000-0000-0000-0000-000000000001'",
            SqlType.uuid(),
            "00000000-0000-0000-0000-000000000001"));
    changes.add(change(SqlType.text(), "'{\"a\": 1}'", SqlType.jsonb(), "{\"a\": 1}"));
    changes.add(change(SqlType.text(), "'{\"a\": 1}'", SqlType.of("json"), "{\"a\": 1}"));
    changes.add(change(SqlType.text(), "'1 day'", SqlType.of("interval"), "1 day"));
    changes.add(
        change(SqlType.text(), "'127.0.0.1'", SqlType.of("inet"), "127.0.0.1/32")); // inet::text
    changes.add(change(SqlType.text(), "'\\x0102'", SqlType.bytea(), "\\x0102"));
    changes.add(change(SqlType.text(), "'{a,b}'", SqlType.of("text[]"), "{a,b}"));
    changes.add(change(SqlType.character(1), "'7'", SqlType.smallint(), "7"));
    changes.add(change(SqlType.varchar(10), "'it''s'", SqlType.of(MOOD.name()), "it's"));
    changes.add(change(SqlType.text(), "'ok'", SqlType.of(MOOD.name()), "ok"));
    // USING: to a string type
    changes.add(change(SqlType.integer(), "12", SqlType.varchar(5), "12"));
    changes.add(change(SqlType.bigint(), "12", SqlType.text(), "12"));
    changes.add(change(SqlType.numeric(10, 2), "1.5", SqlType.varchar(10), "1.50"));
    changes.add(change(SqlType.bool(), "true", SqlType.varchar(5), "true"));
    changes.add(change(SqlType.date(), "'2020-01-02'", SqlType.text(), "2020-01-02"));
    changes.add(
        change(
            SqlType.timestamptz(6),
            "'2020-01-02 03:04:05+00'",
            SqlType.text(),
            "2020-01-02 03:04:05+00"));
    changes.add(
        change(
            SqlType.uuid(),
            "'00000000-0000-0000-0000-000000000001'",
            SqlType.varchar(36),
            "00000000-0000-0000-0000-000000000001"));
    changes.add(change(SqlType.jsonb(), "'{\"a\": 1}'", SqlType.text(), "{\"a\": 1}"));
    changes.add(change(SqlType.bytea(), "'\\x0102'", SqlType.text(), "\\x0102"));
    changes.add(change(SqlType.of("interval"), "'1 day'", SqlType.text(), "1 day"));
    changes.add(change(SqlType.of("inet"), "'127.0.0.1'", SqlType.text(), "127.0.0.1/32"));
    changes.add(change(SqlType.of("text[]"), "'{a,b}'", SqlType.text(), "{a,b}"));
    changes.add(change(SqlType.of(MOOD.name()), "'ok'", SqlType.text(), "ok"));
    changes.add(change(SqlType.of(MOOD.name()), "'sad'", SqlType.varchar(5), "sad"));
    // USING: numbers and booleans
    changes.add(change(SqlType.integer(), "1", SqlType.bool(), "true"));
    changes.add(change(SqlType.smallint(), "0", SqlType.bool(), "false"));
    changes.add(change(SqlType.bigint(), "1", SqlType.bool(), "true"));
    changes.add(change(SqlType.bool(), "true", SqlType.integer(), "1"));
    changes.add(change(SqlType.bool(), "true", SqlType.smallint(), "1"));
    changes.add(change(SqlType.bool(), "false", SqlType.bigint(), "0"));
    changes.add(change(SqlType.numeric(10, 2), "1", SqlType.bool(), "true"));
    changes.add(change(SqlType.bool(), "true", SqlType.numeric(5, 2), "1.00"));
    return changes;
  }

  private static Arguments change(SqlType from, String value, SqlType to, String expected) {
    return Arguments.of(from, value, to, expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("typeChanges")
  void typeChangeKeepsTheValue(SqlType from, String value, SqlType to, String expected)
      throws SQLException {
    String name = "tc_" + TABLES.incrementAndGet();
    Column before = Column.of("c", from);
    Column after = Column.of("c", to);
    harness.execute("create", List.of(new CreateTable(Table.of(null, name, List.of(before)))));
    insert(name, value);

    List<Op> ops =
        DIFF.diff(
            new Database(List.of(Table.of(null, name, List.of(before))), List.of()),
            new Database(List.of(Table.of(null, name, List.of(after))), List.of()));
    assertThat(ops).containsExactly(new AlterColumn(null, name, before, after));
    harness.execute(from + " -> " + to, ops);

    assertSameSchema(
        from + " -> " + to,
        only(harness.introspect(schema), name),
        new Database(List.of(Table.of(null, name, List.of(after))), List.of()));
    assertThat(valueAsText(name)).as("%s %s -> %s", from, value, to).isEqualTo(expected);
  }

  @Test
  void narrowingThatWouldCutAValueIsRejectedAndChangesNothing() throws SQLException {
    String name = "tc_" + TABLES.incrementAndGet();
    Column before = Column.of("c", SqlType.varchar(20));
    harness.execute("create", List.of(new CreateTable(Table.of(null, name, List.of(before)))));
    insert(name, "'too long for five'");

    assertThatThrownBy(
            () ->
                harness.execute(
                    "narrow",
                    List.of(
                        new AlterColumn(null, name, before, before.withType(SqlType.varchar(5))))))
        .hasMessageContaining("value too long for type character varying(5)");
    assertThat(only(harness.introspect(schema), name).tables().get(0).columns())
        .containsExactly(before);
    assertThat(valueAsText(name)).isEqualTo("too long for five");
  }

  private static void insert(String table, String value) throws SQLException {
    try (Statement s = harness.connection().createStatement()) {
      s.execute("INSERT INTO " + table + " (c) VALUES (" + value + ")");
    }
  }

  private static String valueAsText(String table) throws SQLException {
    try (Statement s = harness.connection().createStatement();
        ResultSet rows = s.executeQuery("SELECT c::text FROM " + table)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  /** {@code read} with only the table {@code name} (the tests share one schema). */
  private static Database only(Database read, String name) {
    return new Database(
        read.tables().stream().filter(t -> t.name().equals(name)).toList(), List.of());
  }
}
