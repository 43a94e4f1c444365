package dev.migrate.processor;

import dev.migrate.dialect.SqlSyntax;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.SqlType;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Java types to PostgreSQL column types, as Hibernate 6 (6.6) maps them with its {@code
 * PostgreSQLDialect}.
 *
 * <p>Sources: Hibernate's {@code JavaType} defaults ({@code getDefaultSqlLength/Precision/Scale}),
 * its {@code StandardSizeStrategy} (explicit sizes override the defaults; for floating point an
 * explicit decimal precision becomes binary digits) and {@code AnnotatedColumn}
 * ({@code @Column(precision, scale)} are used only when {@code precision > 0}, so {@code scale}
 * alone is ignored).
 */
final class TypeMapping {

  /**
   * Hibernate's default {@code varchar} length ({@code Size.DEFAULT_LENGTH}, JPA's
   * {@code @Column.length}).
   */
  static final int DEFAULT_LENGTH = 255;

  /** The longest {@code varchar} PostgreSQL accepts; Hibernate uses {@code text} beyond it. */
  static final int MAX_VARCHAR_LENGTH = 10_485_760;

  /** Hibernate's default {@code numeric} precision and {@code BigDecimal} scale. */
  static final int DEFAULT_PRECISION = 38;

  static final int DEFAULT_DECIMAL_SCALE = 2;

  /**
   * Fractional-second digits of every time type (Hibernate's {@code
   * Dialect.getDefaultTimestampPrecision()}).
   */
  static final int TIME_PRECISION = 6;

  private TypeMapping() {}

  /**
   * The sizes an {@code @Column} gives.
   *
   * @param length {@code length}, characters; {@link #DEFAULT_LENGTH} when not written
   * @param precision {@code precision}, decimal digits; 0 when not written
   * @param scale {@code scale}, decimal digits after the point; 0 when not written
   * @param temporal the {@code @Temporal} constant ({@code DATE}, {@code TIME}, {@code TIMESTAMP})
   *     or {@code null}
   */
  record Sizes(int length, int precision, int scale, String temporal) {}

  /**
   * The column type of a field of type {@code type}, or {@code null} when Migrate has no mapping
   * for it.
   */
  static SqlType columnType(TypeMirror type, Sizes sizes) {
    switch (type.getKind()) {
      case BOOLEAN:
        return SqlType.bool();
      case BYTE:
      case SHORT:
        return SqlType.smallint();
      case INT:
        return SqlType.integer();
      case LONG:
        return SqlType.bigint();
      case CHAR:
        return SqlType.character(1);
      case FLOAT:
        return floatingPoint(sizes, false);
      case DOUBLE:
        return floatingPoint(sizes, true);
      case ARRAY:
        return arrayType(((ArrayType) type).getComponentType(), sizes);
      case DECLARED:
        TypeMirror element = arrayElement(type);
        if (element != null) {
          SqlType elementType = columnType(element, sizes);
          return elementType == null ? null : POSTGRES.arrayOf(elementType);
        }
        return declaredType(qualifiedName(type), sizes);
      default:
        return null;
    }
  }

  /**
   * The collection interfaces Hibernate 6.6 maps as a basic array when their element is a basic
   * type and no {@code @ElementCollection} or association says otherwise ({@code
   * BasicPluralJavaType}): {@code List<String>} is {@code varchar(255) array}.
   */
  private static final java.util.Set<String> BASIC_COLLECTIONS =
      java.util.Set.of(
          "java.util.Collection",
          "java.util.List",
          "java.util.Set",
          "java.util.SortedSet",
          "java.util.NavigableSet");

