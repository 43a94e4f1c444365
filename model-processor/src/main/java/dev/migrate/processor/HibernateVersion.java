package dev.migrate.processor;

import dev.migrate.model.SqlType;
import java.util.Locale;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The Hibernate ORM release line whose schema the processor mirrors, and every rule in which the
 * lines differ on PostgreSQL. Each rule was read in Hibernate's sources and checked against the
 * metadata and schema export of the release Spring Boot manages (6.6.33, 7.2.19; 7.4.13 for 7.4):
 * {@code HibernateVersionDifferencesTest} judges each against that release's own metadata, in
 * {@code it}, {@code it-hibernate7} and {@code it-hibernate74}.
 *
 * <p>Chosen with {@code -Amigrate.hibernate=6.6|7.2|7.4} ({@link #OPTION}); without it, the
 * hibernate-core on the compile class path decides ({@link #onClassPath}), and 7.2 (Spring Boot
 * 4.0's) when there is none. Releases between the lines map down: 6.x to 6.6, 7.0 to 7.3 to 7.2,
 * later 7.x to 7.4.
 */
enum HibernateVersion {
  V6_6("6.6"),
  V7_2("7.2"),
  V7_4("7.4");

  /** The annotation processor option: {@code -Amigrate.hibernate=6.6|7.2|7.4}. */
  static final String OPTION = "migrate.hibernate";

  /** The line mirrored when the compile class path holds no hibernate-core: Spring Boot 4.0's. */
  static final HibernateVersion WITHOUT_HIBERNATE = V7_2;

  /** A class every hibernate-core has. */
  private static final String ANY_HIBERNATE = "org.hibernate.Session";

  /** A class new in 7.0 ({@code @since 7.0}): what Hibernate 7's snake-case naming is. */
  private static final String SINCE_7_0 =
      "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

  /** A class new in 7.4 ({@code @since 7.4}). */
  private static final String SINCE_7_4 = "org.hibernate.audit.AuditLog";

  private final String label;

  HibernateVersion(String label) {
    this.label = label;
  }

  /** {@code 6.6}, {@code 7.2} or {@code 7.4}: the option value, and how messages name it. */
  String label() {
    return label;
  }

  /** The line an option value names ({@code 6.6}, {@code 7.2}, {@code 7.4}), or {@code null}. */
  static HibernateVersion forOption(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (HibernateVersion version : values()) {
      if (version.label.equals(v)) {
        return version;
      }
    }
    return null;
  }

  /**
   * The line of the hibernate-core on the compile class path, found by classes that only some
   * releases have (annotation processors see the class path through {@link Elements}, not through
   * jar manifests): 7.4 with {@value #SINCE_7_4}, 7.2 with {@value #SINCE_7_0}, 6.6 with {@value
   * #ANY_HIBERNATE} alone; {@link #WITHOUT_HIBERNATE} without Hibernate.
   */
  static HibernateVersion onClassPath(Elements elements) {
    if (exists(elements, SINCE_7_4)) {
      return V7_4;
    }
    if (exists(elements, SINCE_7_0)) {
      return V7_2;
    }
    return exists(elements, ANY_HIBERNATE) ? V6_6 : WITHOUT_HIBERNATE;
  }

  private static boolean exists(Elements elements, String name) {
    try {
      TypeElement type = elements.getTypeElement(name);
      return type != null;
    } catch (RuntimeException e) {
      return false; // javac's CompletionFailure for a broken class file
    }
  }

  private boolean atLeast(HibernateVersion other) {
    return compareTo(other) >= 0;
  }

  // --- the rules ---

  /**
   * Fractional-second digits of {@code time} columns ({@code LocalTime}, {@code OffsetTime}, {@code
   * java.sql.Time}, {@code @Temporal(TIME)}): 6 in 6.6; 0 from 7.0 on, where {@code
   * Dialect.getDefaultTimestampPrecision} no longer applies to {@code TIME} ({@code DdlTypeImpl}:
   * {@code time(0)}).
   */
  int timePrecision() {
    return atLeast(V7_2) ? 0 : TypeMapping.TIME_PRECISION;
  }

  /**
   * {@code type} as this line spells it, for the types whose default differs between lines (a
   * {@code time} column's precision).
   */
  SqlType columnType(SqlType type) {
    if (type != null
        && type.name().equals("time")
        && type.precision() != null
        && type.precision() == TypeMapping.TIME_PRECISION) {
      return SqlType.time(timePrecision());
    }
    return type;
  }

  /**
   * The precision of a {@code Double} ({@code isDouble}) or {@code Float} mapped to {@code
   * numeric}/{@code decimal} ({@code @JdbcTypeCode(NUMERIC)}): the binary digits of the Java type
   * in 6.6 (53, 24: {@code DoubleJavaType.getDefaultSqlPrecision}); its decimal digits from 7.0 on
   * (17, 8). The scale is 2 in both.
   */
  int floatingPointNumericPrecision(boolean isDouble) {
    if (atLeast(V7_2)) {
      return isDouble ? 17 : 8;
    }
    return isDouble ? 53 : 24;
  }

  /**
   * Whether a discriminator column gets {@code check (<column> in (<value>, ...))} over the
   * discriminator values of the hierarchy's concrete classes (7.x: {@code
   * DiscriminatorColumnSecondPass}).
   */
  boolean checksDiscriminatorValues() {
    return atLeast(V7_2);
  }

  /**
   * Whether a single-table subclass's columns that would be {@code NOT NULL} in a table of their
   * own get {@code check (<discriminator> <> '<value>' or (<column> is not null and ...))} instead
   * (7.x: {@code SingleTableSubclass.createConstraints}).
   */
  boolean checksSingleTableSubclassNotNull() {
    return atLeast(V7_2);
  }

  /**
   * Whether a name holding {@code $} is quoted (and so keeps its case): 6.6's {@code
   * Identifier.toIdentifier} quotes every name with a character other than a letter, a digit or
   * {@code _}; 7.x accepts {@code $} unquoted.
   */
  boolean quotesDollarNames() {
    return !atLeast(V7_2);
  }

  /**
   * Whether Spring's snake-case naming ({@code CamelCaseToUnderscoresNamingStrategy}) treats a
   * digit as a lower-case letter, so that {@code sha256Hash} becomes {@code sha256_hash}, and keeps
   * a quoted name as written (7.x: {@code PhysicalNamingStrategySnakeCaseImpl}); 6.6 gives {@code
   * sha256hash} and lower-cases quoted names too.
   */
  boolean snakeCaseOfDigitsAndQuotes() {
    return atLeast(V7_2);
  }

  /**
   * Whether a primitive attribute with {@code @Basic} (and no {@code @Column}) keeps the {@code NOT
   * NULL} of its type: 7.x; 6.6 makes it nullable.
   */
  boolean primitiveNotNullWithBasic() {
    return atLeast(V7_2);
  }

  /**
   * Whether a column mapped through an {@code AttributeConverter} from an enum gets {@code check
   * (<column> in (<the converter's value of each constant>))} (7.x: {@code
   * EnumJavaType.getCheckCondition}, {@code renderConvertedEnumCheckConstraint}; 6.6 returns no
   * check for a converted enum, "TODO: actually convert the enum values"). A converter from {@code
   * Boolean} gets its check on every line.
   */
  boolean checksConvertedEnums() {
    return atLeast(V7_2);
  }

  /**
   * Whether an explicit {@code @Convert} on a basic attribute that is also {@code @Enumerated}
   * stops Hibernate at start-up (7.x: {@code BasicValueBinder}, "'AttributeConverter' not allowed
   * for attribute 'a' annotated '@jakarta.persistence.Enumerated'"); 6.6 ignores the converter.
   * Checked on 6.6.33, 7.2.19 and 7.4.13.
   */
  boolean refusesConverterWithEnumerated() {
    return atLeast(V7_2);
  }

  /**
   * Whether an {@code @OrderColumn} gets {@code check (<column> >= 0)} (7.4: {@code
   * CollectionBinder}).
   */
  boolean checksOrderColumns() {
    return atLeast(V7_4);
  }

  /** Whether a {@code @Version} column is {@code NOT NULL} whatever its Java type (7.4). */
  boolean versionNotNull() {
    return atLeast(V7_4);
  }

  /**
   * Whether an element collection of {@code Set} type gets a unique key over the owner's key and
   * the element's columns (7.4).
   */
  boolean uniqueElementSets() {
    return atLeast(V7_4);
  }
}
