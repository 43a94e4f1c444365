package dev.migrate.ops;

/**
 * Whether SQL text held in a model (a check expression, an index expression or predicate) refers to
 * a column, by the same reading as {@code ALTER TABLE ... RENAME COLUMN}'s replay ({@link
 * Renaming#sql}): an unquoted word that folds to the name, or the quoted name; not inside a string
 * constant, not a function or type name, not the later part of a qualified name.
 */
public final class ColumnReferences {

  private ColumnReferences() {}

  /**
   * Whether {@code sql} refers to the column {@code column}; {@code false} for {@code null} SQL.
   */
  public static boolean mentions(String sql, String column) {
    if (sql == null) {
      return false;
    }
    return !Renaming.sql(sql, column, "\u0001").equals(sql);
  }
}
