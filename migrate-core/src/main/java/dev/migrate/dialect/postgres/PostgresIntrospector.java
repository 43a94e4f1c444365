package dev.migrate.dialect.postgres;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one schema from PostgreSQL's catalog (PostgreSQL 12 and later) into a {@link Database},
 * with {@value #QUERIES} bulk queries whatever the number of tables: tables, columns, constraints,
 * indexes, sequences, enum types. Each query selects the whole schema and the rows are grouped by
 * table oid here, so a 1,000-table schema costs the same six round trips as a one-table schema.
 *
 * <p>What is read: ordinary and partitioned tables ({@code relkind} {@code r}, {@code p}), not
 * partitions; columns in {@code attnum} order; primary key, unique, check and foreign key
 * constraints with their columns in key order; indexes that do not back a primary key, unique or
 * exclusion constraint, with their key columns (an expression column reads as its expression text),
 * sort order, method, {@code INCLUDE} columns and predicate; sequences that are not an identity
 * column's own, with their bounds and owner; table and column comments. What is not read (the model
 * cannot say it): {@code NULLS FIRST/LAST} other than the default, operator classes and collations
 * of index keys; exclusion constraints; generated columns' expressions; views, triggers, functions,
 * policies and privileges.
 */
final class PostgresIntrospector {

  /** The number of queries {@link #introspect} issues. */
  static final int QUERIES = 6;

  private static final String TABLES =
      """
      SELECT c.oid, c.relname, dsc.description AS comment
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid
             AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0
       WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition""";

  /**
   * Types outside {@code pg_catalog} (domains, enums, extension types) and arrays are reported by
   * {@code format_type}; so are catalog types Migrate has no special knowledge of. A default cannot
   * refer to a column, so it is deparsed without a relation ({@code pg_get_expr(adbin, 0)}, about
   * half the cost of passing the table); a stored generated column's expression, which can, is not
   * a default and is not read.
   */
  private static final String COLUMNS =
      """
      SELECT a.attrelid, a.attnum, a.attname, t.typname, t.typnamespace = 'pg_catalog'::regnamespace AS builtin,
             t.typtype, t.typnamespace = n.oid AS local_type,
             a.atttypmod, a.attnotnull, a.attidentity,
             CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, 0) END AS default_value,
             pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted, dsc.description AS comment
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = a.attrelid
             AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = a.attnum
       WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attrelid, a.attnum""";

  /**
   * Column numbers ({@code conkey}, {@code confkey}) are turned into names from the columns query;
   * only a foreign key to a table the columns query does not read (another schema) has its
   * referenced names looked up here.
   */
  private static final String CONSTRAINTS =
      """
      SELECT con.conrelid, con.conname, con.contype, con.conkey, con.confrelid, con.confkey,
             fn.nspname AS referenced_schema, fc.relname AS referenced_table,
             CASE WHEN fn.nspname <> n.nspname OR fc.relispartition OR fc.relkind NOT IN ('r', 'p') THEN
               ARRAY(SELECT a.attname::text
                       FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                      ORDER BY k.ord)
             END AS referenced_columns,
             con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred,
             CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
       WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'c', 'f') AND c.relkind IN ('r', 'p')""";

  /**
   * The first {@code indnkeyatts} of {@code indkey} are the keys, the rest the {@code INCLUDE}
   * columns; column number 0 is an expression, whose text {@code pg_get_indexdef(index, column,
   * true)} gives, asked only for indexes that have expressions. Bit 0 of a key's {@code indoption}
   * is {@code DESC} (pg_index.h, {@code INDOPTION_DESC}); the access method comes from {@code
   * pg_am}, the predicate of a partial index from {@code indpred}. An index that backs a primary
   * key, unique or exclusion constraint of its own table ({@code pg_constraint.conindid}) belongs
   * to that constraint; a foreign key's {@code conindid} names the referenced table's index, hence
   * the {@code conrelid} condition.
   */
  private static final String INDEXES =
      """
      SELECT i.indrelid, ic.relname, i.indisunique, i.indkey::int2[] AS keys, i.indnkeyatts,
             i.indoption::int2[] AS options, am.amname,
             pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
             CASE WHEN i.indexprs IS NOT NULL THEN
               ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                       FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)
             END AS expressions
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                            AND con.contype IN ('p', 'u', 'x'))""";

