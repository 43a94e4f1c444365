package dev.migrate.dialect.postgres;

import dev.migrate.model.SqlType;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Between {@link SqlType} and PostgreSQL's spelling of a type: the DDL text a type renders as, the
 * canonical type a catalog row ({@code pg_type.typname} plus {@code pg_attribute.atttypmod}) stands
 * for, and the type families that decide whether {@code ALTER COLUMN ... TYPE} needs a {@code
 * USING} clause.
 *
 * <p>Type modifiers follow PostgreSQL's source: for {@code varchar} and {@code bpchar} the typmod
 * is the length plus 4 ({@code VARHDRSZ}, varchar.c); for {@code numeric} it is {@code ((precision
 * << 16) | scale) + 4} (numeric.c, {@code make_numeric_typmod}); for the time types it is the
 * fractional-second precision itself (date.c, timestamp.c); for {@code bit} and {@code varbit} the
 * length itself (varbit.c); for {@code interval} the fields bit mask in the upper and the precision
 * in the lower 16 bits (timestamp.c, {@code intervaltypmodout}); {@code -1} means "no modifier"
 * everywhere.
 *
 * <p>{@link #parse} reads a type as a user writes it (a {@code columnDefinition}, a {@code
 * SqlType.of("int[]")}); model-processor's {@code TypeMapping.parseDefinition} duplicates part of
 * it and could call it instead.
 */
public final class PostgresTypes {

  /**
   * Size of a varlena header, added to every length/precision typmod (PostgreSQL's {@code
   * VARHDRSZ}).
   */
  private static final int VARHDRSZ = 4;

  /** pg_catalog type names ({@code typname}) that map to a canonical name without modifiers. */
  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry("int2", "smallint"),
          Map.entry("int4", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("float4", "real"),
          Map.entry("float8", "double precision"),
          Map.entry("bool", "boolean"),
          Map.entry("text", "text"),
          Map.entry("bytea", "bytea"),
          Map.entry("uuid", "uuid"),
          Map.entry("date", "date"),
          Map.entry("json", "json"),
          Map.entry("jsonb", "jsonb"),
          Map.entry("oid", "oid"));

  /**
   * Other spellings PostgreSQL accepts for the canonical names (docs, Table 8.1 "Data Types",
   * Aliases column), so that a hand-written {@code SqlType.of("int4")} is the same type as {@code
   * integer}.
   */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("int2", "smallint"),
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("float4", "real"),
          Map.entry("float8", "double precision"),
          Map.entry("float", "double precision"),
          Map.entry("bool", "boolean"),
          Map.entry("decimal", "numeric"),
          Map.entry("character varying", "varchar"),
          Map.entry("character", "char"),
          Map.entry("bpchar", "char"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("bit varying", "varbit"));

  /**
   * A type spelling after whitespace is collapsed and letters are lower-cased: the name (words,
   * possibly schema-qualified), an optional modifier list of one or two integers, an optional time
   * zone clause. The interval fields ({@code interval day to second(3)}) are part of the name, as
   * PostgreSQL's grammar puts the precision after them.
   */
  private static final Pattern SPELLING =
      Pattern.compile(
          "([a-z_][a-z0-9_$]*(?:[ .][a-z_][a-z0-9_$]*)*)"
              + "(?: ?\\( ?(-?\\d+) ?(?:, ?(-?\\d+) ?)?\\))?"
              + "(?: (with|without) time zone)?");

  /**
   * Array bounds after an element type, {@code [] [3] [][]}, or the SQL standard's {@code ARRAY
   * [n]}.
   */
  private static final Pattern ARRAY_SUFFIX =
      Pattern.compile("(?: ?\\[ ?\\d* ?\\])+$| array(?: ?\\[ ?\\d* ?\\])?$");

  /**
   * The {@code interval} field clauses by their bit mask (datetime.h: MONTH 1, YEAR 2, DAY 3, HOUR
   * 10, ...).
   */
  private static final Map<Integer, String> INTERVAL_FIELDS =
      Map.ofEntries(
          Map.entry(1 << 2, "year"),
          Map.entry(1 << 1, "month"),
          Map.entry(1 << 3, "day"),
          Map.entry(1 << 10, "hour"),
          Map.entry(1 << 11, "minute"),
          Map.entry(1 << 12, "second"),
          Map.entry(1 << 2 | 1 << 1, "year to month"),
          Map.entry(1 << 3 | 1 << 10, "day to hour"),
          Map.entry(1 << 3 | 1 << 10 | 1 << 11, "day to minute"),
          Map.entry(1 << 3 | 1 << 10 | 1 << 11 | 1 << 12, "day to second"),
          Map.entry(1 << 10 | 1 << 11, "hour to minute"),
          Map.entry(1 << 10 | 1 << 11 | 1 << 12, "hour to second"),
          Map.entry(1 << 11 | 1 << 12, "minute to second"));

