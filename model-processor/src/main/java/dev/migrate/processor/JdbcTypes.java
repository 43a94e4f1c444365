package dev.migrate.processor;

import dev.migrate.model.SqlType;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The column types that Hibernate's JDBC type codes ({@code @JdbcTypeCode(SqlTypes.X)}), its {@code
 * JdbcType} classes ({@code @JdbcType(VarcharJdbcType.class)}) and the {@code JavaType} classes an
 * application names ({@code @JavaType(MoneyJavaType.class)}) give on PostgreSQL.
 *
 * <p>Sources: each class's {@code getDdlTypeCode()} (read from the classes of hibernate-core 6.6.33
 * and 7.2.19, which agree), {@code PostgreSQLDialect.columnType} for the DDL type of each code, and
 * the Java types' {@code getDefaultSqlLength/Precision}; every mapping here is checked against
 * Hibernate's own metadata on both versions ({@code OracleRegressionTest} in {@code it}: {@code
 * jdbcTypeClasses...}). A combination not listed is {@code null}, which the caller reports as a
 * mapping Migrate does not model, never guesses.
 */
final class JdbcTypes {

  // java.sql.Types, and org.hibernate.type.SqlTypes's own codes (3000 and above)
  static final int BIT = Types.BIT;
  static final int TINYINT = Types.TINYINT;
  static final int SMALLINT = Types.SMALLINT;
  static final int INTEGER = Types.INTEGER;
  static final int BIGINT = Types.BIGINT;
  static final int FLOAT = Types.FLOAT;
  static final int REAL = Types.REAL;
  static final int DOUBLE = Types.DOUBLE;
  static final int NUMERIC = Types.NUMERIC;
  static final int DECIMAL = Types.DECIMAL;
  static final int CHAR = Types.CHAR;
  static final int VARCHAR = Types.VARCHAR;
  static final int LONGVARCHAR = Types.LONGVARCHAR;
  static final int LONG32VARCHAR = 4001;
  static final int DATE = Types.DATE;
  static final int TIME = Types.TIME;
  static final int TIMESTAMP = Types.TIMESTAMP;
  static final int BINARY = Types.BINARY;
  static final int VARBINARY = Types.VARBINARY;
  static final int LONGVARBINARY = Types.LONGVARBINARY;
  static final int LONG32VARBINARY = 4003;
  static final int BLOB = Types.BLOB;
  static final int CLOB = Types.CLOB;
  static final int BOOLEAN = Types.BOOLEAN;
  static final int NCHAR = Types.NCHAR;
  static final int NVARCHAR = Types.NVARCHAR;
  static final int LONGNVARCHAR = Types.LONGNVARCHAR;
  static final int LONG32NVARCHAR = 4002;
  static final int NCLOB = Types.NCLOB;
  static final int SQLXML = Types.SQLXML;
  static final int TIME_WITH_TIMEZONE = Types.TIME_WITH_TIMEZONE;
  static final int TIMESTAMP_WITH_TIMEZONE = Types.TIMESTAMP_WITH_TIMEZONE;
  static final int UUID = 3000;
  static final int JSON = 3001;
  static final int INET = 3002;
  static final int TIMESTAMP_UTC = 3003;
  static final int MATERIALIZED_BLOB = 3004;
  static final int MATERIALIZED_CLOB = 3005;
  static final int MATERIALIZED_NCLOB = 3006;
  static final int TIME_UTC = 3007;
  static final int INTERVAL_SECOND = 3100;
  static final int NAMED_ENUM = 6001;
  static final int NAMED_ORDINAL_ENUM = 6003;

  /** Hibernate's {@code Length.LONG}: the default length of {@code LONGVARCHAR} columns. */
  static final int LONG_LENGTH = 32_600;

