package dev.migrate.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A column type in PostgreSQL's canonical spelling, with its modifiers.
 *
 * <p>{@code name} is one of the canonical names below (lower case, as PostgreSQL's documentation
 * spells the type, "Data Types" chapter), or, for a type Migrate has no special knowledge of, the
 * text {@code format_type()} returns (for example {@code "citext"} or {@code "integer[]"}), which
 * then carries no modifiers: {@code smallint integer bigint real "double precision" numeric boolean
 * varchar char text bytea uuid date time timetz timestamp timestamptz interval json jsonb oid}.
 *
 * <p>{@code length} applies to {@code varchar} and {@code char} (characters); {@code precision} to
 * {@code numeric} (total digits) and to the time types (fractional-second digits); {@code scale} to
 * {@code numeric}. A missing modifier is {@code null}. The time types are canonicalised to
 * precision 6 when none is given, because PostgreSQL stores microseconds either way (PostgreSQL
 * docs, 8.5 Date/Time Types), so {@code timestamp} and {@code timestamp(6)} are the same type here.
 */
public record SqlType(String name, Integer length, Integer precision, Integer scale) {

  public SqlType {
    Objects.requireNonNull(name, "name");
    name = name.toLowerCase(Locale.ROOT);
    if (precision == null && isTimeType(name)) {
      precision = 6;
    }
  }

  private static boolean isTimeType(String name) {
    return switch (name) {
      case "time", "timetz", "timestamp", "timestamptz" -> true;
      default -> false;
    };
  }

  /** A type with no modifiers, for example {@code bigint}. */
  public static SqlType of(String name) {
    return new SqlType(name, null, null, null);
  }

  public static SqlType smallint() {
    return of("smallint");
  }

  public static SqlType integer() {
    return of("integer");
  }

  public static SqlType bigint() {
    return of("bigint");
  }

  public static SqlType real() {
    return of("real");
  }

  public static SqlType doublePrecision() {
    return of("double precision");
  }

  public static SqlType bool() {
    return of("boolean");
  }

  public static SqlType text() {
    return of("text");
  }

  public static SqlType bytea() {
    return of("bytea");
  }

  public static SqlType uuid() {
    return of("uuid");
  }

  public static SqlType date() {
    return of("date");
  }

  public static SqlType jsonb() {
    return of("jsonb");
  }

  /** {@code varchar(length)}; {@code length} in characters. */
  public static SqlType varchar(int length) {
    return new SqlType("varchar", length, null, null);
  }

  /** {@code char(length)}; {@code length} in characters. */
  public static SqlType character(int length) {
    return new SqlType("char", length, null, null);
  }

  /**
   * {@code numeric(precision, scale)}: {@code precision} total digits, {@code scale} of them after
   * the point.
   */
  public static SqlType numeric(int precision, int scale) {
    return new SqlType("numeric", null, precision, scale);
  }

  /**
   * {@code timestamp(precision) without time zone}; {@code precision} in fractional-second digits
   * (0 to 6).
   */
  public static SqlType timestamp(int precision) {
    return new SqlType("timestamp", null, precision, null);
  }

  /**
   * {@code timestamp(precision) with time zone}; {@code precision} in fractional-second digits (0
   * to 6).
   */
  public static SqlType timestamptz(int precision) {
    return new SqlType("timestamptz", null, precision, null);
  }

  /**
   * {@code time(precision) without time zone}; {@code precision} in fractional-second digits (0 to
   * 6).
   */
  public static SqlType time(int precision) {
    return new SqlType("time", null, precision, null);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name);
    if (length != null) {
      s.append('(').append(length).append(')');
    } else if (precision != null) {
      s.append('(').append(precision);
      if (scale != null) {
        s.append(',').append(scale);
      }
      s.append(')');
    }
    return s.toString();
  }
}
