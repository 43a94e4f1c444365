package dev.migrate.roundtrip;

import dev.migrate.model.SqlType;
import java.util.List;

/**
 * The PostgreSQL column types the round-trip tests use, each with server defaults and check
 * expressions that are valid for it, and the rule for which type changes make sense (PostgreSQL has
 * a cast between them, possibly only with {@code USING}).
 */
final class TypeCatalog {

  /**
   * Groups of types between which a cast exists; a type change is generated only within or across
   * these lines.
   */
  enum Family {
    INT,
    DECIMAL,
    BOOL,
    TEXT,
    DATE,
    TIME,
    UUID,
    JSON,
    BYTEA,
    INTERVAL,
    INET,
    OID,
    TEXT_ARRAY,
    NUMBER_ARRAY,
    BIT,
    /**
     * A PostgreSQL enum type of the draft ({@link TypeCatalog#enumType}); one family per type name.
     */
    ENUM;

    boolean numeric() {
      return this == INT || this == DECIMAL;
    }
  }

  /**
   * One column type.
   *
   * @param type the type as a model states it (mostly in canonical spelling, as the introspector
   *     reports it; a few in other spellings PostgreSQL accepts, {@code int[]}, {@code
   *     varchar(10)[]}, which read back as another spelling of the same type)
   * @param family its cast family
   * @param keyable whether it has a btree operator class (it can be in a primary key, unique
   *     constraint or index)
   * @param defaults server defaults valid for it, as SQL
   */
  record TypeDef(SqlType type, Family family, boolean keyable, List<String> defaults) {
    @Override
    public String toString() {
      return type.toString();
    }
  }

  /** Ordered simplest first: jqwik shrinks a choice towards index 0. */
  static final List<TypeDef> TYPES =
      List.of(
          def(SqlType.integer(), Family.INT, "0", "-1", "42"),
          def(SqlType.bigint(), Family.INT, "0", "9000000000"),
          def(SqlType.smallint(), Family.INT, "0", "7"),
          def(SqlType.varchar(20), Family.TEXT, "'a'", "''", "'it''s'"),
          def(SqlType.varchar(255), Family.TEXT, "'b'", "'x y'"),
          def(SqlType.of("varchar"), Family.TEXT, "'c'"),
          def(SqlType.character(5), Family.TEXT, "'ab'"),
          def(SqlType.text(), Family.TEXT, "'t'", "''"),
          def(SqlType.numeric(10, 2), Family.DECIMAL, "0", "1.5"),
          def(SqlType.numeric(20, 4), Family.DECIMAL, "-2.25"),
          def(SqlType.of("numeric"), Family.DECIMAL, "3"),
          def(SqlType.real(), Family.DECIMAL, "0.5"),
          def(SqlType.doublePrecision(), Family.DECIMAL, "-2.5", "0"),
          def(SqlType.bool(), Family.BOOL, "true", "false"),
          def(
              SqlType.uuid(),
              Family.UUID,
              "gen_random_uuid()",
              "'00000000-0000-0000-0000-000000000000'"),
          def(SqlType.date(), Family.DATE, "CURRENT_DATE", "'2020-01-01'"),
          def(
              SqlType.timestamp(6),
              Family.DATE,
              "CURRENT_TIMESTAMP",
              "LOCALTIMESTAMP",
              "'2020-01-01 10:00:00'"),
          def(SqlType.timestamp(0), Family.DATE, "'2021-06-01 00:00:00'"),
          def(SqlType.timestamptz(6), Family.DATE, "now()", "CURRENT_TIMESTAMP"),
          def(SqlType.timestamptz(3), Family.DATE, "now()"),
          def(SqlType.time(6), Family.TIME, "'12:00:00'"),
          def(new SqlType("timetz", null, 6, null), Family.TIME, "'12:00:00+00'"),
          def(SqlType.of("interval"), Family.INTERVAL, "'1 day'"),
          def(new SqlType("interval", null, 3, null), Family.INTERVAL, "'1 day'"),
          def(SqlType.of("interval day to second(2)"), Family.INTERVAL, "'01:00:00'"),
          new TypeDef(SqlType.of("json"), Family.JSON, false, List.of("'{}'")),
          def(SqlType.jsonb(), Family.JSON, "'{}'", "'[]'::jsonb"),
          def(SqlType.bytea(), Family.BYTEA, "'\\x00'"),
          def(SqlType.of("inet"), Family.INET, "'127.0.0.1'"),
          def(SqlType.of("oid"), Family.OID, "0"),
          def(SqlType.of("text[]"), Family.TEXT_ARRAY, "'{}'", "ARRAY['a', 'b']"),
          def(SqlType.of("integer[]"), Family.NUMBER_ARRAY, "'{}'"),
          def(SqlType.of("bigint[]"), Family.NUMBER_ARRAY, "'{}'"),
          def(SqlType.of("int[]"), Family.NUMBER_ARRAY, "'{1}'"),
          // not keyable here: PostgreSQL 15 cannot validate a foreign key between varchar(n)[]
          // columns (ALTER TABLE ...
          // ADD FOREIGN KEY fails in its check query: "cannot determine element type of "anyarray"
          // argument")
          new TypeDef(SqlType.of("varchar(10)[]"), Family.TEXT_ARRAY, false, List.of("'{}'")),
          def(new SqlType("bit", 8, null, null), Family.BIT, "B'00000000'"),
          def(SqlType.of("bit varying(8)"), Family.BIT, "B'1'"));

