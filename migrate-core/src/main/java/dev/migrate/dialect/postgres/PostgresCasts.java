package dev.migrate.dialect.postgres;

import dev.migrate.model.SqlType;
import java.util.Set;

/**
 * Which column type changes PostgreSQL can carry out in place, {@code ALTER COLUMN c TYPE t [USING c::t]}; the
 * diff drops and re-adds a column whose type change is not among them.
 *
 * <p>The rule is PostgreSQL's own for finding a conversion ({@code find_coercion_pathway} in
 * {@code src/backend/parser/parse_coerce.c}, PostgreSQL 15), as the explicit cast of {@code USING c::t} applies it:
 * <ol>
 *   <li>a row of {@code pg_cast} from the old to the new type, in any context (implicit, assignment or explicit);
 *   <li>otherwise, between two array types, a conversion of the element types;
 *   <li>otherwise an automatic I/O conversion: to a string type ({@code text}, {@code varchar}, {@code char}) from
 *       any type, and from a string type to any type (CREATE CAST docs: "automatic I/O conversion casts from
 *       string types are treated as explicit casts, while I/O conversion casts to string types are treated as
 *       assignment casts"). The conversion from a string type can still fail at run time on a value that does not
 *       parse: the upgrade then stops with PostgreSQL's error and no data is lost.
 * </ol>
 * Numbers and {@code boolean} convert through {@code integer} ({@code int4 <-> bool}, explicit), as
 * {@code PostgresStatements} writes their {@code USING}. The {@code pg_cast} rows are those of PostgreSQL 15
 * between the types of {@link #KNOWN} ({@code SELECT castsource::regtype, casttarget::regtype, castcontext FROM
 * pg_cast}). An enum type has no {@code pg_cast} rows (CREATE TYPE ... AS ENUM adds none), so it converts only to
 * and from a string type. Any other type outside {@link #KNOWN} (a domain, an extension's type) is assumed
 * convertible: a wrong guess there makes the upgrade fail with PostgreSQL's error, never drop data.
 */
final class PostgresCasts {

  /** The types (canonical names, see {@link PostgresTypes#canonical}) whose {@code pg_cast} rows are listed here. */
  static final Set<String> KNOWN = Set.of(
      "smallint", "integer", "bigint", "real", "double precision", "numeric", "boolean", "varchar", "char", "text",
      "uuid", "date", "timestamp", "timestamptz", "time", "timetz", "interval", "json", "jsonb", "bytea", "inet",
      "cidr", "oid", "money", "macaddr", "macaddr8", "xml", "bit", "varbit");

  /** The string types (type category {@code S}), which convert to and from anything through I/O. */
  private static final Set<String> STRINGS = Set.of("varchar", "char", "text");

  /**
   * {@code source->target} rows of {@code pg_cast} between {@link #KNOWN} types that
   * {@link PostgresStatements#ASSIGNMENT_CASTS} does not list: explicit casts, and assignment or implicit casts
   * outside the numeric, date/time and json groups. Casts to and from string types are left out (I/O covers them).
   */
  private static final Set<String> OTHER_CASTS = Set.of(
      "integer->boolean", "boolean->integer",
      "smallint->oid", "integer->oid", "bigint->oid", "oid->integer", "oid->bigint",
      "integer->money", "bigint->money", "numeric->money", "money->numeric",
      "inet->cidr", "cidr->inet", "macaddr->macaddr8", "macaddr8->macaddr",
      "integer->bit", "bigint->bit", "bit->integer", "bit->bigint", "bit->varbit", "varbit->bit",
      "jsonb->smallint", "jsonb->integer", "jsonb->bigint", "jsonb->real", "jsonb->double precision",
      "jsonb->numeric", "jsonb->boolean");

  private PostgresCasts() {}

  /**
   * The canonical name of an element type spelt {@code name} with its array brackets removed, without modifiers
   * ({@code varchar(10)[]} is {@code varchar}); an interval with fields is {@code interval}.
   */
  private static String element(String name) {
    String element = PostgresTypes.canonical(SqlType.of(name.replace("[]", ""))).name();
    return element.startsWith("interval ") ? "interval" : element;
  }

  /**
   * Whether a column of type {@code from} can be altered to type {@code to} in place; see the class comment for
   * the rule. For example {@code varchar(20) -> integer}, {@code integer -> boolean}, {@code json -> jsonb} and
   * {@code integer[] -> bigint[]} can; {@code integer -> uuid}, {@code date -> time} and {@code uuid -> integer}
   * cannot.
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
    if (!sourceEnum && !KNOWN.contains(sourceElement) || !targetEnum && !KNOWN.contains(targetElement)) {
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
    if (PostgresStatements.ASSIGNMENT_CASTS.contains(pair) || OTHER_CASTS.contains(pair)) {
      return true;
    }
    PostgresTypes.Family a = PostgresTypes.family(SqlType.of(source));
    PostgresTypes.Family b = PostgresTypes.family(SqlType.of(target));
    return a == PostgresTypes.Family.NUMBER && b == PostgresTypes.Family.BOOLEAN
        || a == PostgresTypes.Family.BOOLEAN && b == PostgresTypes.Family.NUMBER;
  }
}