  /**
   * {@code interval}'s typmod field mask meaning "all fields" (timestamp.h, {@code
   * INTERVAL_FULL_RANGE}).
   */
  private static final int INTERVAL_FULL_RANGE = 0x7fff;

  /**
   * {@code interval}'s typmod precision meaning "none given" (timestamp.h, {@code
   * INTERVAL_FULL_PRECISION}).
   */
  private static final int INTERVAL_FULL_PRECISION = 0xffff;

  private PostgresTypes() {}

  /**
   * The DDL spelling of {@code type}: {@code numeric(10,2)}, {@code varchar(255)}, {@code
   * timestamp(6) with time zone}, ...; names Migrate has no special knowledge of verbatim.
   */
  static String render(SqlType type) {
    String name = type.name();
    switch (name) {
      case "varchar":
      case "char":
        return type.length() == null ? name : name + "(" + type.length() + ")";
      case "numeric":
        if (type.precision() == null) {
          return "numeric";
        }
        return type.scale() == null
            ? "numeric(" + type.precision() + ")"
            : "numeric(" + type.precision() + "," + type.scale() + ")";
      case "time":
      case "timestamp":
        return name + precision(type);
      case "timetz":
        return "time" + precision(type) + " with time zone";
      case "timestamptz":
        return "timestamp" + precision(type) + " with time zone";
      case "bit":
      case "varbit":
        return type.length() == null ? name : name + "(" + type.length() + ")";
      default:
        return isInterval(name) ? name + precision(type) : name;
    }
  }

  /** {@code interval}, with or without fields ({@code interval day to second}). */
  private static boolean isInterval(String name) {
    return name.equals("interval") || name.startsWith("interval ");
  }

  private static String precision(SqlType type) {
    return type.precision() == null ? "" : "(" + type.precision() + ")";
  }

  /**
   * The canonical type of a column whose type is {@code typname} in {@code pg_catalog} with
   * modifier {@code typmod}, or {@code null} when Migrate has no special knowledge of it (the
   * caller then uses {@code format_type()}).
   */
  static SqlType fromCatalog(String typname, int typmod) {
    String plain = PLAIN.get(typname);
    if (plain != null) {
      return SqlType.of(plain);
    }
    switch (typname) {
      case "varchar":
        return new SqlType("varchar", typmod < 0 ? null : typmod - VARHDRSZ, null, null);
      case "bpchar":
        return new SqlType("char", typmod < 0 ? null : typmod - VARHDRSZ, null, null);
      case "numeric":
        if (typmod < 0) {
          return SqlType.of("numeric");
        }
        int modifiers = typmod - VARHDRSZ;
        // numeric.c: the scale is an 11-bit two's-complement field since PostgreSQL 15 (negative
        // scales are
        // allowed); earlier versions stored 0..1000 there, which the same decoding reads unchanged.
        int scale = ((modifiers & 0x7ff) ^ 1024) - 1024;
        return new SqlType("numeric", null, (modifiers >> 16) & 0xffff, scale);
      case "timestamp":
      case "timestamptz":
      case "time":
      case "timetz":
        return new SqlType(typname, null, typmod < 0 ? null : typmod, null);
      case "bit":
      case "varbit":
        return new SqlType(typname, typmod < 0 ? null : typmod, null, null);
      case "interval":
        return interval(typmod);
      default:
        return null;
    }
  }

  /**
   * The {@code interval} type of a typmod: fields (upper 16 bits) into the name, precision (lower
   * 16 bits).
   */
  private static SqlType interval(int typmod) {
    if (typmod < 0) {
      return SqlType.of("interval");
    }
    int range = (typmod >> 16) & INTERVAL_FULL_RANGE;
    int precision = typmod & 0xffff;
    String fields = range == INTERVAL_FULL_RANGE ? null : INTERVAL_FIELDS.get(range);
    if (range != INTERVAL_FULL_RANGE && fields == null) {
      return null; // a mask intervaltypmodout does not print; format_type's text then stands for it
    }
    return new SqlType(
        fields == null ? "interval" : "interval " + fields,
        null,
        precision == INTERVAL_FULL_PRECISION ? null : precision,
        null);
  }