  /** The codes {@link #columnType} knows; any other code leaves the column to the Java type. */
  private static final Set<Integer> KNOWN_CODES =
      Set.of(
          BIT,
          TINYINT,
          SMALLINT,
          INTEGER,
          BIGINT,
          FLOAT,
          REAL,
          DOUBLE,
          NUMERIC,
          DECIMAL,
          CHAR,
          VARCHAR,
          LONGVARCHAR,
          LONG32VARCHAR,
          DATE,
          TIME,
          TIMESTAMP,
          BINARY,
          VARBINARY,
          LONGVARBINARY,
          LONG32VARBINARY,
          BLOB,
          CLOB,
          BOOLEAN,
          NCHAR,
          NVARCHAR,
          LONGNVARCHAR,
          LONG32NVARCHAR,
          NCLOB,
          SQLXML,
          TIME_WITH_TIMEZONE,
          TIMESTAMP_WITH_TIMEZONE,
          UUID,
          JSON,
          INET,
          TIMESTAMP_UTC,
          MATERIALIZED_BLOB,
          MATERIALIZED_CLOB,
          MATERIALIZED_NCLOB,
          TIME_UTC,
          INTERVAL_SECOND,
          NAMED_ENUM,
          NAMED_ORDINAL_ENUM);

  private static final String JDBC = "org.hibernate.type.descriptor.jdbc.";

  /**
   * Hibernate's {@code JdbcType} classes with a public no-argument constructor (which
   * {@code @JdbcType} needs) that are meaningful on PostgreSQL, by qualified name, with their
   * {@code getDdlTypeCode()}. The PostgreSQL classes live in {@code org.hibernate.dialect} in 6.6
   * and in {@code org.hibernate.dialect.type} from 7.0 on; {@code VarcharUUIDJdbcType} and {@code
   * UuidAsBinaryJdbcType} are new in 7.
   */
  private static final Map<String, Integer> JDBC_TYPE_CLASSES = jdbcTypeClasses();

  private static Map<String, Integer> jdbcTypeClasses() {
    Map<String, Integer> m = new java.util.HashMap<>();
    Object[] jdbc = {
      "BigIntJdbcType", BIGINT,
      "BinaryJdbcType", BINARY,
      "BooleanJdbcType", BOOLEAN,
      "CharJdbcType", CHAR,
      "DateJdbcType", DATE,
      "DecimalJdbcType", DECIMAL,
      "DoubleJdbcType", FLOAT,
      "DurationJdbcType", NUMERIC,
      "FloatJdbcType", FLOAT,
      "InstantAsTimestampJdbcType", TIMESTAMP_UTC,
      "InstantAsTimestampWithTimeZoneJdbcType", TIMESTAMP_UTC,
      "InstantJdbcType", TIMESTAMP,
      "IntegerJdbcType", INTEGER,
      "LocalDateJdbcType", DATE,
      "LocalDateTimeJdbcType", TIMESTAMP,
      "LocalTimeJdbcType", TIME,
      "LongNVarcharJdbcType", LONGNVARCHAR,
      "LongVarbinaryJdbcType", LONGVARBINARY,
      "LongVarcharJdbcType", LONGVARCHAR,
      "NCharJdbcType", NCHAR,
      "NVarcharJdbcType", NVARCHAR,
      "NumericJdbcType", NUMERIC,
      "OffsetDateTimeJdbcType", TIMESTAMP_WITH_TIMEZONE,
      "OffsetTimeJdbcType", TIME_WITH_TIMEZONE,
      "RealJdbcType", REAL,
      "SmallIntJdbcType", SMALLINT,
      "TimeAsTimestampWithTimeZoneJdbcType", TIME_WITH_TIMEZONE,
      "TimeJdbcType", TIME,
      "TimeUtcAsJdbcTimeJdbcType", TIME_UTC,
      "TimeUtcAsOffsetTimeJdbcType", TIME_UTC,
      "TimeWithTimeZoneJdbcType", TIME_WITH_TIMEZONE,
      "TimestampJdbcType", TIMESTAMP,
      "TimestampUtcAsInstantJdbcType", TIMESTAMP_UTC,
      "TimestampUtcAsJdbcTimestampJdbcType", TIMESTAMP_UTC,
      "TimestampUtcAsOffsetDateTimeJdbcType", TIMESTAMP_UTC,
      "TimestampWithTimeZoneJdbcType", TIMESTAMP_WITH_TIMEZONE,
      "TinyIntAsSmallIntJdbcType", SMALLINT,
      "TinyIntJdbcType", TINYINT,
      "UUIDJdbcType", UUID,
      "UuidAsBinaryJdbcType", BINARY,
      "VarbinaryJdbcType", VARBINARY,
      "VarcharJdbcType", VARCHAR,
      "VarcharUUIDJdbcType", UUID,
      "ZonedDateTimeJdbcType", TIMESTAMP_WITH_TIMEZONE,
    };
    for (int i = 0; i < jdbc.length; i += 2) {
      m.put(JDBC + jdbc[i], (Integer) jdbc[i + 1]);
    }
    Object[] postgres = {
      "PostgreSQLEnumJdbcType", NAMED_ENUM,
      "PostgreSQLOrdinalEnumJdbcType", NAMED_ORDINAL_ENUM,
      "PostgreSQLUUIDJdbcType", UUID,
      "PostgreSQLInetJdbcType", INET,
      "PostgreSQLCastingInetJdbcType", INET,
      "PostgreSQLIntervalSecondJdbcType", INTERVAL_SECOND,
      "PostgreSQLCastingIntervalSecondJdbcType", INTERVAL_SECOND,
      "PostgreSQLJsonPGObjectJsonType", JSON,
      "PostgreSQLJsonPGObjectJsonbType", JSON,
    };
    for (int i = 0; i < postgres.length; i += 2) {
      m.put("org.hibernate.dialect." + postgres[i], (Integer) postgres[i + 1]);
      m.put("org.hibernate.dialect.type." + postgres[i], (Integer) postgres[i + 1]);
    }
    return Map.copyOf(m);
  }