  /**
   * {@code java.lang.Byte} or {@code java.lang.Character} when {@code type} is an array of that
   * wrapper, else {@code null}: the types Hibernate 6.6 and 7 refuse at start-up by default ({@link
   * Message#WRAPPER_ARRAY}).
   */
  static String wrapperArrayElement(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.ARRAY) {
      return null;
    }
    TypeMirror component = ((ArrayType) type).getComponentType();
    if (component.getKind() != TypeKind.DECLARED) {
      return null;
    }
    String name = qualifiedName(component);
    return name.equals("java.lang.Byte") || name.equals("java.lang.Character") ? name : null;
  }

  /**
   * The element type when {@code type} maps to a PostgreSQL array: an array other than {@code
   * byte[]} and {@code char[]}, or a {@code List}, {@code Set} or {@code Collection} of one type
   * argument; else {@code null}.
   */
  static TypeMirror arrayElement(TypeMirror type) {
    if (type == null) {
      return null;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind() == TypeKind.BYTE || component.getKind() == TypeKind.CHAR
          ? null
          : component;
    }
    if (type.getKind() == TypeKind.DECLARED && BASIC_COLLECTIONS.contains(qualifiedName(type))) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      return arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
          ? arguments.get(0)
          : null;
    }
    return null;
  }

  /**
   * {@code byte[]} is {@code bytea}, {@code char[]} a string; any other array is a PostgreSQL array
   * of its element's type, sized by the {@code @Column} ({@code @Column(length = 40) String[]} is
   * {@code varchar(40) array}); Hibernate 6.6.33 maps {@code Byte[]} and {@code Character[]} so too
   * ({@code smallint array}, {@code char(1) array}). Arrays of arrays have no mapping.
   */
  private static SqlType arrayType(TypeMirror component, Sizes sizes) {
    if (component.getKind() == TypeKind.BYTE) {
      return SqlType.bytea();
    }
    if (component.getKind() == TypeKind.CHAR) {
      return string(sizes);
    }
    if (component.getKind() == TypeKind.ARRAY) {
      return null;
    }
    SqlType element = columnType(component, sizes);
    return element == null ? null : POSTGRES.arrayOf(element);
  }

  /**
   * The column type of a value of the class named {@code name} (qualified: {@code
   * java.lang.Integer}), as for a field of that type; {@code null} when Migrate has no mapping.
   */
  static SqlType describedColumnType(String name, Sizes sizes) {
    return declaredType(name, sizes);
  }

  private static SqlType declaredType(String name, Sizes sizes) {
    switch (name) {
      case "java.lang.String":
        return string(sizes);
      case "java.lang.Boolean":
        return SqlType.bool();
      case "java.lang.Byte":
      case "java.lang.Short":
        return SqlType.smallint();
      case "java.lang.Integer":
        return SqlType.integer();
      case "java.lang.Long":
        return SqlType.bigint();
      case "java.lang.Character":
        return SqlType.character(1);
      case "java.lang.Float":
        return floatingPoint(sizes, false);
      case "java.lang.Double":
        return floatingPoint(sizes, true);
      case "java.math.BigDecimal":
        return sizes.precision() > 0
            ? SqlType.numeric(sizes.precision(), sizes.scale())
            : SqlType.numeric(DEFAULT_PRECISION, DEFAULT_DECIMAL_SCALE);
      case "java.math.BigInteger":
        return sizes.precision() > 0
            ? SqlType.numeric(sizes.precision(), sizes.scale())
            : SqlType.numeric(DEFAULT_PRECISION, 0);
      case "java.time.LocalDate":
      case "java.sql.Date":
        return SqlType.date();
      case "java.time.LocalTime":
      case "java.sql.Time":
        return SqlType.time(TIME_PRECISION);
      case "java.time.LocalDateTime":
      case "java.sql.Timestamp":
        return SqlType.timestamp(TIME_PRECISION);
      case "java.time.OffsetDateTime":
      case "java.time.ZonedDateTime":
      case "java.time.Instant":
        return SqlType.timestamptz(TIME_PRECISION);
      case "java.util.Date":
      case "java.util.Calendar":
        return legacyTemporal(sizes.temporal());
      case "java.util.UUID":
        return SqlType.uuid();
      case "java.time.Duration":
        // DurationJavaType: nanoseconds in numeric(21,0) (precision 21, scale 0 by default)
        return sizes.precision() > 0
            ? SqlType.numeric(sizes.precision(), sizes.scale())
            : SqlType.numeric(21, 0);
      case "java.time.OffsetTime":
        // PostgreSQLDialect normalises to UTC (TimeZoneSupport.NORMALIZE): a plain time column
        return SqlType.time(TIME_PRECISION);
      case "java.time.Year":
        return SqlType.integer();
      case "java.time.ZoneOffset":
        // ZoneOffsetJavaType's default length is 6 ("+hh:mm"); an explicit length wins
        return sizes.length() == DEFAULT_LENGTH ? SqlType.varchar(6) : string(sizes);
      case "java.util.Currency":
        // CurrencyJavaType's default length is 3 (the ISO 4217 code); an explicit length wins
        return sizes.length() == DEFAULT_LENGTH ? SqlType.varchar(3) : string(sizes);
      case "java.time.ZoneId":
      case "java.util.Locale":
      case "java.util.TimeZone":
      case "java.net.URL":
      case "java.lang.Class":
        return string(sizes);
      case "java.net.InetAddress":
        return SqlType.of("inet");
      case "java.sql.Blob":
      case "java.sql.Clob":
      case "java.sql.NClob":
        return SqlType.of("oid");
      default:
        return null;
    }
  }

  /**
   * {@code java.util.Date} and {@code Calendar}: {@code @Temporal} decides, {@code TIMESTAMP}
   * without it.
   */
  private static SqlType legacyTemporal(String temporal) {
    if ("DATE".equals(temporal)) {
      return SqlType.date();
    }
    if ("TIME".equals(temporal)) {
      return SqlType.time(TIME_PRECISION);
    }
    return SqlType.timestamp(TIME_PRECISION);
  }

  /** {@code varchar(length)}, or {@code text} beyond PostgreSQL's longest {@code varchar}. */
  static SqlType string(Sizes sizes) {
    return sizes.length() > MAX_VARCHAR_LENGTH ? SqlType.text() : SqlType.varchar(sizes.length());
  }

  /**
   * {@code real} or {@code double precision}. An explicit {@code precision} is in decimal digits;
   * Hibernate converts it to binary digits ({@code ceil(p * log2(10))}) for {@code float(n)}, which
   * PostgreSQL stores as {@code real} up to 24 binary digits and as {@code double precision} above.
   */
  static SqlType floatingPoint(Sizes sizes, boolean isDouble) {
    if (sizes.precision() > 0) {
      int binaryDigits = (int) Math.ceil(sizes.precision() * (Math.log(10) / Math.log(2)));
      return binaryDigits <= 24 ? SqlType.real() : SqlType.doublePrecision();
    }
    return isDouble ? SqlType.doublePrecision() : SqlType.real();
  }

  /**
   * Whether values of {@code type} can come from an identity column (smallint, integer or bigint).
   */
  static boolean isIntegral(TypeMirror type) {
    switch (type.getKind()) {
      case SHORT:
      case INT:
      case LONG:
        return true;
      case DECLARED:
        String name = qualifiedName(type);
        return name.equals("java.lang.Short")
            || name.equals("java.lang.Integer")
            || name.equals("java.lang.Long");
      default:
        return false;
    }
  }

  /** Whether Hibernate's sequence generator can produce values of {@code type}. */
  static boolean isSequenceNumber(TypeMirror type) {
    return isIntegral(type)
        || type.getKind() == TypeKind.DECLARED
            && (qualifiedName(type).equals("java.math.BigInteger")
                || qualifiedName(type).equals("java.math.BigDecimal"));
  }

  /**
   * Whether {@code type} is an integral or decimal number type (Bean Validation's
   * {@code @Min}/{@code @Max}).
   */
  static boolean isIntegralOrDecimal(TypeMirror type) {
    if (isIntegral(type) || type.getKind() == TypeKind.BYTE) {
      return true;
    }
    return type.getKind() == TypeKind.DECLARED
        && switch (qualifiedName(type)) {
          case "java.lang.Byte", "java.math.BigInteger", "java.math.BigDecimal" -> true;
          default -> false;
        };
  }

  /**
   * Whether {@code @Lob} makes {@code type} a large object, which Hibernate 6.6's {@code
   * PostgreSQLDialect} stores as {@code oid}: {@code String}, {@code char[]}, {@code Character[]},
   * {@code byte[]}, {@code Byte[]}.
   */
  static boolean isLobCandidate(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind() == TypeKind.BYTE
          || component.getKind() == TypeKind.CHAR
          || component.getKind() == TypeKind.DECLARED
              && (qualifiedName(component).equals("java.lang.Byte")
                  || qualifiedName(component).equals("java.lang.Character"));
    }
    return isString(type);
  }

  /** Whether {@code type} is {@code float}, {@code double}, {@code Float} or {@code Double}. */
  static boolean isFloatingPoint(TypeMirror type) {
    return type.getKind() == TypeKind.FLOAT
        || isDouble(type)
        || isDeclared(type, "java.lang.Float");
  }

  /** Whether {@code type} is {@code double} or {@code Double}. */
  static boolean isDouble(TypeMirror type) {
    return type.getKind() == TypeKind.DOUBLE || isDeclared(type, "java.lang.Double");
  }

  private static boolean isDeclared(TypeMirror type, String name) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals(name);
  }

  /** Whether {@code type} is {@code java.util.UUID}. */
  static boolean isUuid(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals("java.util.UUID");
  }

  /** Whether {@code type} is {@code String}. */
  static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals("java.lang.String");
  }

  private static String qualifiedName(TypeMirror type) {
    return Annotations.text(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName());
  }

  // --- Hibernate's own JavaType and JdbcType classes ---

  private static final String JAVA_TYPES = "org.hibernate.type.descriptor.java.";

  /**
   * The column type of a value described by one of Hibernate's own {@code JavaType} classes ({@code
   * org.hibernate.type.descriptor.java.IntegerJavaType}, {@code LongJavaType}, {@code
   * UUIDJavaType}, {@code StringJavaType}, ...), as named in {@code @JavaType} or
   * {@code @CollectionIdJavaType}: the column type of the Java type it describes ({@code
   * IntegerJavaType} is {@code Integer}, so {@code integer}); {@code null} for any other class,
   * whose column type is up to its code.
   *
   * @param javaTypeClass the qualified name of the {@code JavaType} class
   */
  static SqlType hibernateJavaType(String javaTypeClass, Sizes sizes) {
    String described = hibernateJavaTypeDescribes(javaTypeClass);
    return described == null ? null : declaredType(described, sizes);
  }

  /**
   * The qualified name of the Java type that one of Hibernate's own {@code JavaType} classes
   * describes ({@code java.lang.Integer} for {@code IntegerJavaType}), or {@code null} for any
   * other class.
   */
  static String hibernateJavaTypeDescribes(String javaTypeClass) {
    if (!javaTypeClass.startsWith(JAVA_TYPES)) {
      return null;
    }
    String simple = javaTypeClass.substring(JAVA_TYPES.length());
    return switch (simple) {
      case "UUIDJavaType" -> "java.util.UUID";
      case "UrlJavaType" -> "java.net.URL";
      case "BigDecimalJavaType", "BigIntegerJavaType" -> "java.math." + javaTypePrefix(simple);
      case "InstantJavaType",
          "DurationJavaType",
          "LocalDateJavaType",
          "LocalDateTimeJavaType",
          "LocalTimeJavaType",
          "OffsetDateTimeJavaType",
          "OffsetTimeJavaType",
          "ZonedDateTimeJavaType",
          "YearJavaType",
          "ZoneIdJavaType",
          "ZoneOffsetJavaType" ->
          "java.time." + javaTypePrefix(simple);
      case "CurrencyJavaType", "LocaleJavaType", "TimeZoneJavaType" ->
          "java.util." + javaTypePrefix(simple);
      case "InetAddressJavaType" -> "java.net.InetAddress";
      case "IntegerJavaType",
          "LongJavaType",
          "ShortJavaType",
          "ByteJavaType",
          "BooleanJavaType",
          "CharacterJavaType",
          "StringJavaType",
          "DoubleJavaType",
          "FloatJavaType",
          "ClassJavaType" ->
          "java.lang." + javaTypePrefix(simple);
      default -> null;
    };
  }

  private static String javaTypePrefix(String simpleName) {
    return simpleName.substring(0, simpleName.length() - "JavaType".length());
  }

  // --- columnDefinition ---

  /**
   * How PostgreSQL reads a type and quotes an identifier, from the dialect ({@link
   * PostgresDialect#syntax}): the one place the processor names the database it maps for. The rest
   * of the processor asks this {@link SqlSyntax}.
   */
  static final SqlSyntax POSTGRES = PostgresDialect.syntax();

  /**
   * The type an {@code @Column(columnDefinition = ...)} declares, in the canonical spelling of
   * {@link SqlType}, read as PostgreSQL's grammar reads it by the dialect's own parser ({@link
   * SqlSyntax#parseType}): {@code "VARCHAR(20)"} is {@code varchar(20)}, {@code "int8"} is {@code
   * bigint}, {@code "timestamp with time zone"} is {@code timestamptz(6)}. Text that is not a plain
   * type name with optional modifiers (for example one with {@code DEFAULT} or {@code NOT NULL} in
   * it) is kept whole, lower-cased, as the type name.
   */
  static SqlType parseDefinition(String definition) {
    return POSTGRES.parseType(definition);
  }
}
