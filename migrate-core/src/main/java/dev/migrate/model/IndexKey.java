package dev.migrate.model;

import java.util.Objects;

/**
 * One key of an index: a column or an expression, in ascending or descending order.
 *
 * @param column the column name exactly as the catalog stores it, or {@code null} for an expression
 *     key
 * @param expression the key expression as SQL text without the enclosing parentheses (for example
 *     {@code lower((email)::text)}, as {@code pg_get_indexdef} prints it), or {@code null} for a
 *     column key
 * @param descending whether the key is {@code DESC} (PostgreSQL then sorts nulls first, its default
 *     for {@code DESC}; PostgreSQL docs, CREATE INDEX)
 */
public record IndexKey(String column, String expression, boolean descending) {

  public IndexKey {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException(
          "an index key is a column or an expression, exactly one of them; got column "
              + column
              + ", expression "
              + expression);
    }
  }

  /** An ascending column key. */
  public static IndexKey column(String name) {
    return new IndexKey(Objects.requireNonNull(name, "name"), null, false);
  }

  /** A descending column key. */
  public static IndexKey descending(String name) {
    return new IndexKey(Objects.requireNonNull(name, "name"), null, true);
  }

  /** An ascending expression key; {@code sql} is the expression without enclosing parentheses. */
  public static IndexKey expression(String sql) {
    return new IndexKey(null, Objects.requireNonNull(sql, "sql"), false);
  }

  /** This key in descending order. */
  public IndexKey desc() {
    return new IndexKey(column, expression, true);
  }

  /**
   * Whether this is an ascending plain column key, the only kind JPA's {@code @Index} makes without
   * ASC/DESC.
   */
  public boolean isPlainColumn() {
    return column != null && !descending;
  }
}
