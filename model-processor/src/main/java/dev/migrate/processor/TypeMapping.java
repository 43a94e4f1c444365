package dev.migrate.processor;

import dev.migrate.dialect.SqlSyntax;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.SqlType;
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
        return declaredType(qualifiedName(type), sizes);
      default:
        return null;
    }
  }

  /**
   * {@code java.lang.Byte} or {@code java.lang.Character} when {@code type} is an array of that
   * wrapper, else {@code null}: the types Hibernate 6.6 refuses by default ({@link
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

  private static SqlType arrayType(TypeMirror component, Sizes sizes) {
    if (component.getKind() == TypeKind.BYTE
        || component.getKind() == TypeKind.DECLARED
            && qualifiedName(component).equals("java.lang.Byte")) {
      return SqlType.bytea();
    }
    if (component.getKind() == TypeKind.CHAR) {
      return string(sizes);
    }
    return null;
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
  private static SqlType floatingPoint(Sizes sizes, boolean isDouble) {
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