  /**
   * The canonical type a spelling stands for, as PostgreSQL's grammar reads it (docs, 8 "Data
   * Types", and gram.y): aliases resolved ({@code int4}, {@code character varying(10)}, {@code
   * timestamp(3) with time zone}, {@code float(24)}, {@code decimal}, {@code bit varying(8)}),
   * implied modifiers filled in ({@code char} and {@code bit} are length 1, {@code numeric(p)} is
   * {@code numeric(p,0)}, the time types precision 6); an array ({@code int[]}, {@code
   * integer[][]}, {@code varchar(10) ARRAY}) is its canonical element's spelling with one {@code
   * []}, since PostgreSQL ignores declared dimensions (docs, 8.15.1). A spelling Migrate does not
   * know is returned verbatim, lower-cased.
   *
   * @param spelling a type as written in DDL, for example {@code "character varying(10)[]"}
   * @return the type, for example {@code SqlType.of("varchar(10)[]")}
   */
  public static SqlType parse(String spelling) {
    String text =
        spelling
            .strip()
            .replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT)
            .replace("( ", "(")
            .replace(" )", ")");
    Matcher array = ARRAY_SUFFIX.matcher(text);
    if (array.find() && array.start() > 0) {
      SqlType element = parse(text.substring(0, array.start()));
      return SqlType.of(render(element) + "[]");
    }
    Matcher m = SPELLING.matcher(text);
    if (!m.matches()) {
      return SqlType.of(text);
    }
    String name = m.group(1);
    Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    boolean withTimeZone = "with".equals(m.group(4));
    if (m.group(4) != null) {
      if (!name.equals("time") && !name.equals("timestamp")) {
        return SqlType.of(text);
      }
      name = withTimeZone ? name + "tz" : name;
    }
    if (name.equals("float")) {
      // docs, 8.1.3: float(1) to float(24) select real, float(25) to float(53) and plain float
      // double precision
      return SqlType.of(first != null && first <= 24 ? "real" : "double precision");
    }
    name = ALIASES.getOrDefault(name, name);
    if (second != null && !name.equals("numeric")) {
      return SqlType.of(text);
    }
    switch (name) {
      case "varchar":
      case "char":
      case "bit":
      case "varbit":
        return withImpliedModifiers(name, first, null, null);
      case "numeric":
        return withImpliedModifiers(name, null, first, second);
      case "time":
      case "timetz":
      case "timestamp":
      case "timestamptz":
        return new SqlType(name, null, first, null);
      default:
        if (isInterval(name)) {
          return new SqlType(name, null, first, null);
        }
        return first == null ? SqlType.of(name) : SqlType.of(text);
    }
  }

  /**
   * The canonical one-dimensional array of {@code element}: {@code integer[]}, {@code
   * varchar(255)[]}, {@code timestamp(6) with time zone[]}, as {@link #parse} reads {@code integer
   * array} and {@code int4[]}, and as the introspector's {@code format_type} text reads.
   */
  public static SqlType arrayOf(SqlType element) {
    return SqlType.of(render(canonical(element)) + "[]");
  }

  /**
   * {@code type} with its name in canonical spelling (aliases such as {@code int4}, {@code
   * character varying} or {@code timestamp with time zone} replaced, a name with its modifiers in
   * it such as {@code bit(8)} or {@code int[]} read by {@link #parse}) and PostgreSQL's implied
   * modifiers filled in: {@code char} and {@code bit} without a length are length 1 (docs, 8.3
   * Character Types and 8.10 Bit String Types), {@code numeric(p)} is {@code numeric(p,0)} (docs,
   * 8.1.2).
   */
  public static SqlType canonical(SqlType type) {
    if (type.length() == null && type.precision() == null && type.scale() == null) {
      SqlType parsed = parse(type.name());
      if (!parsed.equals(type)) {
        return parsed;
      }
    }
    return withImpliedModifiers(
        ALIASES.getOrDefault(type.name(), type.name()),
        type.length(),
        type.precision(),
        type.scale());
  }

  private static SqlType withImpliedModifiers(
      String name, Integer length, Integer precision, Integer scale) {
    if ((name.equals("char") || name.equals("bit")) && length == null) {
      length = 1;
    }
    if (name.equals("numeric") && precision != null && scale == null) {
      scale = 0;
    }
    return new SqlType(name, length, precision, scale);
  }

  /** The coarse groups of types that decide whether a type change needs {@code USING}. */
  enum Family {
    TEXT,
    NUMBER,
    BOOLEAN,
    OTHER
  }

  static Family family(SqlType type) {
    switch (canonical(type).name()) {
      case "varchar":
      case "char":
      case "text":
        return Family.TEXT;
      case "smallint":
      case "integer":
      case "bigint":
      case "real":
      case "double precision":
      case "numeric":
        return Family.NUMBER;
      case "boolean":
        return Family.BOOLEAN;
      default:
        return Family.OTHER;
    }
  }
}
