package dev.migrate.diff;

import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;

/**
 * How a dialect wants values compared that the database stores in a rewritten form (PostgreSQL
 * deparses check expressions and defaults; {@code 'x'::character varying} is how it stores {@code
 * 'x'}). The diff compares {@code normalize*(model value)} with {@code normalize*(catalog value)};
 * the defaults compare text as is.
 */
public interface Normalizer {

  /** A comparison form of a check expression (SQL without the {@code CHECK} keyword). */
  default String normalizeCheck(String expression) {
    return expression;
  }

  /** A comparison form of a column default (SQL expression), {@code null} for none. */
  default String normalizeDefault(String expression) {
    return expression;
  }

  /**
   * Whether two sequences are the same on this database, where an absent bound ({@code null})
   * stands for the database's default bound.
   */
  default boolean sameSequence(Sequence a, Sequence b) {
    return a.equals(b);
  }

  /** Whether two column types are the same type on this database. */
  default boolean sameType(SqlType a, SqlType b) {
    return a.equals(b);
  }

  /**
   * Whether this database can convert a column's values from type {@code from} to type {@code to}
   * in place ({@code ALTER COLUMN ... TYPE}, with a {@code USING} cast where needed). When it
   * cannot, the diff drops the column and adds it again (destructive, and said so). {@code true} by
   * default: an unknown pair is altered in place, so that the database's error stops the upgrade
   * rather than the column's data being dropped.
   *
   * @param enumTypes the names of the models' enum types, bare and schema-qualified, as column
   *     types name them
   */
  default boolean convertsInPlace(SqlType from, SqlType to, java.util.Set<String> enumTypes) {
    return true;
  }
}