  /** The methods of a {@code JdbcType} that decide its JDBC type code. */
  private static final Set<String> JDBC_TYPE_DECIDERS =
      Set.of("getJdbcTypeCode", "getDefaultSqlTypeCode", "getDdlTypeCode");

  /** The methods of a {@code JavaType} that decide the column's default sizes. */
  private static final Set<String> JAVA_TYPE_SIZES =
      Set.of(
          "getDefaultSqlLength",
          "getDefaultSqlPrecision",
          "getDefaultSqlScale",
          "getLongSqlLength");

  private JdbcTypes() {}

  /**
   * What a {@code JdbcType} or {@code JavaType} class named in an annotation stands for.
   *
   * @param code the DDL type code of a {@code JdbcType} class; {@code null} for a {@code JavaType}
   * @param describes for a {@code JavaType} class, the qualified name of the Java type whose column
   *     it gives ({@code java.lang.Integer} for {@code IntegerJavaType} and its subclasses that
   *     change nothing); {@code null} when {@code undecided} or when it is not known
   * @param undecided why Migrate cannot tell the column it gives ({@code "com.acme.Money overrides
   *     getRecommendedJdbcType"}), or {@code null} when it can
   * @param sizesByCode whether an application's {@code JavaType} class decides the column's default
   *     length, precision or scale by code, so that even a {@code @JdbcTypeCode} leaves the column
   *     unknown
   */
  record TypeClass(Integer code, String describes, String undecided, boolean sizesByCode) {

    TypeClass(Integer code, String describes, String undecided) {
      this(code, describes, undecided, false);
    }
  }

  /** Whether {@link #columnType} knows {@code code}. */
  static boolean knownCode(int code) {
    return KNOWN_CODES.contains(code);
  }

  /**
   * The DDL type code of the {@code JdbcType} class {@code type}: one of Hibernate's own ({@link
   * #JDBC_TYPE_CLASSES}), or a subclass of one that overrides none of {@code getJdbcTypeCode},
   * {@code getDefaultSqlTypeCode}, {@code getDdlTypeCode} (Hibernate then uses the inherited code).
   * Undecided for an abstract class or one without a public no-argument constructor (Hibernate
   * cannot instantiate it: "Could not instantiate managed bean directly"), and for any other class.
   */
  static TypeClass jdbcTypeClass(TypeMirror type) {
    TypeElement element = typeElement(type);
    if (element == null) {
      return new TypeClass(null, null, type + " is not a class");
    }
    String name = element.getQualifiedName().toString();
    if (!instantiable(element)) {
      return new TypeClass(
          null,
          null,
          name
              + " is abstract or has no public no-argument constructor, so Hibernate cannot"
              + " instantiate it either");
    }
    for (TypeElement t = element; t != null; t = superclass(t)) {
      String n = t.getQualifiedName().toString();
      Integer code = JDBC_TYPE_CLASSES.get(n);
      if (code != null) {
        return new TypeClass(code, null, null);
      }
      if (n.startsWith("org.hibernate.") || n.equals("java.lang.Object")) {
        break;
      }
      String overridden = declared(t, JDBC_TYPE_DECIDERS);
      if (overridden != null) {
        return new TypeClass(
            null, null, n + " overrides " + overridden + ", so its JDBC type is decided by code");
      }
    }
    return new TypeClass(
        null,
        null,
        name + " is not one of Hibernate's JdbcType classes Migrate mirrors, nor extends one");
  }