  /**
   * An identity column's sequence depends on it internally ({@code pg_depend.deptype = 'i'}) and is
   * not read; a sequence {@code OWNED BY} a column depends on it automatically ({@code 'a'}), which
   * gives {@code owned_by}.
   */
  private static final String SEQUENCES =
      """
      SELECT c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqtypid::regtype::text AS type,
             (SELECT oc.relname || '.' || oa.attname
                FROM pg_catalog.pg_depend od
                JOIN pg_catalog.pg_class oc ON oc.oid = od.refobjid
                JOIN pg_catalog.pg_attribute oa ON oa.attrelid = od.refobjid AND oa.attnum = od.refobjsubid
               WHERE od.classid = 'pg_catalog.pg_class'::regclass AND od.objid = s.seqrelid
                 AND od.refclassid = 'pg_catalog.pg_class'::regclass AND od.deptype = 'a'
               LIMIT 1) AS owned_by
        FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ?
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = s.seqrelid
                            AND d.deptype = 'i')""";

  /** Enum types by name, and their labels in sort order. */
  private static final String ENUM_TYPES =
      """
      SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
       WHERE n.nspname = ? AND t.typtype = 'e'
       GROUP BY t.typname
      UNION ALL
      SELECT t.typname, ARRAY[]::text[]
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = ? AND t.typtype = 'e'
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
       ORDER BY 1""";

