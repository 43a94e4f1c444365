package dev.migrate.ops;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code ALTER TABLE ... RENAME COLUMN} does to a table's model: PostgreSQL stores
 * constraints, indexes and expressions by column number, so every one of them that named the column
 * names the new one afterwards (PostgreSQL docs, ALTER TABLE: "RENAME ... the column's dependent
 * objects follow"). Expressions held as SQL text (checks, index expressions and predicates) have
 * the identifier replaced outside string constants.
 */
final class Renaming {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  private Renaming() {}

  /** {@code table} after its column {@code from} was renamed to {@code to}. */
  static Table column(Table table, String from, String to) {
    List<Column> columns =
        table.columns().stream()
            .map(
                c ->
                    c.name().equals(from)
                        ? new Column(
                            to,
                            c.type(),
                            c.nullable(),
                            c.defaultValue(),
                            c.identity(),
                            c.comment(),
                            List.of())
                        : c)
            .toList();
    PrimaryKey pk =
        table.primaryKey() == null
            ? null
            : new PrimaryKey(
                table.primaryKey().name(), names(table.primaryKey().columns(), from, to));
    List<UniqueConstraint> uniques =
        table.uniqueConstraints().stream()
            .map(u -> new UniqueConstraint(u.name(), names(u.columns(), from, to)))
            .toList();
    List<CheckConstraint> checks =
        table.checkConstraints().stream()
            .map(c -> new CheckConstraint(c.name(), sql(c.expression(), from, to)))
            .toList();
    List<Index> indexes =
        table.indexes().stream()
            .map(
                i ->
                    new Index(
                        i.name(),
                        i.keys().stream().map(k -> key(k, from, to)).toList(),
                        i.unique(),
                        i.method(),
                        names(i.include(), from, to),
                        i.where() == null ? null : sql(i.where(), from, to)))
            .toList();
    List<ForeignKey> foreignKeys =
        table.foreignKeys().stream()
            .map(
                f ->
                    new ForeignKey(
                        f.name(),
                        names(f.columns(), from, to),
                        f.referencedSchema(),
                        f.referencedTable(),
                        f.referencedColumns(),
                        f.onDelete(),
                        f.onUpdate(),
                        f.deferrable(),
                        f.initiallyDeferred()))
            .toList();
    return new Table(
        table.schema(),
        table.name(),
        columns,
        pk,
        uniques,
        checks,
        indexes,
        foreignKeys,
        table.comment(),
        List.of());
  }

  static List<String> names(List<String> names, String from, String to) {
    return names.stream().map(n -> n.equals(from) ? to : n).toList();
  }

  private static IndexKey key(IndexKey key, String from, String to) {
    if (key.column() != null) {
      return key.column().equals(from) ? new IndexKey(to, null, key.descending()) : key;
    }
    return new IndexKey(null, sql(key.expression(), from, to), key.descending());
  }

  /**
   * {@code sql} with every reference to the identifier {@code from} spelt as {@code to}: unquoted
   * words that fold to {@code from}, and {@code "from"}; not inside string constants, not a
   * function name (followed by {@code (}), not a type name (after {@code ::}) and not a qualified
   * name's later part (after {@code .}).
   */
  static String sql(String sql, String from, String to) {
    StringBuilder out = new StringBuilder(sql.length());
    String replacement = PLAIN.matcher(to).matches() ? to : '"' + to.replace("\"", "\"\"") + '"';
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = i + 1;
        while (end < sql.length()
            && !(sql.charAt(end) == '\''
                && (end + 1 >= sql.length() || sql.charAt(end + 1) != '\''))) {
          end += sql.charAt(end) == '\'' ? 2 : 1;
        }
        out.append(sql, i, Math.min(end + 1, sql.length()));
        i = end + 1;
      } else if (c == '"' || Character.isLetter(c) || c == '_') {
        int end;
        String name;
        if (c == '"') {
          end = i + 1;
          StringBuilder quoted = new StringBuilder();
          while (end < sql.length()
              && !(sql.charAt(end) == '"'
                  && (end + 1 >= sql.length() || sql.charAt(end + 1) != '"'))) {
            quoted.append(sql.charAt(end));
            end += sql.charAt(end) == '"' ? 2 : 1;
          }
          end = Math.min(end + 1, sql.length());
          name = quoted.toString();
        } else {
          end = i;
          while (end < sql.length()
              && (Character.isLetterOrDigit(sql.charAt(end))
                  || sql.charAt(end) == '_'
                  || sql.charAt(end) == '$')) {
            end++;
          }
          name = sql.substring(i, end).toLowerCase(java.util.Locale.ROOT);
        }
        String before = sql.substring(0, i).stripTrailing();
        int next = end;
        while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
          next++;
        }
        boolean call = next < sql.length() && sql.charAt(next) == '(';
        boolean typeOrQualified = before.endsWith("::") || before.endsWith(".");
        if (name.equals(from) && !call && !typeOrQualified) {
          out.append(replacement);
        } else {
          out.append(sql, i, end);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