  /**
   * The Java type whose column the {@code JavaType} class {@code type} gives: one of Hibernate's
   * own ({@link TypeMapping#hibernateJavaTypeDescribes}), or a subclass of one that overrides none
   * of {@code getRecommendedJdbcType}, {@code getDefaultSqlLength}, {@code getDefaultSqlPrecision},
   * {@code getDefaultSqlScale}, {@code getLongSqlLength}. Undecided for any other class (for
   * example one extending {@code AbstractClassJavaType}, whose JDBC type is whatever its code
   * recommends).
   */
  static TypeClass javaTypeClass(TypeMirror type) {
    TypeElement element = typeElement(type);
    if (element == null) {
      return new TypeClass(null, null, type + " is not a class");
    }
    String name = element.getQualifiedName().toString();
    List<TypeElement> own = new ArrayList<>(); // the application's classes of the chain
    String describes = null;
    for (TypeElement t = element; t != null; t = superclass(t)) {
      String n = t.getQualifiedName().toString();
      describes = TypeMapping.hibernateJavaTypeDescribes(n);
      if (describes != null || n.startsWith("org.hibernate.") || n.equals("java.lang.Object")) {
        break;
      }
      own.add(t);
    }
    for (TypeElement t : own) {
      String overridden = declared(t, JAVA_TYPE_SIZES);
      if (overridden != null) {
        return new TypeClass(
            null,
            null,
            t.getQualifiedName()
                + " overrides "
                + overridden
                + ", so its column's size is decided by code",
            true);
      }
    }
    for (TypeElement t : own) {
      String overridden = declared(t, Set.of("getRecommendedJdbcType"));
      if (overridden != null) {
        return new TypeClass(
            null,
            null,
            t.getQualifiedName()
                + " overrides "
                + overridden
                + ", so its JDBC type is decided by code");
      }
    }
    if (describes != null) {
      return new TypeClass(null, describes, null);
    }
    return new TypeClass(
        null,
        null,
        name
            + " extends none of Hibernate's JavaType classes for a basic Java type (IntegerJavaType,"
            + " StringJavaType, ...), so its JDBC type is decided by code");
  }

