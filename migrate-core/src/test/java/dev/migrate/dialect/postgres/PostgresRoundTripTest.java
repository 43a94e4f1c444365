package dev.migrate.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Identity;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Op;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the model says, put through the live server and read back: a check or default written the
 * way a user (or the model processor) writes it must compare equal, after {@link
 * PostgresDialect#normalizeCheck} / {@link PostgresDialect#normalizeDefault}, to what PostgreSQL
 * stores for it; every {@link AlterColumn} the dialect renders must run on a table with rows and
 * leave the column as the op's target.
 */
@PostgresTest
class PostgresRoundTripTest {

  private static final PostgresDialect DIALECT = new PostgresDialect();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static final Table CHECKED =
      Table.of(
          null,
          "checked",
          List.of(
              Column.of("status", SqlType.varchar(10)),
              Column.of("s", SqlType.smallint()),
              Column.of("balance", SqlType.numeric(10, 2)),
              Column.of("c", SqlType.character(3)),
              Column.of("t", SqlType.text()),
              Column.of("i", SqlType.integer()),
              Column.of("l", SqlType.of("varchar")),
              Column.of("d", SqlType.date()),
              Column.of("ts", SqlType.timestamptz(6)),
              Column.of("b", SqlType.bool()),
              Column.of("Order", SqlType.integer()),
              Column.of("user", SqlType.integer()),
              Column.of("price", SqlType.of("numeric")),
              Column.of("u", SqlType.uuid()),
              Column.of("tags", SqlType.of("text[]"))));

  private static TestDatabase db;
  private static Connection connection;

  @BeforeAll
  static void create() throws SQLException {
    db = TestDatabase.create();
    connection = db.connect();
    execute(new CreateTable(CHECKED));
  }

  @AfterAll
  static void drop() throws SQLException {
    connection.close();
    db.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status IN ('A', 'B')",
        "s BETWEEN 0 AND 2",
        "balance >= 0",
        "c IN ('x', 'y')",
        "t IN ('a')",
        "i <> 3 AND i > -5 OR i IS NULL",
        "i != 3 and i>-5 or i isnull",
        "length(l) > 2 AND l LIKE 'a%'",
        "status IN ('it''s', 'A')",
        "s NOT IN (1, 2)",
        "s NOT BETWEEN 1 AND 2",
        "\"Order\" > 0 AND \"user\" > 0",
        "s > 0 AND i > 0 AND \"Order\" > 0",
        "(s > 0 OR i > 0) AND \"Order\" > 0",
        "price * 2 + 1 > 10",
        "CASE WHEN i > 0 THEN s ELSE 0 END = 1",
        "t ILIKE 'x%' OR t NOT LIKE 'y%'",
        "d > '2020-01-01'",
        "ts < now()",
        "b IS NOT TRUE OR b",
        "status IS DISTINCT FROM 'Z'",
        "upper(t) = t",
        "coalesce(i, 0) >= 0",
        "i IN (1, 2, 3) AND status = 'A'",
        "t ~ '^[a-z]+$'",
        "i % 2 = 0",
        "balance BETWEEN 0.5 AND 100.25",
        "status IN ('A', 'B') AND s BETWEEN 0 AND 2",
        "array_length(tags, 1) > 0",
        "i IN (-1, 1)",
        "NOT (i = 1)",
        "t || 'x' <> 'yx'",
        "s::integer > 0",
        "i = ANY (ARRAY[1, 2])",
        "price > -1.5",
        "u <> '00000000-0000-0000-0000-000000000000'",
        "char_length(c) = 3",
        "EXTRACT(year FROM d) > 2000",
        "status NOT IN ('X')",
      })
  void checkAsWrittenEqualsCheckAsStored(String expression) throws SQLException {
    String name = "checked_" + NAMES.incrementAndGet() + "_check";
    execute(new AddCheckConstraint(null, "checked", new CheckConstraint(name, expression)));

    String stored =
        DIALECT
            .introspect(connection, "public", Set.of())
            .table(null, "checked")
            .orElseThrow()
            .checkConstraints()
            .stream()
            .filter(c -> c.name().equals(name))
            .findFirst()
            .orElseThrow()
            .expression();

    assertThat(DIALECT.normalizeCheck(stored))
        .as("stored as %s", stored)
        .isEqualTo(DIALECT.normalizeCheck(expression));
  }

  static List<Arguments> defaults() {
    return List.of(
        Arguments.of(SqlType.varchar(10), "'A'"),
        Arguments.of(SqlType.varchar(10), "'it''s'"),
        Arguments.of(SqlType.of("varchar"), "''"),
        Arguments.of(SqlType.character(2), "'NL'"),
        Arguments.of(SqlType.text(), "'x'"),
        Arguments.of(SqlType.smallint(), "0"),
        Arguments.of(SqlType.integer(), "-1"),
        Arguments.of(SqlType.bigint(), "9000000000"),
        Arguments.of(SqlType.numeric(10, 2), "0"),
        Arguments.of(SqlType.numeric(10, 2), "1.50"),
        Arguments.of(SqlType.of("numeric"), "-1.5"),
        Arguments.of(SqlType.real(), "0.5"),
        Arguments.of(SqlType.doublePrecision(), "-2.5"),
        Arguments.of(SqlType.bool(), "TRUE"),
        Arguments.of(SqlType.bool(), "false"),
        Arguments.of(SqlType.uuid(), "gen_random_uuid()"),
        Arguments.of(SqlType.date(), "CURRENT_DATE"),
        Arguments.of(SqlType.date(), "'2020-01-01'"),
        Arguments.of(SqlType.timestamp(6), "CURRENT_TIMESTAMP"),
        Arguments.of(SqlType.timestamp(6), "LOCALTIMESTAMP"),
        Arguments.of(SqlType.timestamptz(6), "now()"),
        Arguments.of(SqlType.timestamptz(6), "now() + interval '1 day'"),
        Arguments.of(SqlType.of("interval"), "'1 day'"),
        Arguments.of(SqlType.jsonb(), "'{}'"),
        Arguments.of(SqlType.jsonb(), "'[]'::jsonb"),
        Arguments.of(SqlType.of("text[]"), "'{}'"),
        Arguments.of(SqlType.of("text[]"), "ARRAY['a', 'b']"),
        Arguments.of(SqlType.text(), "current_user"));
  }

  @ParameterizedTest(name = "{0} DEFAULT {1}")
  @MethodSource("defaults")
  void defaultAsWrittenEqualsDefaultAsStored(SqlType type, String expression) throws SQLException {
    String name = "d" + NAMES.incrementAndGet();
    execute(new AddColumn(null, "checked", Column.of(name, type).withDefault(expression)));

    Column stored =
        DIALECT
            .introspect(connection, "public", Set.of())
            .table(null, "checked")
            .orElseThrow()
            .column(name)
            .orElseThrow();

    assertThat(stored.type()).isEqualTo(type);
    assertThat(DIALECT.normalizeDefault(stored.defaultValue()))
        .as("stored as %s", stored.defaultValue())
        .isEqualTo(DIALECT.normalizeDefault(expression));
  }

  static List<Arguments> alterations() {
    Column code = Column.of("c", SqlType.varchar(40));
    Column number = Column.of("c", SqlType.integer());
    return List.of(
        Arguments.of(code, "'12'", code.withType(SqlType.varchar(60)).notNull().withDefault("'x'")),
        Arguments.of(code, "'12'", code.withType(SqlType.integer())),
        Arguments.of(code, "'12'", code.withType(SqlType.bigint()).withDefault("0")),
        Arguments.of(
            code.withDefault("'no'"), "'true'", code.withType(SqlType.bool()).withDefault("false")),
        Arguments.of(code, "'2020-01-02'", code.withType(SqlType.date())),
        Arguments.of(code, "'00000000-0000-0000-0000-000000000001'", code.withType(SqlType.uuid())),
        Arguments.of(code, "'{\"a\": 1}'", code.withType(SqlType.jsonb())),
        Arguments.of(number, "12", number.withType(SqlType.varchar(5))),
        Arguments.of(number, "12", number.withType(SqlType.text())),
        Arguments.of(number, "12", number.withType(SqlType.bigint())),
        Arguments.of(number, "12", number.withType(SqlType.numeric(10, 2))),
        Arguments.of(
            number.withType(SqlType.jsonb()), "'1.5'", number.withType(SqlType.numeric(10, 2))),
        Arguments.of(
            number.withType(SqlType.numeric(10, 2)), "1.5", number.withType(SqlType.integer())),
        Arguments.of(number.withType(SqlType.bigint()), "12", number.withType(SqlType.varchar(5))),
        Arguments.of(code.withType(SqlType.text()), "'x'", code.withType(SqlType.character(3))),
        Arguments.of(number, "1", number.withType(SqlType.bool())),
        Arguments.of(number.withType(SqlType.bigint()), "1", number.withType(SqlType.bool())),
        Arguments.of(number.withType(SqlType.bool()), "true", number.withType(SqlType.smallint())),
        Arguments.of(number.withType(SqlType.bool()), "true", number),
        Arguments.of(
            number.withType(SqlType.timestamp(6)),
            "now()",
            number.withType(SqlType.timestamptz(3))),
        Arguments.of(
            number.withType(SqlType.timestamptz(6)), "now()", number.withType(SqlType.date())),
        Arguments.of(number, "12", number.asIdentity()),
        Arguments.of(number.asIdentity(), "DEFAULT", number),
        Arguments.of(number.asIdentity(), "DEFAULT", number.withIdentity(Identity.ALWAYS)),
        Arguments.of(number.withDefault("5"), "12", number.asIdentity()),
        Arguments.of(number.notNull(), "12", number.withType(SqlType.bigint()).withDefault("-1")));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("alterations")
  void alterColumnRunsOnATableWithRowsAndLeavesTheTarget(Column from, String value, Column to)
      throws SQLException {
    String table = "altered_" + NAMES.incrementAndGet();
    execute(new CreateTable(Table.of(null, table, List.of(from))));
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO " + table + " (c) VALUES (" + value + ")");
    }

    execute(new AlterColumn(null, table, from, to));

    Column stored =
        DIALECT
            .introspect(connection, "public", Set.of())
            .table(null, table)
            .orElseThrow()
            .columns()
            .get(0);
    assertThat(stored.withDefault(DIALECT.normalizeDefault(stored.defaultValue())))
        .isEqualTo(to.withDefault(DIALECT.normalizeDefault(to.defaultValue())));
  }

  private static void execute(Op op) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : DIALECT.statements(op)) {
        statement.execute(sql);
      }
    }
  }
}
