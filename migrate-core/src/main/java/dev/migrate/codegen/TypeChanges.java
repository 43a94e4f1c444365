package dev.migrate.codegen;

import dev.migrate.model.SqlType;
import java.util.Map;
import java.util.Set;

/**
 * Whether a column type change keeps every value (a widening) or may lose or reject some (a narrowing), on
 * PostgreSQL. Used to mark narrowing {@link dev.migrate.ops.AlterColumn}s as destructive in generated code.
 *
 * <p>The rules are deliberately conservative: a change is a widening only when every value of the old type
 * converts to the new type without loss and without error (PostgreSQL docs, 8.1 Numeric Types, 8.3 Character
 * Types, 8.5 Date/Time Types). Everything else, including any change between unrelated types such as
 * {@code integer} to {@code text}, counts as narrowing and gets a warning the user can judge.
 */
public final class TypeChanges {

  /** Significant bits of the integer types, to compare them with each other and with the float types. */
  private static final Map<String, Integer> INTEGER_BITS = Map.of("smallint", 16, "integer", 32, "bigint", 64);

  /** Decimal digits an integer type may need, to compare it with {@code numeric(p, s)}. */
  private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

  /** Mantissa bits of the float types: an integer of at most this many bits converts exactly. */
  private static final Map<String, Integer> FLOAT_MANTISSA_BITS = Map.of("real", 24, "double precision", 53);

  private static final Set<String> VARIABLE_TEXT = Set.of("varchar", "text");

  private TypeChanges() {}

  /**
   * Whether changing a column from {@code from} to {@code to} keeps every value; {@code true} when the types are
   * equal.
   *
   * <p>Widenings: a longer or unbounded {@code varchar}, {@code text} from any character type, a longer
   * {@code char}; a larger integer type, {@code numeric} with at least as many integer and fraction digits, an
   * integer type into a float type whose mantissa holds it, {@code real} to {@code double precision}; more
   * fractional-second digits, {@code timestamp} to {@code timestamptz}, {@code time} to {@code timetz},
   * {@code date} to either timestamp; {@code jsonb} to {@code json}.
   */
  public static boolean isWidening(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return true;
    }
    String f = from.name();
    String t = to.name();
    if (isCharacter(f) && isCharacter(t)) {
      if (t.equals("char") && !f.equals("char")) {
        return false; // char pads with blanks, so varchar and text values change
      }
      return characterCapacity(to) >= characterCapacity(from);
    }
    if (INTEGER_BITS.containsKey(f)) {
      if (INTEGER_BITS.containsKey(t)) {
        return INTEGER_BITS.get(t) >= INTEGER_BITS.get(f);
      }
      if (t.equals("numeric")) {
        return to.precision() == null || integerDigits(to) >= INTEGER_DIGITS.get(f);
      }
      if (FLOAT_MANTISSA_BITS.containsKey(t)) {
        return FLOAT_MANTISSA_BITS.get(t) >= INTEGER_BITS.get(f);
      }
      return false;
    }
    if (f.equals("numeric") && t.equals("numeric")) {
      if (to.precision() == null) {
        return true; // unconstrained numeric holds any numeric value
      }
      if (from.precision() == null) {
        return false;
      }
      return integerDigits(to) >= integerDigits(from) && scale(to) >= scale(from);
    }
    if (f.equals("real") && t.equals("double precision")) {
      return true;
    }
    if (isTimestamp(f) && isTimestamp(t)) {
      // timestamptz to timestamp depends on the session time zone and loses the instant around DST changes
      return !(f.equals("timestamptz") && t.equals("timestamp")) && fractionDigits(to) >= fractionDigits(from);
    }
    if (isTime(f) && isTime(t)) {
      return !(f.equals("timetz") && t.equals("time")) && fractionDigits(to) >= fractionDigits(from);
    }
    if (f.equals("date") && isTimestamp(t)) {
      return true;
    }
    return f.equals("jsonb") && t.equals("json");
  }

  /** Whether {@code name} is one of the character types {@code varchar}, {@code char}, {@code text}. */
  static boolean isCharacter(String name) {
    return VARIABLE_TEXT.contains(name) || name.equals("char");
  }

  /** Characters a character type holds; {@code char} without a length is {@code char(1)}. */
  private static long characterCapacity(SqlType type) {
    if (type.name().equals("text")) {
      return Long.MAX_VALUE;
    }
    if (type.length() == null) {
      return type.name().equals("char") ? 1 : Long.MAX_VALUE;
    }
    return type.length();
  }

  private static int scale(SqlType numeric) {
    return numeric.scale() == null ? 0 : numeric.scale();
  }

  private static int integerDigits(SqlType numeric) {
    return numeric.precision() - scale(numeric);
  }

  private static boolean isTimestamp(String name) {
    return name.equals("timestamp") || name.equals("timestamptz");
  }

  private static boolean isTime(String name) {
    return name.equals("time") || name.equals("timetz");
  }

  private static int fractionDigits(SqlType time) {
    return time.precision() == null ? 6 : time.precision();
  }
}