  /** The value range of each sequence type ({@code AS smallint|integer|bigint}). */
  private static final Map<String, long[]> TYPE_RANGES =
      Map.of(
          "smallint", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
          "integer", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
          "bigint", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});

  private PostgresIntrospector() {}

  /**
   * Everything Migrate models in {@code schema}, less the tables named in {@code excludeTables}.
   */
  static Database introspect(Connection connection, String schema, Set<String> excludeTables)
      throws SQLException {
    // Excluded tables are read too (their column names resolve foreign keys that point at them),
    // but not returned.
    Map<Long, TableBuilder> tables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString("relname");
          TableBuilder table = new TableBuilder(name, excludeTables.contains(name));
          table.comment = rows.getString("comment");
          tables.put(rows.getLong("oid"), table);
        }
      }
    }
    readColumns(connection, schema, tables);
    readConstraints(connection, schema, tables);
    readIndexes(connection, schema, tables);
    List<Sequence> sequences = readSequences(connection, schema);
    List<EnumType> enumTypes = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(ENUM_TYPES)) {
      statement.setString(1, schema);
      statement.setString(2, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          enumTypes.add(
              new EnumType(null, rows.getString("typname"), strings(rows.getArray("labels"))));
        }
      }
    }
    List<Table> result = new ArrayList<>(tables.size());
    for (TableBuilder table : tables.values()) {
      if (!table.excluded) {
        result.add(table.build());
      }
    }
    return new Database(result, sequences, enumTypes);
  }

  private static void readColumns(
      Connection connection, String schema, Map<Long, TableBuilder> tables) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          TableBuilder table = tables.get(rows.getLong("attrelid"));
          if (table == null) {
            continue;
          }
          SqlType type =
              rows.getBoolean("builtin")
                  ? PostgresTypes.fromCatalog(rows.getString("typname"), rows.getInt("atttypmod"))
                  : null;
          if (type == null
              && "e".equals(rows.getString("typtype"))
              && rows.getBoolean("local_type")) {
            // an enum type of the same schema, by its bare name as the model names it (format_type
            // would qualify
            // it when the schema is not on the search path)
            type = SqlType.of(rows.getString("typname"));
          }
          if (type == null) {
            type = SqlType.of(rows.getString("formatted"));
          }
          Identity identity = identity(rows.getString("attidentity"));
          String defaultValue = rows.getString("default_value");
          String name = rows.getString("attname");
          table.names.put(rows.getInt("attnum"), name);
          table.columns.add(
              new Column(
                  name,
                  type,
                  !rows.getBoolean("attnotnull"),
                  defaultValue,
                  identity,
                  rows.getString("comment"),
                  List.of()));
        }
      }
    }
  }

  private static Identity identity(String attidentity) {
    if (attidentity == null) {
      return null;
    }
    switch (attidentity) {
      case "a":
        return Identity.ALWAYS;
      case "d":
        return Identity.BY_DEFAULT;
      default:
        return null;
    }
  }

  private static void readConstraints(
      Connection connection, String schema, Map<Long, TableBuilder> tables) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CONSTRAINTS)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          TableBuilder table = tables.get(rows.getLong("conrelid"));
          if (table == null) {
            continue;
          }
          String name = rows.getString("conname");
          String type = rows.getString("contype");
          // A check's conkey lists the columns its expression uses (system columns included); it is
          // not read.
          List<String> columns =
              type.equals("c") ? List.of() : table.names(numbers(rows.getArray("conkey")), name);
          switch (type) {
            case "p":
              table.primaryKey = new PrimaryKey(name, columns);
              break;
            case "u":
              table.uniques.add(new UniqueConstraint(name, columns));
              break;
            case "c":
              table.checks.add(
                  new CheckConstraint(name, checkExpression(rows.getString("definition"))));
              break;
            case "f":
              {
                String referencedSchema = rows.getString("referenced_schema");
                List<String> referencedColumns = strings(rows.getArray("referenced_columns"));
                if (referencedColumns == null) {
                  TableBuilder referenced = tables.get(rows.getLong("confrelid"));
                  if (referenced == null) {
                    throw new IllegalStateException(
                        "foreign key "
                            + name
                            + " of "
                            + schema
                            + "."
                            + table.name
                            + " references a table the catalog query did not read");
                  }
                  referencedColumns = referenced.names(numbers(rows.getArray("confkey")), name);
                }
                table.foreignKeys.add(
                    new ForeignKey(
                        name,
                        columns,
                        schema.equals(referencedSchema) ? null : referencedSchema,
                        rows.getString("referenced_table"),
                        referencedColumns,
                        action(rows.getString("confdeltype")),
                        action(rows.getString("confupdtype")),
                        rows.getBoolean("condeferrable"),
                        rows.getBoolean("condeferred")));
                break;
              }
            default:
              break;
          }
        }
      }
    }
  }

  /**
   * The expression of a {@code pg_get_constraintdef} check: {@code CHECK ((a > 0)) NOT VALID} reads
   * as {@code a > 0}, without the key word, the suffixes ({@code NOT VALID}, {@code NO INHERIT})
   * and the parentheses that enclose the whole expression.
   */
  static String checkExpression(String definition) {
    String expression = definition.trim();
    if (expression.regionMatches(true, 0, "CHECK", 0, 5)) {
      expression = expression.substring(5).trim();
    }
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
        if (expression.endsWith(suffix)) {
          expression = expression.substring(0, expression.length() - suffix.length()).trim();
          stripped = true;
        }
      }
    }
    while (enclosedInParentheses(expression)) {
      expression = expression.substring(1, expression.length() - 1).trim();
    }
    return expression;
  }

  /**
   * Whether the first character is a parenthesis whose partner is the last character (outside
   * literals).
   */
  private static boolean enclosedInParentheses(String s) {
    if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') {
      return false;
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0 && i < s.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  private static ReferentialAction action(String code) {
    switch (code) {
      case "r":
        return ReferentialAction.RESTRICT;
      case "c":
        return ReferentialAction.CASCADE;
      case "n":
        return ReferentialAction.SET_NULL;
      case "d":
        return ReferentialAction.SET_DEFAULT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  private static void readIndexes(
      Connection connection, String schema, Map<Long, TableBuilder> tables) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INDEXES)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          TableBuilder table = tables.get(rows.getLong("indrelid"));
          if (table == null) {
            continue;
          }
          String name = rows.getString("relname");
          List<Integer> all = numbers(rows.getArray("keys"));
          int keyCount = rows.getInt("indnkeyatts");
          List<Integer> keys = all.subList(0, keyCount);
          List<Integer> options = numbers(rows.getArray("options"));
          List<String> expressions = strings(rows.getArray("expressions"));
          List<IndexKey> indexKeys = new ArrayList<>(keys.size());
          for (int i = 0; i < keys.size(); i++) {
            boolean descending = i < options.size() && (options.get(i) & 1) != 0;
            indexKeys.add(
                new IndexKey(
                    keys.get(i) == 0 ? null : table.names(List.of(keys.get(i)), name).get(0),
                    keys.get(i) == 0 ? expressions.get(i) : null,
                    descending));
          }
          List<String> include = table.names(all.subList(keyCount, all.size()), name);
          table.indexes.add(
              new Index(
                  name,
                  indexKeys,
                  rows.getBoolean("indisunique"),
                  rows.getString("amname"),
                  include,
                  rows.getString("predicate")));
        }
      }
    }
  }

  private static List<Sequence> readSequences(Connection connection, String schema)
      throws SQLException {
    List<Sequence> sequences = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(SEQUENCES)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long increment = rows.getLong("seqincrement");
          long min = rows.getLong("seqmin");
          long max = rows.getLong("seqmax");
          long start = rows.getLong("seqstart");
          long[] range =
              TYPE_RANGES.getOrDefault(rows.getString("type"), TYPE_RANGES.get("bigint"));
          // A bound PostgreSQL would choose by itself reads as absent (CREATE SEQUENCE docs: 1 or
          // the type's
          // minimum, the type's maximum or -1, by direction), as does the start value where CREATE
          // SEQUENCE
          // widened the default to it; the model need not spell either out.
          Long minValue = min == (increment > 0 ? Math.min(1, start) : range[0]) ? null : min;
          Long maxValue = max == (increment > 0 ? range[1] : Math.max(-1, start)) ? null : max;
          sequences.add(
              new Sequence(
                  null,
                  rows.getString("relname"),
                  start,
                  increment,
                  minValue,
                  maxValue,
                  rows.getString("owned_by")));
        }
      }
    }
    return sequences;
  }

  /** The elements of a SQL text array, or {@code null} for SQL {@code NULL}. */
  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    try {
      return Arrays.asList((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  /** The elements of a SQL {@code int2[]}; empty for SQL {@code NULL}. */
  private static List<Integer> numbers(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      Object[] elements = (Object[]) array.getArray();
      List<Integer> numbers = new ArrayList<>(elements.length);
      for (Object element : elements) {
        numbers.add(((Number) element).intValue());
      }
      return numbers;
    } finally {
      array.free();
    }
  }

  /** One table's rows as they arrive from the queries. */
  private static final class TableBuilder {
    final String name;
    final boolean excluded;

    /** Column names by {@code attnum}. */
    final Map<Integer, String> names = new HashMap<>();

    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    String comment;

    TableBuilder(String name, boolean excluded) {
      this.name = name;
      this.excluded = excluded;
    }

    /**
     * The names of the columns numbered {@code attnums}, in that order, for {@code owner} (named in
     * errors).
     */
    List<String> names(List<Integer> attnums, String owner) {
      List<String> result = new ArrayList<>(attnums.size());
      for (int attnum : attnums) {
        String column = names.get(attnum);
        if (column == null) {
          throw new IllegalStateException(
              owner
                  + " on table "
                  + name
                  + " refers to column number "
                  + attnum
                  + ", which the catalog query did not read");
        }
        result.add(column);
      }
      return result;
    }

    Table build() {
      return new Table(
          null,
          name,
          columns,
          primaryKey,
          uniques,
          checks,
          indexes,
          foreignKeys,
          comment,
          List.of());
    }
  }
}