  private TypeCatalog() {}

  private static TypeDef def(SqlType type, Family family, String... defaults) {
    return new TypeDef(type, family, true, List.of(defaults));
  }

  /**
   * The first label of every generated enum type, never removed: the default of a column of an enum
   * type. (A label added in a transaction cannot be used in it, PostgreSQL docs, ALTER TYPE; a
   * default that always names this label never uses one.)
   */
  static final String FIRST_LABEL = "a";

  /** A column type that is the draft's enum type {@code name}, with the default {@code 'a'}. */
  static TypeDef enumType(String name) {
    return new TypeDef(SqlType.of(name), Family.ENUM, true, List.of("'" + FIRST_LABEL + "'"));
  }

  static TypeDef pick(int choice) {
    return TYPES.get(Math.floorMod(choice, TYPES.size()));
  }

  /** The catalogue entry of {@code type}. */
  static TypeDef of(SqlType type) {
    return TYPES.stream()
        .filter(t -> t.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + type));
  }

  /**
   * Whether {@code ALTER COLUMN ... TYPE to} is a sensible change from {@code from} on a table
   * (empty or with values that convert): same family, anything to or from a string type
   * (PostgreSQL's I/O conversion casts), numbers among themselves and to and from boolean,
   * date/timestamp among themselves, time with and without zone; an enum type only to and from a
   * string type (there is no cast between two enum types).
   */
  static boolean convertible(TypeDef from, TypeDef to) {
    Family a = from.family();
    Family b = to.family();
    if (a == Family.ENUM || b == Family.ENUM) {
      return from.equals(to) || a == Family.TEXT || b == Family.TEXT;
    }
    return a == b
        || a == Family.TEXT
        || b == Family.TEXT
        || a.numeric() && b.numeric()
        || a.numeric() && b == Family.BOOL
        || a == Family.BOOL && b.numeric();
  }

  /**
   * A check expression template for a column of {@code family}; {@code %1$s} is the quoted column
   * name.
   */
  record CheckTemplate(Family family, String pattern) {
    String render(String quotedColumn) {
      return String.format(pattern, quotedColumn);
    }

    boolean fits(Family columnFamily) {
      return family == null
          || family == columnFamily
          || family == Family.DECIMAL && columnFamily.numeric();
    }

    /**
     * Whether the template fits a column of {@code type}; see {@link
     * Shapes#TIMESTAMP_CHECK_LITERALS}.
     */
    boolean fits(TypeDef type) {
      if (!fits(type.family())) {
        return false;
      }
      String name = type.type().name();
      return family != Family.DATE
          || name.equals("date")
          || Shapes.TIMESTAMP_CHECK_LITERALS
              && (name.equals("timestamp") || name.equals("timestamptz"));
    }
  }

  static final List<CheckTemplate> CHECKS =
      List.of(
          new CheckTemplate(null, "%1$s IS NOT NULL"),
          new CheckTemplate(Family.DECIMAL, "%1$s > 0"),
          new CheckTemplate(Family.DECIMAL, "%1$s BETWEEN 0 AND 100"),
          new CheckTemplate(Family.INT, "%1$s IN (1, 2, 3)"),
          new CheckTemplate(Family.INT, "%1$s %% 2 = 0"),
          new CheckTemplate(Family.TEXT, "length(%1$s) > 0"),
          new CheckTemplate(Family.TEXT, "%1$s IN ('a', 'b')"),
          new CheckTemplate(Family.TEXT, "%1$s LIKE 'a%%'"),
          new CheckTemplate(Family.TEXT, "%1$s <> ''"),
          new CheckTemplate(Family.BOOL, "%1$s IS NOT FALSE"),
          new CheckTemplate(Family.DATE, "%1$s > '2000-01-01'"));

  /** Index expression templates: an expression key over one column of the family. */
  static final List<CheckTemplate> INDEX_EXPRESSIONS =
      List.of(
          new CheckTemplate(Family.TEXT, "lower(%1$s)"),
          new CheckTemplate(Family.INT, "%1$s + 1"),
          new CheckTemplate(Family.TEXT, "upper(%1$s)"));
}
