package dev.migrate.dialect.postgres;

import dev.migrate.model.SqlType;
import java.util.Map;

/**
 * Between {@link SqlType} and PostgreSQL's spelling of a type: the DDL text a type renders as, the canonical type
 * a catalog row ({@code pg_type.typname} plus {@code pg_attribute.atttypmod}) stands for, and the type families
 * that decide whether {@code ALTER COLUMN ... TYPE} needs a {@code USING} clause.
 *
 * <p>Type modifiers follow PostgreSQL's source: for {@code varchar} and {@code bpchar} the typmod is the length
 * plus 4 ({@code VARHDRSZ}, varchar.c); for {@code numeric} it is {@code ((precision << 16) | scale) + 4}
 * (numeric.c, {@code make_numeric_typmod}); for the time types it is the fractional-second precision itself
 * (date.c, timestamp.c); {@code -1} means "no modifier" everywhere.
 */
final class PostgresTypes {

  /** Size of a varlena header, added to every length/precision typmod (PostgreSQL's {@code VARHDRSZ}). */
  private static final int VARHDRSZ = 4;

  /** pg_catalog type names ({@code typname}) that map to a canonical name without modifiers. */
  private static final Map<String, String> PLAIN = Map.ofEntries(
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
      Map.entry("interval", "interval"),
      Map.entry("json", "json"),
      Map.entry("jsonb", "jsonb"),
      Map.entry("oid", "oid"));

  /**
   * Other spellings PostgreSQL accepts for the canonical names (docs, Table 8.1 "Data Types", Aliases column), so
   * that a hand-written {@code SqlType.of("int4")} is the same type as {@code integer}.
   */
  private static final Map<String, String> ALIASES = Map.ofEntries(
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
      Map.entry("time with time zone", "timetz"));

  private PostgresTypes() {}

  /**
   * The DDL spelling of {@code type}: {@code numeric(10,2)}, {@code varchar(255)}, {@code timestamp(6) with time
   * zone}, ...; names Migrate has no special knowledge of verbatim.
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
      default:
        return name;
    }
  }

  private static String precision(SqlType type) {
    return type.precision() == null ? "" : "(" + type.precision() + ")";
  }

  /**
   * The canonical type of a column whose type is {@code typname} in {@code pg_catalog} with modifier
   * {@code typmod}, or {@code null} when Migrate has no special knowledge of it (the caller then uses
   * {@code format_type()}).
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
        // numeric.c: the scale is an 11-bit two's-complement field since PostgreSQL 15 (negative scales are
        // allowed); earlier versions stored 0..1000 there, which the same decoding reads unchanged.
        int scale = ((modifiers & 0x7ff) ^ 1024) - 1024;
        return new SqlType("numeric", null, (modifiers >> 16) & 0xffff, scale);
      case "timestamp":
      case "timestamptz":
      case "time":
      case "timetz":
        return new SqlType(typname, null, typmod < 0 ? null : typmod, null);
      default:
        return null;
    }
  }

  /**
   * {@code type} with its name in canonical spelling (aliases such as {@code int4}, {@code character varying} or
   * {@code timestamp with time zone} replaced) and PostgreSQL's implied modifiers filled in: {@code char} without a
   * length is {@code char(1)} (docs, 8.3 Character Types).
   */
  static SqlType canonical(SqlType type) {
    String name = ALIASES.getOrDefault(type.name(), type.name());
    Integer length = type.length();
    if (name.equals("char") && length == null) {
      length = 1;
    }
    return new SqlType(name, length, type.precision(), type.scale());
  }

  /** The coarse groups of types that decide whether a type change needs {@code USING}. */
  enum Family {
    TEXT, NUMBER, BOOLEAN, OTHER
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
