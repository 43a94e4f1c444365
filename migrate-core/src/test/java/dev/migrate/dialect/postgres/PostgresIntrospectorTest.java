package dev.migrate.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.dialect.VersionStore;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Op;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A representative model is created on a real PostgreSQL with the dialect's own statements, in a
 * schema whose name needs quoting, and read back with {@link PostgresDialect#introspect}: it must
 * come back as the very model.
 */
@PostgresTest
class PostgresIntrospectorTest {

  private static final String SCHEMA = "Tenant-1";

  private static final PostgresDialect DIALECT = new PostgresDialect();

  static final Table CUSTOMER =
      Table.of(
          null,
          "customer",
          List.of(
              Column.of("id", SqlType.bigint()).asIdentity(),
              Column.of("email", SqlType.varchar(255)).notNull(),
              Column.of("status", SqlType.varchar(1)).notNull().withDefault("'A'"),
              Column.of("level", SqlType.smallint()).notNull().withDefault("0"),
              Column.of("visits", SqlType.integer()).withDefault("-1"),
              Column.of("balance", SqlType.numeric(12, 2)).notNull().withDefault("0"),
              Column.of("rate", SqlType.numeric(5, 0)),
              Column.of("amount", SqlType.of("numeric")).withDefault("-1.5"),
              Column.of("ratio", SqlType.real()),
              Column.of("weight", SqlType.doublePrecision()),
              Column.of("active", SqlType.bool()).withDefault("true"),
              Column.of("code", SqlType.character(3)),
              Column.of("nickname", SqlType.of("varchar")),
              Column.of("notes", SqlType.text()).withDefault("''"),
              Column.of("avatar", SqlType.bytea()),
              Column.of("external_id", SqlType.uuid()).withDefault("gen_random_uuid()"),
              Column.of("born", SqlType.date()).withDefault("CURRENT_DATE"),
              Column.of("wake_up", SqlType.time(0)),
              Column.of("wake_up_tz", SqlType.of("timetz")),
              Column.of("created_at", SqlType.timestamp(6))
                  .notNull()
                  .withDefault("CURRENT_TIMESTAMP"),
              Column.of("updated_at", SqlType.timestamptz(3)).withDefault("now()"),
              Column.of("wait", SqlType.of("interval")),
              Column.of("doc", SqlType.of("json")),
              Column.of("data", SqlType.jsonb()).withDefault("'{}'"),
              Column.of("blob", SqlType.of("oid")),
              Column.of("tags", SqlType.of("text[]")),
              Column.of("Mixed Case", SqlType.integer()),
              new PrimaryKey("customer_pkey", List.of("id")),
              new UniqueConstraint("customer_email_key", List.of("email")),
              new CheckConstraint("customer_status_check", "status IN ('A', 'B')"),
              new CheckConstraint("customer_level_check", "level BETWEEN 0 AND 2"),
              new CheckConstraint("customer_balance_check", "balance >= 0")));

  static final Table ORDER =
      Table.of(
          null,
          "order",
          List.of(
              Column.of("id", SqlType.bigint()).withIdentity(Identity.ALWAYS),
              Column.of("customer_id", SqlType.bigint()).notNull(),
              Column.of("line", SqlType.integer()).notNull(),
              Column.of("country", SqlType.character(2)),
              Column.of("Total", SqlType.numeric(10, 2)),
              new PrimaryKey("order_pkey", List.of("customer_id", "line")),
              new UniqueConstraint("order_id_key", List.of("id")),
              Index.on("order_total_idx", List.of("Total", "customer_id"), false),
              Index.on("Order_Line_Uniq", List.of("line", "id"), true),
              new ForeignKey(
                  "order_customer_id_fkey",
                  List.of("customer_id"),
                  null,
                  "customer",
                  List.of("id"),
                  ReferentialAction.CASCADE,
                  ReferentialAction.NO_ACTION),
              new ForeignKey(
                  "order_country_fkey",
                  List.of("country"),
                  "shared",
                  "country",
                  List.of("iso"),
                  ReferentialAction.SET_NULL,
                  ReferentialAction.RESTRICT)));

  static final Sequence CUSTOMER_SEQ = Sequence.of("customer_seq", 50);
  static final Sequence DOWN_SEQ = new Sequence(null, "down_seq", 10, -2);
  static final Sequence ZERO_SEQ = new Sequence(null, "zero_seq", 0, 1);
  static final List<Sequence> SEQUENCES = List.of(CUSTOMER_SEQ, DOWN_SEQ, ZERO_SEQ);

  static final Database MODEL = new Database(List.of(CUSTOMER, ORDER), SEQUENCES);

  private static TestDatabase db;

  @BeforeAll
  static void createModel() throws SQLException {
    db = TestDatabase.create();
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA shared");
      statement.execute("CREATE TABLE shared.country (iso char(2) PRIMARY KEY)");
      // An object of another schema must not leak into the introspected one.
      statement.execute("CREATE TABLE shared.noise (id integer)");
      DIALECT.versionStore().useSchema(connection, SCHEMA, true);
      for (Op op : createOps(MODEL)) {
        for (String sql : DIALECT.statements(op)) {
          statement.execute(sql);
        }
      }
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    db.close();
  }

  /**
   * The ops the diff would emit for {@code model} from an empty schema: sequences, tables, indexes,
   * foreign keys.
   */
  static List<Op> createOps(Database model) {
    List<Op> ops = new ArrayList<>();
    model.sequences().forEach(s -> ops.add(new CreateSequence(s)));
    model.tables().forEach(t -> ops.add(new CreateTable(t.withoutIndexesAndForeignKeys())));
    model
        .tables()
        .forEach(t -> t.indexes().forEach(i -> ops.add(new CreateIndex(t.schema(), t.name(), i))));
    model
        .tables()
        .forEach(
            t -> t.foreignKeys().forEach(f -> ops.add(new AddForeignKey(t.schema(), t.name(), f))));
    return ops;
  }

  @Test
  void introspectionReturnsTheModel() throws SQLException {
    Database database;
    try (Connection connection = db.connect()) {
      database = DIALECT.introspect(connection, SCHEMA, Set.of());
    }

    assertThat(normalized(database)).isEqualTo(normalized(MODEL));
  }

  @Test
  void checksAndDefaultsComeBackAsPostgresDeparsesThem() throws SQLException {
    Table customer;
    try (Connection connection = db.connect()) {
      customer =
          DIALECT.introspect(connection, SCHEMA, Set.of()).table(null, "customer").orElseThrow();
    }

    assertThat(customer.checkConstraints())
        .containsExactly(
            new CheckConstraint("customer_balance_check", "balance >= (0)::numeric"),
            new CheckConstraint("customer_level_check", "(level >= 0) AND (level <= 2)"),
            new CheckConstraint(
                "customer_status_check",
                "(status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[])"));
    assertThat(customer.column("status").orElseThrow().defaultValue())
        .isEqualTo("'A'::character varying");
    assertThat(customer.column("visits").orElseThrow().defaultValue()).isEqualTo("'-1'::integer");
    for (Column column : CUSTOMER.columns()) {
      assertThat(
              DIALECT.normalizeDefault(customer.column(column.name()).orElseThrow().defaultValue()))
          .as(column.name())
          .isEqualTo(DIALECT.normalizeDefault(column.defaultValue()));
    }
    for (CheckConstraint check : CUSTOMER.checkConstraints()) {
      String stored =
          customer.checkConstraints().stream()
              .filter(c -> c.name().equals(check.name()))
              .findFirst()
              .orElseThrow()
              .expression();
      assertThat(DIALECT.normalizeCheck(stored))
          .as(check.name())
          .isEqualTo(DIALECT.normalizeCheck(check.expression()));
    }
  }

  @Test
  void excludedTablesAreLeftOutWithTheirConstraintsAndIndexes() throws SQLException {
    Database database;
    try (Connection connection = db.connect()) {
      database = DIALECT.introspect(connection, SCHEMA, Set.of("order"));
    }

    assertThat(normalized(database))
        .isEqualTo(normalized(new Database(List.of(CUSTOMER), SEQUENCES)));
  }

  @Test
  void aForeignKeyToAnExcludedTableKeepsItsReferencedColumns() throws SQLException {
    Database database;
    try (Connection connection = db.connect()) {
      database = DIALECT.introspect(connection, SCHEMA, Set.of("customer"));
    }

    assertThat(database.tables()).extracting(Table::name).containsExactly("order");
    assertThat(database.tables().get(0)).isEqualTo(ORDER);
  }

  @Test
  void partitionsAreNotTablesOfTheirOwn() throws SQLException {
    try (TestDatabase other = TestDatabase.create();
        Connection connection = other.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE public.event (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at)");
      statement.execute(
          "CREATE TABLE public.event_2024 PARTITION OF public.event"
              + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
      statement.execute("CREATE INDEX event_at_idx ON public.event (at)");

      Database database = DIALECT.introspect(connection, "public", Set.of());

      assertThat(database)
          .isEqualTo(
              new Database(
                  List.of(
                      Table.of(
                          null,
                          "event",
                          List.of(
                              Column.of("id", SqlType.bigint()).notNull(),
                              Column.of("at", SqlType.date()).notNull(),
                              Index.on("event_at_idx", List.of("at"), false)))),
                  List.of()));
    }
  }

  @Test
  void versionTablesAndTheirIdentitySequenceCanBeExcluded() throws SQLException {
    try (TestDatabase other = TestDatabase.create();
        Connection connection = other.connect()) {
      DIALECT.versionStore().useSchema(connection, "app", true);
      DIALECT.versionStore().createTables(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE t (id serial PRIMARY KEY, g integer GENERATED ALWAYS AS (id * 2) STORED)");
      }

      Database database =
          DIALECT.introspect(
              connection, "app", Set.of(VersionStore.VERSION_TABLE, VersionStore.HISTORY_TABLE));

      // serial's sequence is an ordinary owned sequence (pg_depend 'a'), unlike an identity's ('i')
      assertThat(database)
          .isEqualTo(
              new Database(
                  List.of(
                      Table.of(
                          null,
                          "t",
                          List.of(
                              Column.of("id", SqlType.integer())
                                  .notNull()
                                  .withDefault("nextval('t_id_seq'::regclass)"),
                              Column.of("g", SqlType.integer()),
                              new PrimaryKey("t_pkey", List.of("id"))))),
                  List.of(Sequence.of("t_id_seq", 1).withOwnedBy("t.id"))));
    }
  }

  @Test
  void anEmptyOrMissingSchemaIsAnEmptyDatabase() throws SQLException {
    try (Connection connection = db.connect()) {
      assertThat(DIALECT.introspect(connection, "no_such_schema", Set.of()))
          .isEqualTo(Database.empty());
    }
  }

  @Test
  void expressionIndexColumnsReadAsTheirExpression() throws SQLException {
    try (TestDatabase other = TestDatabase.create();
        Connection connection = other.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.person (name text, email text)");
      statement.execute(
          "CREATE INDEX person_lower_email_idx ON public.person (lower(email), name) INCLUDE (email)");

      Table person = DIALECT.introspect(connection, "public", Set.of()).tables().get(0);

      assertThat(person.indexes())
          .containsExactly(
              new Index(
                  "person_lower_email_idx",
                  List.of(IndexKey.expression("lower(email)"), IndexKey.column("name")),
                  false,
                  Index.BTREE,
                  List.of("email"),
                  null));
    }
  }

  /**
   * Type modifiers PostgreSQL keeps in {@code atttypmod} that are not lengths: {@code interval}'s
   * fields and precision, {@code bit}'s and {@code varbit}'s lengths; arrays read as {@code
   * format_type} prints them.
   */
  @Test
  void intervalBitAndArrayTypesReadWithTheirModifiers() throws SQLException {
    try (TestDatabase other = TestDatabase.create();
        Connection connection = other.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE public.t (a interval(3), b interval day to second(2), c interval year to month,"
              + " d interval minute, e interval, f bit, g bit(8), h varbit, i bit varying(5), j varchar(10)[],"
              + " k int[][], l timestamptz[])");

      List<Column> columns =
          DIALECT.introspect(connection, "public", Set.of()).tables().get(0).columns();

      assertThat(columns)
          .extracting(Column::type)
          .containsExactly(
              new SqlType("interval", null, 3, null),
              new SqlType("interval day to second", null, 2, null),
              SqlType.of("interval year to month"),
              SqlType.of("interval minute"),
              SqlType.of("interval"),
              new SqlType("bit", 1, null, null),
              new SqlType("bit", 8, null, null),
              SqlType.of("varbit"),
              new SqlType("varbit", 5, null, null),
              SqlType.of("character varying(10)[]"),
              SqlType.of("integer[]"),
              SqlType.of("timestamp with time zone[]"));
    }
  }

  @Test
  void theNumberOfQueriesDoesNotGrowWithTheNumberOfTables() throws SQLException {
    try (TestDatabase other = TestDatabase.create();
        Connection connection = other.connect();
        Statement statement = connection.createStatement()) {
      List<Integer> counts = new ArrayList<>();
      for (int tables : new int[] {1, 40}) {
        String schema = "s" + tables;
        statement.execute("CREATE SCHEMA " + schema);
        for (int i = 0; i < tables; i++) {
          statement.execute(
              "CREATE TABLE "
                  + schema
                  + ".t"
                  + i
                  + " (id bigint PRIMARY KEY, ref bigint REFERENCES "
                  + schema
                  + ".t0, name text CHECK (name <> ''))");
          statement.execute("CREATE INDEX ON " + schema + ".t" + i + " (name)");
        }
        QueryCounter counter = new QueryCounter();
        Database database = DIALECT.introspect(counter.wrap(connection), schema, Set.of());
        assertThat(database.tables()).hasSize(tables);
        counts.add(counter.count());
      }

      assertThat(counts)
          .containsExactly(PostgresIntrospector.QUERIES, PostgresIntrospector.QUERIES);
    }
  }

  /** {@code database} with every check expression and default in the dialect's comparison form. */
  static Database normalized(Database database) {
    List<Table> tables = new ArrayList<>();
    for (Table t : database.tables()) {
      List<Column> columns =
          t.columns().stream()
              .map(c -> c.withDefault(DIALECT.normalizeDefault(c.defaultValue())))
              .toList();
      List<CheckConstraint> checks =
          t.checkConstraints().stream()
              .map(c -> new CheckConstraint(c.name(), DIALECT.normalizeCheck(c.expression())))
              .toList();
      tables.add(
          new Table(
              t.schema(),
              t.name(),
              columns,
              t.primaryKey(),
              t.uniqueConstraints(),
              checks,
              t.indexes(),
              t.foreignKeys(),
              t.comment(),
              t.renamedFrom()));
    }
    return new Database(tables, database.sequences());
  }
}
