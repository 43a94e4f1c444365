package dev.migrate.model;

import java.util.Objects;

/**
 * A sequence that is not the internal sequence of an identity column.
 *
 * @param schema the schema, or {@code null} for the schema the migration runs in
 * @param name the sequence name
 * @param start the first value ({@code START WITH})
 * @param increment the step ({@code INCREMENT BY}); Hibernate 6's default allocation size is 50
 * @param minValue {@code MINVALUE}, or {@code null} for the default (1 for an ascending sequence,
 *     the type's minimum for a descending one; PostgreSQL docs, CREATE SEQUENCE)
 * @param maxValue {@code MAXVALUE}, or {@code null} for the default (the type's maximum for an
 *     ascending sequence, -1 for a descending one)
 * @param ownedBy the column the sequence is {@code OWNED BY}, as {@code table.column} in the
 *     sequence's schema, or {@code null} for none
 */
public record Sequence(
    String schema,
    String name,
    long start,
    long increment,
    Long minValue,
    Long maxValue,
    String ownedBy) {

  /** A sequence with default bounds, owned by no column. */
  public Sequence(String schema, String name, long start, long increment) {
    this(schema, name, start, increment, null, null, null);
  }

  public Sequence {
    Objects.requireNonNull(name, "name");
    if (increment == 0) {
      throw new IllegalArgumentException("sequence " + name + ": increment must not be 0");
    }
  }

  /** A sequence in the migration's schema starting at 1 with the given increment. */
  public static Sequence of(String name, long increment) {
    return new Sequence(null, name, 1, increment);
  }

  /** The same sequence in {@code schema} ({@code null} for the migration's schema). */
  public Sequence inSchema(String schema) {
    return new Sequence(schema, name, start, increment, minValue, maxValue, ownedBy);
  }

  /** This sequence with {@code MINVALUE minValue}. */
  public Sequence withMinValue(long minValue) {
    return new Sequence(schema, name, start, increment, minValue, maxValue, ownedBy);
  }

  /** This sequence with {@code MAXVALUE maxValue}. */
  public Sequence withMaxValue(long maxValue) {
    return new Sequence(schema, name, start, increment, minValue, maxValue, ownedBy);
  }

  /**
   * This sequence {@code OWNED BY} {@code tableAndColumn} ({@code table.column}), or by none when
   * {@code null}.
   */
  public Sequence withOwnedBy(String tableAndColumn) {
    return new Sequence(schema, name, start, increment, minValue, maxValue, tableAndColumn);
  }

  /**
   * The {@code MINVALUE} in effect: {@link #minValue()}, else PostgreSQL's default (CREATE SEQUENCE
   * docs) widened to the start value as Migrate's {@code CREATE SEQUENCE} widens it: {@code min(1,
   * start)} ascending, the {@code bigint} minimum descending.
   */
  public long minValueInEffect() {
    if (minValue != null) {
      return minValue;
    }
    return increment > 0 ? Math.min(1, start) : Long.MIN_VALUE;
  }

  /**
   * The {@code MAXVALUE} in effect: {@link #maxValue()}, else the {@code bigint} maximum ascending
   * and {@code max(-1, start)} descending.
   */
  public long maxValueInEffect() {
    if (maxValue != null) {
      return maxValue;
    }
    return increment > 0 ? Long.MAX_VALUE : Math.max(-1, start);
  }

  /**
   * Schema-qualified name for messages, for example {@code app.customer_seq} or {@code
   * customer_seq}.
   */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }
}
