package dev.migrate.dialect.postgres;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.DropCheckConstraint;
import dev.migrate.ops.Op;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server-side fallback of the expression comparison ({@link
 * PostgresDialect#alignStoredExpressions}) on a real PostgreSQL: the table is created with the
 * diff's own ops, read back, and the model aligned to it.
 */
@PostgresTest
class ServerNormalizerTest {

  private static final PostgresDialect DIALECT = new PostgresDialect();
  private static final SchemaDiff DIFF = new SchemaDiff(DIALECT);

  private static final Table EVENT =
      table(
          "event",
          column("id", integer()).notNull(),
          column("at", timestamptz(6)).withDefault("'2000-01-01'"),
          column("note", text()).withDefault("'x'"),
          check("event_at_check", "at > '2000-01-01'"),
          check("event_note_check", "note <> ''"));
  private static final Database MODEL = new Database(List.of(EVENT), List.of());

  private TestDatabase db;
  private Connection connection;

  @BeforeEach
  void create() throws SQLException {
    db = TestDatabase.create();
    connection = db.connect();
    // the offset PostgreSQL writes into the stored literal is the session's
    execute("SET TIME ZONE 'Europe/Berlin'");
    for (Op op : DIFF.diff(Database.empty(), MODEL)) {
      for (String sql : DIALECT.statements(op)) {
        execute(sql);
      }
    }
  }

  @AfterEach
  void drop() throws SQLException {
    connection.close();
    db.close();
  }

  @Test
  void aTimestamptzCheckAndDefaultWithAZonelessLiteralCompareEqualAsPostgreSQLStoresThem()
      throws SQLException {
    Database live = introspect();
    Table read = live.tables().get(0);
    assertThat(read.checkConstraints().get(0).expression())
        .isEqualTo("at > '2000-01-01 00:00:00+01'::timestamp with time zone");
    assertThat(read.column("at").orElseThrow().defaultValue())
        .isEqualTo("'2000-01-01 00:00:00+01'::timestamp with time zone");
    // the client-side normaliser alone sees a difference in both
    assertThat(DIFF.diff(live, MODEL)).hasSize(3);

    Database aligned = DIALECT.alignStoredExpressions(connection, "public", live, MODEL);

    assertThat(DIFF.diff(live, aligned)).isEmpty();
    Table table = aligned.tables().get(0);
    assertThat(table.checkConstraints())
        .containsExactly(
            check("event_at_check", "at > '2000-01-01 00:00:00+01'::timestamp with time zone"),
            check("event_note_check", "note <> ''"));
    assertThat(table.column("at").orElseThrow().defaultValue())
        .isEqualTo("'2000-01-01 00:00:00+01'::timestamp with time zone");
    assertThat(table.column("note").orElseThrow().defaultValue()).isEqualTo("'x'");
    assertLeftAsItWas();
  }

  @Test
  void aGenuinelyChangedCheckOrDefaultIsStillFound() throws SQLException {
    Database live = introspect();
    Table changed =
        table(
            "event",
            column("id", integer()).notNull(),
            column("at", timestamptz(6)).withDefault("'2001-01-01'"),
            column("note", text()).withDefault("'x'"),
            check("event_at_check", "at > '2001-01-01'"),
            check("event_note_check", "note <> ''"));
    Database model = new Database(List.of(changed), List.of());

    Database aligned = DIALECT.alignStoredExpressions(connection, "public", live, model);

    assertThat(aligned).isEqualTo(model);
    List<Op> ops = DIFF.diff(live, aligned);
    assertThat(ops).hasSize(3);
    assertThat(ops.get(0)).isInstanceOf(DropCheckConstraint.class);
    assertThat(ops.get(1)).isInstanceOf(AlterColumn.class);
    assertThat(((AlterColumn) ops.get(1)).to().defaultValue()).isEqualTo("'2001-01-01'");
    assertThat(ops.get(2))
        .isEqualTo(
            new AddCheckConstraint(null, "event", check("event_at_check", "at > '2001-01-01'")));
  }

  @Test
  void theSameLiteralInAnotherSessionTimeZoneIsAnotherInstant() throws SQLException {
    execute("SET TIME ZONE 'UTC'");
    Database live = introspect();

    Database aligned = DIALECT.alignStoredExpressions(connection, "public", live, MODEL);

    assertThat(aligned).isEqualTo(MODEL);
  }

  @Test
  void noQueryWhenTheClientSideNormaliserFindsNoDifference() throws SQLException {
    Database live = introspect();
    Database agreeing = DIALECT.alignStoredExpressions(connection, "public", live, MODEL);
    QueryCounter counter = new QueryCounter();

    Database again =
        DIALECT.alignStoredExpressions(counter.wrap(connection), "public", live, agreeing);

    assertThat(again).isSameAs(agreeing);
    assertThat(counter.count()).isZero();
  }

  @Test
  void twoStatementsWhateverTheNumberOfTables() throws SQLException {
    Table other =
        table("other", column("at", timestamptz(6)), check("other_at_check", "at < '2100-01-01'"));
    for (Op op : DIFF.diff(Database.empty(), new Database(List.of(other), List.of()))) {
      for (String sql : DIALECT.statements(op)) {
        execute(sql);
      }
    }
    Database model = new Database(List.of(EVENT, other), List.of());
    QueryCounter counter = new QueryCounter();

    Database aligned =
        DIALECT.alignStoredExpressions(counter.wrap(connection), "public", introspect(), model);

    assertThat(DIFF.diff(introspect(), aligned)).isEmpty();
    assertThat(counter.count()).isEqualTo(2);
  }

  @Test
  void anExpressionPostgreSQLRejectsStaysAsItIsAndTheOthersAreStillAligned() throws SQLException {
    Database live = introspect();
    Table broken =
        table(
            "event",
            column("id", integer()).notNull(),
            column("at", timestamptz(6)).withDefault("'not a time'"),
            column("note", text()).withDefault("'x'"),
            check("event_at_check", "at > '2000-01-01'"),
            check("event_note_check", "no_such_column <> ''"));
    Database model = new Database(List.of(broken), List.of());

    Database aligned = DIALECT.alignStoredExpressions(connection, "public", live, model);

    Table table = aligned.tables().get(0);
    assertThat(table.checkConstraints())
        .containsExactly(
            check("event_at_check", "at > '2000-01-01 00:00:00+01'::timestamp with time zone"),
            check("event_note_check", "no_such_column <> ''"));
    assertThat(table.column("at").orElseThrow().defaultValue()).isEqualTo("'not a time'");
    assertLeftAsItWas();
  }

  @Test
  void insideACallersTransactionOnlyItsOwnWorkIsRolledBack() throws SQLException {
    Database live = introspect();
    connection.setAutoCommit(false);
    execute("INSERT INTO event (id, at) VALUES (1, now())");

    Database aligned = DIALECT.alignStoredExpressions(connection, "public", live, MODEL);

    assertThat(DIFF.diff(live, aligned)).isEmpty();
    assertThat(connection.getAutoCommit()).isFalse();
    connection.commit();
    connection.setAutoCommit(true);
    assertThat(count("SELECT count(*) FROM event")).isEqualTo(1);
    assertLeftAsItWas();
  }

  @Test
  void checksOfATableWhoseColumnTypeChangesAreNotAskedAbout() throws SQLException {
    Database live = introspect();
    Table retyped =
        table(
            "event",
            column("id", bigint()).notNull(),
            column("at", timestamptz(6)).withDefault("'2000-01-01'"),
            column("note", text()).withDefault("'x'"),
            check("event_at_check", "at > '2000-01-01'"),
            check("event_note_check", "note <> ''"));
    Database model = new Database(List.of(retyped), List.of());

    Database aligned = DIALECT.alignStoredExpressions(connection, "public", live, model);

    // the default of the unchanged column is aligned; the check is left to the diff
    assertThat(aligned.tables().get(0).checkConstraints()).isEqualTo(retyped.checkConstraints());
    assertThat(aligned.tables().get(0).column("at").orElseThrow().defaultValue())
        .isEqualTo("'2000-01-01 00:00:00+01'::timestamp with time zone");
  }

  /** No scratch table left, auto-commit back on, the live table's checks untouched. */
  private void assertLeftAsItWas() throws SQLException {
    assertThat(connection.getAutoCommit()).isTrue();
    assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'migrate\\_norm\\_%'"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'event'::regclass AND contype = 'c'"))
        .isEqualTo(2);
  }

  private int count(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private Database introspect() throws SQLException {
    return DIALECT.introspect(connection, "public", Set.of());
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }
}