  /**
   * Whether {@code type} can be instantiated by {@code
   * Class.getDeclaredConstructor().newInstance()} as Hibernate's bean registry does: not abstract,
   * with a public no-argument constructor.
   */
  private static boolean instantiable(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT) || type.getKind() != ElementKind.CLASS) {
      return false;
    }
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.CONSTRUCTOR
          && ((ExecutableElement) e).getParameters().isEmpty()
          && e.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  /** The first method of {@code names} that {@code type} declares itself, or {@code null}. */
  private static String declared(TypeElement type, Set<String> names) {
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && names.contains(e.getSimpleName().toString())) {
        return e.getSimpleName().toString();
      }
    }
    return null;
  }

  private static TypeElement typeElement(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) type).asElement()
        : null;
  }

  private static TypeElement superclass(TypeElement type) {
    return typeElement(type.getSuperclass());
  }

  /**
   * The column type Hibernate gives the DDL type code {@code code} on PostgreSQL for a value of
   * {@code javaType} ({@link #javaTypeName}; {@code null} for a value described by an application's
   * own {@code JavaType}), sized by {@code sizes}, or {@code null} for a combination Migrate does
   * not mirror. Lengths: a written {@code @Column(length)} wins; otherwise the Java type's default
   * ({@code Integer} 11, {@code Long} 20, {@code UUID} 36, {@code BigDecimal} 40, {@code Character}
   * 1, 255 for the rest; {@code LONGVARCHAR} 32600). Numeric precision: a written
   * {@code @Column(precision)} wins; otherwise the Java type's ({@code Integer} 10, {@code Long}
   * 19, {@code Short} 5, {@code Byte} 3, {@code BigInteger} 38, {@code BigDecimal} 38 scale 2,
   * {@code Duration} 21).
   *
   * @param lengthWritten whether {@code sizes.length()} comes from the mapping
   *     ({@code @Column(length)}, Bean Validation's {@code @Size}) rather than the default
   */
  static SqlType columnType(
      int code,
      String javaType,
      TypeMapping.Sizes sizes,
      boolean lengthWritten,
      HibernateVersion hibernate) {
    boolean floating = "java.lang.Double".equals(javaType) || "java.lang.Float".equals(javaType);
    return switch (code) {
      case BIT, BOOLEAN -> SqlType.bool();
      case TINYINT, SMALLINT -> SqlType.smallint();
      case INTEGER -> SqlType.integer();
      case BIGINT -> SqlType.bigint();
      case REAL -> SqlType.real();
      case FLOAT, DOUBLE -> {
        if (floating) {
          yield TypeMapping.floatingPoint(sizes, "java.lang.Double".equals(javaType));
        }
        // float(38): BigDecimalJavaType's default precision, more than 24 binary digits
        yield "java.math.BigDecimal".equals(javaType) && sizes.precision() <= 0
            ? SqlType.doublePrecision()
            : null;
      }
      case NUMERIC, DECIMAL -> {
        if (sizes.precision() > 0) {
          yield SqlType.numeric(sizes.precision(), sizes.scale());
        }
        if (floating) {
          yield SqlType.numeric(
              hibernate.floatingPointNumericPrecision("java.lang.Double".equals(javaType)),
              TypeMapping.DEFAULT_DECIMAL_SCALE);
        }
        Integer precision = defaultPrecision(javaType);
        yield precision == null
            ? null
            : SqlType.numeric(
                precision,
                "java.math.BigDecimal".equals(javaType) ? TypeMapping.DEFAULT_DECIMAL_SCALE : 0);
      }
      case CHAR, NCHAR, VARCHAR, NVARCHAR -> {
        Integer length = lengthWritten ? Integer.valueOf(sizes.length()) : defaultLength(javaType);
        if (length == null) {
          yield null;
        }
        yield code == CHAR || code == NCHAR
            ? SqlType.character(length)
            : TypeMapping.string(new TypeMapping.Sizes(length, 0, 0, null));
      }
      case LONGVARCHAR, LONGNVARCHAR ->
          TypeMapping.string(
              new TypeMapping.Sizes(lengthWritten ? sizes.length() : LONG_LENGTH, 0, 0, null));
      case LONG32VARCHAR, LONG32NVARCHAR -> SqlType.text();
      case BINARY, VARBINARY, LONGVARBINARY, LONG32VARBINARY -> SqlType.bytea();
      case BLOB, CLOB, NCLOB, MATERIALIZED_BLOB, MATERIALIZED_CLOB, MATERIALIZED_NCLOB ->
          SqlType.of("oid");
      case DATE -> SqlType.date();
      case TIME, TIME_UTC -> SqlType.time(timePrecision(javaType, hibernate));
      // a LocalDate's precision (19) would size the fraction: not mirrored
      case TIMESTAMP -> dateOnly(javaType) ? null : SqlType.timestamp(TypeMapping.TIME_PRECISION);
      case TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_UTC ->
          dateOnly(javaType) ? null : SqlType.timestamptz(TypeMapping.TIME_PRECISION);
      case TIME_WITH_TIMEZONE ->
          TypeMapping.POSTGRES.parseType(
              "time(" + timePrecision(javaType, hibernate) + ") with time zone");
      case UUID -> SqlType.uuid();
      case JSON -> SqlType.jsonb();
      case SQLXML -> SqlType.of("xml");
      case INET -> SqlType.of("inet");
      case INTERVAL_SECOND ->
          TypeMapping.POSTGRES.parseType("interval second(" + TypeMapping.TIME_PRECISION + ")");
      default -> null;
    };
  }

  /**
   * The fractional digits of a time column: the line's time precision ({@link
   * HibernateVersion#timePrecision}) for a time of day, else the Java type's default (6): in 7.2
   * {@code TimeJdbcType} on a {@code LocalDateTime} is {@code time(6)}, on a {@code LocalTime}
   * {@code time(0)}.
   */
  private static int timePrecision(String javaType, HibernateVersion hibernate) {
    return switch (javaType == null ? "" : javaType) {
      case "java.time.LocalTime", "java.time.OffsetTime", "java.sql.Time" ->
          hibernate.timePrecision();
      default -> TypeMapping.TIME_PRECISION;
    };
  }

  private static boolean dateOnly(String javaType) {
    return "java.time.LocalDate".equals(javaType) || "java.sql.Date".equals(javaType);
  }

  /** The Java types' {@code getDefaultSqlLength} for character columns, checked on 6.6 and 7.2. */
  private static Integer defaultLength(String javaType) {
    if (javaType == null) {
      return TypeMapping.DEFAULT_LENGTH; // JavaType's own default
    }
    return switch (javaType) {
      case "java.lang.Integer" -> 11;
      case "java.lang.Long" -> 20;
      case "java.lang.Short" -> 6;
      case "java.lang.Byte" -> 1; // ByteJavaType: a single character, checked on 6.6 and 7.2
      case "java.util.UUID" -> 36;
      case "java.math.BigDecimal" -> 40;
      case "java.lang.Character" -> 1;
      // Hibernate 7 adds check (v in ('F','T')) for @JdbcTypeCode(CHAR), not for CharJdbcType
      case "java.lang.Boolean" -> null;
      case "java.lang.String",
          "char[]",
          "enum",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.Duration" ->
          TypeMapping.DEFAULT_LENGTH;
      // a Java type whose own column is a varchar: its getDefaultSqlLength sized it (Locale 255,
      // Currency 3, ZoneOffset 6)
      default -> {
        SqlType own = ownColumn(javaType);
        yield own != null && own.name().equals("varchar") ? own.length() : null;
      }
    };
  }

  /** The column {@code javaType} has without a JDBC type, at the default sizes, or {@code null}. */
  private static SqlType ownColumn(String javaType) {
    return TypeMapping.describedColumnType(
        javaType, new TypeMapping.Sizes(TypeMapping.DEFAULT_LENGTH, 0, 0, null));
  }

  /** The Java types' {@code getDefaultSqlPrecision} for {@code numeric} columns. */
  private static Integer defaultPrecision(String javaType) {
    if (javaType == null) {
      return null;
    }
    return switch (javaType) {
      case "java.lang.Integer" -> 10;
      case "java.lang.Long" -> 19;
      case "java.lang.Short" -> 5;
      case "java.lang.Byte" -> 3;
      case "java.math.BigInteger", "java.math.BigDecimal" -> TypeMapping.DEFAULT_PRECISION;
      case "java.time.Duration" -> 21;
      default -> null;
    };
  }

  /**
   * The name {@link #columnType} knows {@code type} by: the qualified name of a class ({@code int}
   * as {@code java.lang.Integer}), {@code byte[]}, {@code char[]}, {@code enum} for any enum;
   * {@code "?"} for anything else.
   */
  static String javaTypeName(TypeMirror type) {
    if (type == null) {
      return "?";
    }
    return switch (type.getKind()) {
      case BOOLEAN -> "java.lang.Boolean";
      case BYTE -> "java.lang.Byte";
      case SHORT -> "java.lang.Short";
      case INT -> "java.lang.Integer";
      case LONG -> "java.lang.Long";
      case CHAR -> "java.lang.Character";
      case FLOAT -> "java.lang.Float";
      case DOUBLE -> "java.lang.Double";
      case ARRAY -> {
        TypeKind component = ((javax.lang.model.type.ArrayType) type).getComponentType().getKind();
        yield component == TypeKind.BYTE ? "byte[]" : component == TypeKind.CHAR ? "char[]" : "?";
      }
      case DECLARED -> {
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        yield element.getKind() == ElementKind.ENUM
            ? "enum"
            : element.getQualifiedName().toString();
      }
      default -> "?";
    };
  }
}
