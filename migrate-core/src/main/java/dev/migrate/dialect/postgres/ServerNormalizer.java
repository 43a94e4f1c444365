package dev.migrate.dialect.postgres;

import static dev.migrate.dialect.postgres.PostgresDialect.quoteIdentifier;

import dev.migrate.diff.Normalizer;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-side fallback of the expression comparison: where the client-side normaliser ({@link
 * PostgresExpressions}) says that a model's check expression or column default differs from the
 * catalog's, PostgreSQL is asked how it would store the model's expression, and where that is what
 * the catalog holds, the model gets the catalog's text, so that the pure diff sees equality.
 *
 * <p>The case it exists for: a literal compared with a {@code timestamp with time zone} column
 * ({@code c > '2000-01-01'}) is stored as {@code '2000-01-01 00:00:00+00'::timestamp with time
 * zone}, the offset being the session's {@code TimeZone} when the check was created (PostgreSQL
 * docs, 8.5.1.3 "Time Stamps"), which no client-side rule can know.
 *
 * <p>How: in one transaction that is always rolled back (a savepoint when the connection is already
 * in one), one {@code DO} block creates, per involved table, a temporary copy of the live table
 * ({@code CREATE TEMP TABLE migrate_norm_<n> (LIKE table)}: the same column types, enum and domain
 * types included, without constraints or defaults) and adds each model check ({@code ADD
 * CONSTRAINT}) and sets each model default ({@code SET DEFAULT}) on it, each in its own sub-block
 * so that an expression PostgreSQL rejects is skipped; one query then reads back {@code
 * pg_get_constraintdef} and {@code pg_get_expr(adbin, 0)} (as {@link PostgresIntrospector} reads
 * them). Two statements in all, whatever the number of tables; none when the client-side normaliser
 * finds no difference. The rollback drops the temporary tables.
 *
 * <p>Deliberately conservative: an expression is only replaced by the catalog's when the server
 * stores both alike. Checks of a table whose model changes the type of a live column, defaults of a
 * column whose type changes, and tables or columns renamed through {@code @RenamedFrom} are not
 * asked about (their expressions would be stored against other types or names than the model's);
 * they stay as they are, as does anything PostgreSQL rejects.
 *
 * <p>Expressions are deparsed in the connection's {@code search_path}: call it on the connection
 * that introspected {@code current}, with the target schema first on the path (as {@code
 * VersionStore.useSchema} sets it), so that both texts qualify names alike and the model's
 * unqualified names resolve as they will in a migration.
 */
final class ServerNormalizer {

  /**
   * The prefix of the temporary tables' names; they live only inside the rolled-back transaction.
   */
  static final String SCRATCH_PREFIX = "migrate_norm_";

  private static final String READ_BACK =
      """
      SELECT c.relname, 'c' AS kind, con.conname AS name, pg_catalog.pg_get_constraintdef(con.oid) AS text
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
       WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname = ANY (?) AND con.contype = 'c'
      UNION ALL
      SELECT c.relname, 'd', a.attname, pg_catalog.pg_get_expr(d.adbin, 0)
        FROM pg_catalog.pg_attrdef d
        JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
       WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname = ANY (?)""";

  private final Normalizer normalizer;

  ServerNormalizer(Normalizer normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  /**
   * A table of the model with a live counterpart and the expressions of it to ask the server about.
   */
  private record Involved(
      Table model,
      Table live,
      String scratch,
      List<CheckConstraint> checks,
      List<Column> defaults) {}

  /**
   * {@code model} with the catalog's text in place of each check expression and default that the
   * client-side normaliser finds different from {@code current}'s but PostgreSQL stores alike;
   * {@code model} itself when there is none (and then without a query).
   *
   * @param connection the connection that introspected {@code current}; its auto-commit mode and
   *     any open transaction are left as they were
   * @param schema the target schema, which tables without a schema ({@code null}) are in
   * @param current the database as introspected
   * @param model the target model, relative to {@code schema} ({@link Database#relativeTo})
   * @throws SQLException if the scratch block or the read-back query fails as a whole (a single
   *     rejected expression does not)
   */
  Database normalize(Connection connection, String schema, Database current, Database model)
      throws SQLException {
    List<Involved> involved = involved(current, model);
    if (involved.isEmpty()) {
      return model;
    }
    Map<String, String> stored = ask(connection, schema, involved);
    Map<String, Table> replaced = new HashMap<>();
    for (Involved table : involved) {
      replaced.put(key(table.model()), aligned(table, stored));
    }
    List<Table> tables =
        model.tables().stream().map(t -> replaced.getOrDefault(key(t), t)).toList();
    return new Database(tables, model.sequences(), model.enumTypes());
  }

  /** The model tables with checks or defaults that the client-side normaliser finds different. */
  private List<Involved> involved(Database current, Database model) {
    List<Involved> involved = new ArrayList<>();
    for (Table table : model.tables()) {
      Optional<Table> found = current.table(table.schema(), table.name());
      if (found.isEmpty()) {
        continue;
      }
      Table live = found.get();
      boolean typeChanges = false;
      List<Column> defaults = new ArrayList<>();
      for (Column column : table.columns()) {
        Optional<Column> was = live.column(column.name());
        if (was.isEmpty()) {
          continue;
        }
        if (!normalizer.sameType(was.get().type(), column.type())) {
          typeChanges = true;
        } else if (column.defaultValue() != null
            && was.get().defaultValue() != null
            && !normalizer
                .normalizeDefault(column.defaultValue())
                .equals(normalizer.normalizeDefault(was.get().defaultValue()))) {
          defaults.add(column);
        }
      }
      List<CheckConstraint> checks = new ArrayList<>();
      if (!typeChanges) {
        Map<String, CheckConstraint> liveChecks = byName(live.checkConstraints());
        for (CheckConstraint check : table.checkConstraints()) {
          CheckConstraint was = liveChecks.get(check.name());
          if (was != null
              && !normalizer
                  .normalizeCheck(check.expression())
                  .equals(normalizer.normalizeCheck(was.expression()))) {
            checks.add(check);
          }
        }
      }
      if (!checks.isEmpty() || !defaults.isEmpty()) {
        involved.add(new Involved(table, live, SCRATCH_PREFIX + involved.size(), checks, defaults));
      }
    }
    return involved;
  }

  /**
   * Runs the scratch block and reads back what PostgreSQL stored, keyed by {@link #storedKey};
   * always rolls back.
   */
  private static Map<String, String> ask(
      Connection connection, String schema, List<Involved> involved) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    Savepoint savepoint = null;
    if (autoCommit) {
      connection.setAutoCommit(false);
    } else {
      savepoint = connection.setSavepoint();
    }
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute(block(schema, involved));
      }
      Map<String, String> stored = new HashMap<>();
      String[] names = involved.stream().map(Involved::scratch).toArray(String[]::new);
      try (PreparedStatement read = connection.prepareStatement(READ_BACK)) {
        read.setArray(1, connection.createArrayOf("text", names));
        read.setArray(2, connection.createArrayOf("text", names));
        try (ResultSet rows = read.executeQuery()) {
          while (rows.next()) {
            stored.put(
                storedKey(rows.getString(1), rows.getString(2), rows.getString(3)),
                rows.getString(4));
          }
        }
      }
      return stored;
    } finally {
      if (savepoint == null) {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      } else {
        connection.rollback(savepoint);
      }
    }
  }

  /**
   * The {@code DO} block: per involved table a temporary copy of the live table, then the model's
   * checks and defaults on it, each statement in its own {@code BEGIN ... EXCEPTION WHEN OTHERS}
   * sub-block (a sub-transaction, PostgreSQL docs, PL/pgSQL 43.6.8 "Trapping Errors") and run by
   * {@code EXECUTE} from a string, so that a syntax error in a model expression is raised there
   * rather than when the block is compiled.
   */
  private static String block(String schema, List<Involved> involved) {
    StringBuilder body = new StringBuilder("BEGIN\n");
    for (Involved table : involved) {
      String live =
          quoteIdentifier(table.live().schema() == null ? schema : table.live().schema())
              + "."
              + quoteIdentifier(table.live().name());
      String scratch = "pg_temp." + table.scratch();
      List<String> statements = new ArrayList<>();
      statements.add("CREATE TEMP TABLE " + table.scratch() + " (LIKE " + live + ")");
      for (CheckConstraint check : table.checks()) {
        statements.add(
            "ALTER TABLE "
                + scratch
                + " ADD CONSTRAINT "
                + quoteIdentifier(check.name())
                + " CHECK ("
                + check.expression()
                + ")");
      }
      for (Column column : table.defaults()) {
        statements.add(
            "ALTER TABLE "
                + scratch
                + " ALTER COLUMN "
                + quoteIdentifier(column.name())
                + " SET DEFAULT "
                + column.defaultValue());
      }
      for (String sql : statements) {
        body.append("  BEGIN EXECUTE '")
            .append(sql.replace("'", "''"))
            .append("'; EXCEPTION WHEN OTHERS THEN NULL; END;\n");
      }
    }
    body.append("END");
    String tag = "$migrate$";
    for (int i = 1; body.indexOf(tag) >= 0; i++) {
      tag = "$migrate" + i + "$";
    }
    return "DO " + tag + "\n" + body + "\n" + tag;
  }

  /**
   * {@code table} with each asked-about expression that PostgreSQL stores as the catalog holds it
   * replaced.
   */
  private Table aligned(Involved table, Map<String, String> stored) {
    Map<String, CheckConstraint> liveChecks = byName(table.live().checkConstraints());
    List<CheckConstraint> checks = new ArrayList<>();
    for (CheckConstraint check : table.model().checkConstraints()) {
      String definition =
          table.checks().contains(check)
              ? stored.get(storedKey(table.scratch(), "c", check.name()))
              : null;
      CheckConstraint live = liveChecks.get(check.name());
      if (definition != null
          && normalizer
              .normalizeCheck(PostgresIntrospector.checkExpression(definition))
              .equals(normalizer.normalizeCheck(live.expression()))) {
        checks.add(live);
      } else {
        checks.add(check);
      }
    }
    List<Column> columns = new ArrayList<>();
    for (Column column : table.model().columns()) {
      String expression =
          table.defaults().contains(column)
              ? stored.get(storedKey(table.scratch(), "d", column.name()))
              : null;
      String live = table.live().column(column.name()).map(Column::defaultValue).orElse(null);
      if (expression != null
          && live != null
          && normalizer.normalizeDefault(expression).equals(normalizer.normalizeDefault(live))) {
        columns.add(column.withDefault(live));
      } else {
        columns.add(column);
      }
    }
    Table m = table.model();
    return new Table(
        m.schema(),
        m.name(),
        columns,
        m.primaryKey(),
        m.uniqueConstraints(),
        checks,
        m.indexes(),
        m.foreignKeys(),
        m.comment(),
        m.renamedFrom());
  }

  private static String storedKey(String scratch, String kind, String name) {
    return scratch + '\u0000' + kind + '\u0000' + name;
  }

  private static String key(Table table) {
    return (table.schema() == null ? "" : table.schema()) + '\u0000' + table.name();
  }

  private static Map<String, CheckConstraint> byName(List<CheckConstraint> checks) {
    Map<String, CheckConstraint> map = new LinkedHashMap<>();
    checks.forEach(c -> map.put(c.name(), c));
    return map;
  }
}
