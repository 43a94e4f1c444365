package dev.migrate.dialect.postgres;

import dev.migrate.model.SqlType;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which column type changes PostgreSQL can carry out in place, {@code ALTER COLUMN c TYPE t [USING
 * c::t]}; the diff drops and re-adds a column whose type change is not among them.
 *
 * <p>The rule is PostgreSQL's own for finding a conversion ({@code find_coercion_pathway} in {@code
 * src/backend/parser/parse_coerce.c}, PostgreSQL 15), as the explicit cast of {@code USING c::t}
 * applies it:
 *
 * <ol>
 *   <li>a row of {@code pg_cast} from the old to the new type, in any context (implicit, assignment
 *       or explicit);
 *   <li>otherwise, between two array types, a conversion of the element types;
 *   <li>otherwise an automatic I/O conversion: to a string type ({@code text}, {@code varchar},
 *       {@code char}) from any type, and from a string type to any type (CREATE CAST docs:
 *       "automatic I/O conversion casts from string types are treated as explicit casts, while I/O
 *       conversion casts to string types are treated as assignment casts"). The conversion from a
 *       string type can still fail at run time on a value that does not parse: the upgrade then
 *       stops with PostgreSQL's error and no data is lost.
 * </ol>
 *
 * Numbers and {@code boolean} convert through {@code integer} ({@code int4 <-> bool}, explicit), as
 * {@code PostgresStatements} writes their {@code USING}. The {@code pg_cast} rows are those of
 * PostgreSQL 15 between the types of {@link #KNOWN} ({@code SELECT castsource::regtype,
 * casttarget::regtype, castcontext FROM pg_cast}). An enum type has no {@code pg_cast} rows (CREATE
 * TYPE ... AS ENUM adds none), so it converts only to and from a string type. Any other type
 * outside {@link #KNOWN} (a domain, an extension's type) is assumed convertible: a wrong guess
 * there makes the upgrade fail with PostgreSQL's error, never drop data.
 *
 * <p>Every cast fact of the dialect lives here: which changes convert in place ({@link
 * #convertsInPlace}), which need a {@code USING} cast ({@link #using}), and which keep every value
 * ({@link #isWidening}, asked by the code generator through {@link
 * dev.migrate.dialect.Dialect#keepsEveryValue}).
 */
final class PostgresCasts {

  /**
   * The types (canonical names, see {@link PostgresTypes#canonical}) whose {@code pg_cast} rows are
   * listed here.
   */
  static final Set<String> KNOWN =
      Set.of(
          "smallint",
          "integer",
          "bigint",
          "real",
          "double precision",
          "numeric",
          "boolean",
          "varchar",
          "char",
          "text",
          "uuid",
          "date",
          "timestamp",
          "timestamptz",
          "time",
          "timetz",
          "interval",
          "json",
          "jsonb",
          "bytea",
          "inet",
          "cidr",
          "oid",
          "money",
          "macaddr",
          "macaddr8",
          "xml",
          "bit",
          "varbit");

  /** The string types (type category {@code S}), which convert to and from anything through I/O. */
  private static final Set<String> STRINGS = Set.of("varchar", "char", "text");

  /**
   * {@code source->target} pairs (canonical names) with an implicit or assignment cast in {@code
   * pg_cast} (PostgreSQL 15: {@code SELECT castsource::regtype, casttarget::regtype FROM pg_cast
   * WHERE castcontext IN ('a', 'i')}, restricted to the types below).
   */
  static final Set<String> ASSIGNMENT_CASTS =
      Set.of(
          "smallint->integer",
          "smallint->bigint",
          "smallint->real",
          "smallint->double precision",
          "smallint->numeric",
          "integer->smallint",
          "integer->bigint",
          "integer->real",
          "integer->double precision",
          "integer->numeric",
          "bigint->smallint",
          "bigint->integer",
          "bigint->real",
          "bigint->double precision",
          "bigint->numeric",
          "real->smallint",
          "real->integer",
          "real->bigint",
          "real->double precision",
          "real->numeric",
          "double precision->smallint",
          "double precision->integer",
          "double precision->bigint",
          "double precision->real",
          "double precision->numeric",
          "numeric->smallint",
          "numeric->integer",
          "numeric->bigint",
          "numeric->real",
          "numeric->double precision",
          "date->timestamp",
          "date->timestamptz",
          "timestamp->date",
          "timestamp->time",
          "timestamp->timestamptz",
          "timestamptz->date",
          "timestamptz->time",
          "timestamptz->timestamp",
          "timestamptz->timetz",
          "time->interval",
          "time->timetz",
          "timetz->time",
          "interval->time",
          "json->jsonb",
          "jsonb->json");

  /**
   * {@code source->target} rows of {@code pg_cast} between {@link #KNOWN} types that {@link
   * #ASSIGNMENT_CASTS} does not list: explicit casts, and assignment or implicit casts outside the
   * numeric, date/time and json groups. Casts to and from string types are left out (I/O covers
   * them).
   */
  private static final Set<String> OTHER_CASTS =
      Set.of(
          "integer->boolean",
          "boolean->integer",
          "smallint->oid",
          "integer->oid",
          "bigint->oid",
          "oid->integer",
          "oid->bigint",
          "integer->money",
          "bigint->money",
          "numeric->money",
          "money->numeric",
          "inet->cidr",
          "cidr->inet",
          "macaddr->macaddr8",
          "macaddr8->macaddr",
          "integer->bit",
          "bigint->bit",
          "bit->integer",
          "bit->bigint",
          "bit->varbit",
          "varbit->bit",
          "jsonb->smallint",
          "jsonb->integer",
          "jsonb->bigint",
          "jsonb->real",
          "jsonb->double precision",
          "jsonb->numeric",
          "jsonb->boolean");

  /**
   * Significant bits of the integer types, to compare them with each other and with the float
   * types.
   */
  private static final Map<String, Integer> INTEGER_BITS =
      Map.of("smallint", 16, "integer", 32, "bigint", 64);

  /** Decimal digits an integer type may need, to compare it with {@code numeric(p, s)}. */
  private static final Map<String, Integer> INTEGER_DIGITS =
      Map.of("smallint", 5, "integer", 10, "bigint", 19);

  /** Mantissa bits of the float types: an integer of at most this many bits converts exactly. */
  private static final Map<String, Integer> FLOAT_MANTISSA_BITS =
      Map.of("real", 24, "double precision", 53);

  private PostgresCasts() {}

  /**
   * The canonical name of an element type spelt {@code name} with its array brackets removed,
   * without modifiers ({@code varchar(10)[]} is {@code varchar}); an interval with fields is {@code
   * interval}.
   */
  private static String element(String name) {
    String element = PostgresTypes.canonical(SqlType.of(name.replace("[]", ""))).name();
    return element.startsWith("interval ") ? "interval" : element;
  }

  /**
   * Whether a column of type {@code from} can be altered to type {@code to} in place; see the class
   * comment for the rule. For example {@code varchar(20) -> integer}, {@code integer -> boolean},
   * {@code json -> jsonb} and {@code integer[] -> bigint[]} can; {@code integer -> uuid}, {@code
   * date -> time} and {@code uuid -> integer} cannot.
   */
  static boolean convertsInPlace(SqlType from, SqlType to, Set<String> enumTypes) {
    String source = PostgresTypes.canonical(from).name();
    String target = PostgresTypes.canonical(to).name();
    while (source.endsWith("[]") && target.endsWith("[]")) {
      source = source.substring(0, source.length() - 2);
      target = target.substring(0, target.length() - 2);
    }
    boolean sourceEnum = enumTypes.contains(source.replace("[]", ""));
    boolean targetEnum = enumTypes.contains(target.replace("[]", ""));
    String sourceElement = sourceEnum ? source.replace("[]", "") : element(source);
    String targetElement = targetEnum ? target.replace("[]", "") : element(target);
    if (!sourceEnum && !KNOWN.contains(sourceElement)
        || !targetEnum && !KNOWN.contains(targetElement)) {
      return true;
    }
    source = sourceElement + (source.endsWith("[]") ? "[]" : "");
    target = targetElement + (target.endsWith("[]") ? "[]" : "");
    if (source.equals(target) || STRINGS.contains(source) || STRINGS.contains(target)) {
      return true;
    }
    if (source.endsWith("[]") || target.endsWith("[]") || sourceEnum || targetEnum) {
      return false;
    }
    String pair = source + "->" + target;
    if (ASSIGNMENT_CASTS.contains(pair) || OTHER_CASTS.contains(pair)) {
      return true;
    }
    PostgresTypes.Family a = PostgresTypes.family(SqlType.of(source));
    PostgresTypes.Family b = PostgresTypes.family(SqlType.of(target));
    return a == PostgresTypes.Family.NUMBER && b == PostgresTypes.Family.BOOLEAN
        || a == PostgresTypes.Family.BOOLEAN && b == PostgresTypes.Family.NUMBER;
  }

  /**
   * The {@code USING} clause a type change needs: none where PostgreSQL converts by itself ({@code
   * ALTER TABLE} docs: "the default conversion is the same as an assignment cast"), an explicit
   * cast everywhere else. Assignment (or implicit) casts are those of {@code pg_cast} with {@code
   * castcontext} {@code 'a'} or {@code 'i'} between the types Migrate knows ({@link
   * #ASSIGNMENT_CASTS}, read from PostgreSQL 15), plus PostgreSQL's automatic I/O conversion to a
   * string type (any type to {@code text}, {@code varchar}, {@code char}); the I/O conversion from
   * a string type is explicit only, hence {@code varchar -> integer} needs {@code USING
   * x::integer}. Integers and booleans cast to each other only through {@code integer} ({@code int4
   * <-> bool}, explicit).
   */
  static String using(String column, SqlType from, SqlType to) {
    String source = PostgresTypes.canonical(from).name();
    String target = PostgresTypes.canonical(to).name();
    String name = PostgresDialect.quoteIdentifier(column);
    String type = PostgresTypes.render(to);
    if (source.equals(target)
        || PostgresTypes.family(to) == PostgresTypes.Family.TEXT
        || ASSIGNMENT_CASTS.contains(source + "->" + target)) {
      return "";
    }
    boolean numberBoolean =
        PostgresTypes.family(from) == PostgresTypes.Family.NUMBER
                && PostgresTypes.family(to) == PostgresTypes.Family.BOOLEAN
            || PostgresTypes.family(from) == PostgresTypes.Family.BOOLEAN
                && PostgresTypes.family(to) == PostgresTypes.Family.NUMBER;
    if (numberBoolean && !source.equals("integer") && !target.equals("integer")) {
      return " USING " + name + "::integer::" + type;
    }
    return " USING " + name + "::" + type;
  }

  /**
   * Whether changing a column from {@code from} to {@code to} keeps every value (a widening) rather
   * than losing or rejecting some (a narrowing); {@code true} when the types are equal.
   * Deliberately conservative: a change is a widening only when every value of the old type
   * converts to the new type without loss and without error (PostgreSQL docs, 8.1 Numeric Types,
   * 8.3 Character Types, 8.5 Date/Time Types). Everything else, including any change between
   * unrelated types such as {@code integer} to {@code text}, counts as narrowing.
   *
   * <p>Widenings: a longer or unbounded {@code varchar}, {@code text} from any character type, a
   * longer {@code char}; a larger integer type, {@code numeric} with at least as many integer and
   * fraction digits, an integer type into a float type whose mantissa holds it, {@code real} to
   * {@code double precision}; more fractional-second digits, {@code timestamp} to {@code
   * timestamptz}, {@code time} to {@code timetz}, {@code date} to either timestamp; {@code jsonb}
   * to {@code json}.
   */
  static boolean isWidening(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return true;
    }
    String f = from.name();
    String t = to.name();
    if (STRINGS.contains(f) && STRINGS.contains(t)) {
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
      // timestamptz to timestamp depends on the session time zone and loses the instant around DST
      // changes
      return !(f.equals("timestamptz") && t.equals("timestamp"))
          && fractionDigits(to) >= fractionDigits(from);
    }
    if (isTime(f) && isTime(t)) {
      return !(f.equals("timetz") && t.equals("time"))
          && fractionDigits(to) >= fractionDigits(from);
    }
    if (f.equals("date") && isTimestamp(t)) {
      return true;
    }
    return f.equals("jsonb") && t.equals("json");
  }

  /**
   * Whether {@code ALTER COLUMN c TYPE to} on a column of type {@code from} rewrites the table.
   * PostgreSQL docs, ALTER TABLE: "changing the type of an existing column will require the entire
   * table and its indexes to be rewritten. As an exception, ... if the USING clause does not change
   * the column contents and the old type is either binary coercible to the new type or an
   * unconstrained domain over the new type, a table rewrite is not needed"; since PostgreSQL 9.2
   * (release notes, E.2.3.4) a longer or removed length limit of {@code varchar} and {@code
   * varbit}, more precision of {@code numeric} at the same scale or an unconstrained {@code
   * numeric}, and more fractional-second digits of {@code timestamp}, {@code timestamptz}, {@code
   * time} and {@code interval} do not rewrite either. Binary coercible here: {@code varchar} and
   * {@code text} to each other (an unbounded target). Everything else counts as a rewrite,
   * including {@code timestamp} to {@code timestamptz} (a rewrite unless the session time zone is
   * UTC) and a shorter length, whose length check reads every row.
   */
  static boolean rewritesTable(SqlType from, SqlType to) {
    SqlType f = PostgresTypes.canonical(from);
    SqlType t = PostgresTypes.canonical(to);
    if (f.equals(t)) {
      return false;
    }
    String a = f.name();
    String b = t.name();
    boolean unboundedTarget = t.length() == null;
    if ((a.equals("varchar") || a.equals("text")) && (b.equals("varchar") || b.equals("text"))) {
      return !(unboundedTarget || f.length() != null && t.length() >= f.length());
    }
    if (!a.equals(b)) {
      return true;
    }
    return switch (a) {
      case "varbit" -> !(unboundedTarget || f.length() != null && t.length() >= f.length());
      case "numeric" ->
          !(t.precision() == null
              || f.precision() != null
                  && t.precision() >= f.precision()
                  && Objects.equals(t.scale(), f.scale()));
      case "timestamp", "timestamptz", "time", "timetz", "interval" ->
          fractionDigits(t) < fractionDigits(f);
      default -> true;
    };
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
