package dev.migrate.roundtrip;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.postgres.PostgresTypes;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.ops.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One connection to the test database and what the round-trip tests do with it: a fresh schema per
 * try, ops executed through the dialect in one transaction, the schema read back, and models
 * compared the way the diff compares them (checks and defaults in PostgreSQL's normalised form, and
 * where that is not enough, as the server stores them: {@link #aligned}).
 */
final class SchemaHarness implements AutoCloseable {

  static final PostgresDialect DIALECT = new PostgresDialect();
  static final SchemaDiff DIFF = new SchemaDiff(DIALECT);

  /** The runner's own tables, left out of every comparison. */
  static final Set<String> OWN_TABLES = Set.of("migrate_version", "migrate_history");

  private final Connection connection;
  private int schemas;

  SchemaHarness(Connection connection) {
    this.connection = connection;
  }

  /** Creates an empty schema {@code <prefix>_<n>} and puts it first on the search path. */
  String freshSchema(String prefix) throws SQLException {
    String schema = prefix + "_" + (++schemas);
    try (Statement s = connection.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path TO " + schema);
    }
    return schema;
  }

  void dropSchema(String schema) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET search_path TO public");
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /**
   * Executes the dialect's statements for {@code ops} in one transaction (the runner's unit),
   * rolled back on error.
   *
   * @throws AssertionError naming the statement, the op and the database's error when a statement
   *     fails
   */
  void execute(String stage, List<Op> ops) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      for (Op op : ops) {
        for (String sql : DIALECT.statements(op)) {
          try {
            s.execute(sql);
          } catch (SQLException e) {
            connection.rollback();
            throw new AssertionError(
                stage
                    + ": PostgreSQL rejects\n    "
                    + sql
                    + "\n  of "
                    + op
                    + "\n  with "
                    + e.getMessage(),
                e);
          }
        }
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  Database introspect(String schema) throws SQLException {
    return DIALECT.introspect(connection, schema, OWN_TABLES);
  }

  Connection connection() {
    return connection;
  }

  /**
   * {@code model} aligned with {@code live} (the catalog of {@code schema}) as autogenerate aligns
   * it before the diff ({@link PostgresDialect#alignStoredExpressions}): where PostgreSQL stores a
   * check expression or default of the model as the catalog holds it, the model gets the catalog's
   * text. Puts {@code schema} first on the search path, as the facade does.
   */
  Database aligned(String schema, Database live, Database model) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET search_path TO " + schema);
    }
    return DIALECT.alignStoredExpressions(connection, schema, live, model);
  }

  /**
   * {@link #assertSameSchema(String, Database, Database, boolean)} with {@code expected} first
   * {@link #aligned} to {@code actual}, as autogenerate compares them.
   */
  void assertSameSchema(
      String stage, String schema, Database actual, Database expected, boolean anyColumnOrder)
      throws SQLException {
    assertSameSchema(stage, actual, aligned(schema, actual, expected), anyColumnOrder);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /**
   * {@code model} as the comparison sees it: types, check expressions and defaults in the dialect's
   * canonical form, rename hints removed (they are never read from a database), enum types by name.
   */
  static Database canonical(Database model) {
    List<Table> tables = model.tables().stream().map(SchemaHarness::canonical).toList();
    return new Database(
        tables,
        model.sequences(),
        model.enumTypes().stream().sorted(java.util.Comparator.comparing(EnumType::name)).toList());
  }

  /** {@code model} with every table's columns sorted by name. */
  static Database sortColumns(Database model) {
    return new Database(
        model.tables().stream()
            .map(
                t ->
                    t.withColumns(
                        t.columns().stream()
                            .sorted(java.util.Comparator.comparing(Column::name))
                            .toList()))
            .toList(),
        model.sequences(),
        model.enumTypes());
  }

  private static Table canonical(Table t) {
    Table plain = t.withoutHints();
    List<Column> columns =
        plain.columns().stream()
            .map(
                c ->
                    c.withDefault(DIALECT.normalizeDefault(c.defaultValue()))
                        .withType(PostgresTypes.canonical(c.type())))
            .toList();
    List<CheckConstraint> checks =
        plain.checkConstraints().stream()
            .map(c -> new CheckConstraint(c.name(), DIALECT.normalizeCheck(c.expression())))
            .toList();
    List<Index> indexes =
        plain.indexes().stream()
            .map(
                i ->
                    new Index(
                        i.name(),
                        i.keys().stream()
                            .map(
                                k ->
                                    new IndexKey(
                                        k.column(),
                                        DIALECT.normalizeCheck(k.expression()),
                                        k.descending()))
                            .toList(),
                        i.unique(),
                        i.method(),
                        i.include(),
                        DIALECT.normalizeCheck(i.where())))
            .toList();
    return new Table(
        plain.schema(),
        plain.name(),
        columns,
        plain.primaryKey(),
        plain.uniqueConstraints(),
        checks,
        indexes,
        plain.foreignKeys(),
        plain.comment(),
        List.of());
  }

  /**
   * Whether the sequences are pairwise the same by name, as the dialect compares them (absent bound
   * = default).
   */
  private static boolean sameSequences(List<Sequence> a, List<Sequence> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).name().equals(b.get(i).name()) || !DIALECT.sameSequence(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Asserts that the schema read back equals {@code expected} as the comparison sees them, and that
   * the diff between them is empty (autogenerate would find nothing).
   *
   * @throws AssertionError naming the stage, the ops the diff would still generate and the first
   *     table that differs
   */
  static void assertSameSchema(String stage, Database actual, Database expected) {
    assertSameSchema(stage, actual, expected, false);
  }

  /**
   * As {@link #assertSameSchema(String, Database, Database)}; with {@code anyColumnOrder} the
   * columns of a table may come in another order. PostgreSQL cannot reorder columns: a downgrade
   * that re-adds a dropped column adds it last, so after it the table has the model's columns but
   * not its column order (the diff, rightly, ignores column order).
   */
  static void assertSameSchema(
      String stage, Database actual, Database expected, boolean anyColumnOrder) {
    List<Op> remaining = DIFF.diff(actual, expected);
    Database a = canonical(anyColumnOrder ? sortColumns(actual) : actual);
    Database e = canonical(anyColumnOrder ? sortColumns(expected) : expected);
    if (remaining.isEmpty()
        && a.tables().equals(e.tables())
        && a.enumTypes().equals(e.enumTypes())
        && sameSequences(a.sequences(), e.sequences())) {
      return;
    }
    StringBuilder message =
        new StringBuilder(stage).append(": the schema read back differs from the model\n");
    message.append("  autogenerate would still emit ").append(remaining.size()).append(" op(s):\n");
    remaining.forEach(op -> message.append("    ").append(op).append('\n'));
    for (Table table : e.tables()) {
      Table read = a.table(table.schema(), table.name()).orElse(null);
      if (!table.equals(read)) {
        message
            .append("  first differing table\n    model: ")
            .append(table)
            .append("\n    read:  ")
            .append(read)
            .append('\n');
        break;
      }
    }
    for (Table table : a.tables()) {
      if (e.table(table.schema(), table.name()).isEmpty()) {
        message.append("  table only in the database: ").append(table).append('\n');
      }
    }
    if (!sameSequences(a.sequences(), e.sequences())) {
      message
          .append("  sequences\n    model: ")
          .append(e.sequences())
          .append("\n    read:  ")
          .append(a.sequences())
          .append('\n');
    }
    if (!Objects.equals(a.enumTypes(), e.enumTypes())) {
      message
          .append("  enum types\n    model: ")
          .append(e.enumTypes())
          .append("\n    read:  ")
          .append(a.enumTypes())
          .append('\n');
    }
    throw new AssertionError(message.toString());
  }
}
