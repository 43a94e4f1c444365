package dev.migrate.it.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each counterexample the generative oracle ({@link GenerativeOracleTest}) found, shrunk by hand to
 * the rule it broke, run against the Hibernate on the test class path (6.6 in {@code it}, 7.2 in
 * {@code it-hibernate7}, 7.4 in {@code it-hibernate74}).
 */
class OracleRegressionTest {

  @TempDir Path work;

  private void assertSame(NamingOption naming, String... simpleNameAndBody) throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < simpleNameAndBody.length; i += 2) {
      sources.put(
          "com.acme." + simpleNameAndBody[i],
          "package com.acme;\nimport jakarta.persistence.*;\n" + simpleNameAndBody[i + 1]);
    }
    Differential.run(sources, naming, work).assertSame("Hibernate " + NamingOption.hibernate());
  }

  /** {@code @Column(name = "n") int a} is nullable: only an implicit column takes the type's. */
  @Test
  void primitiveWithColumnIsNullable() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Gauge",
        """
        @Entity public class Gauge {
          @Id Long id; @Column(name = "renamed") int a; @Column int b; @Column(unique = true) int c;
          int d; @Basic int e; @Basic(optional = false) @Column long f;
        }
        """);
  }

  /**
   * In a single-table hierarchy Hibernate 7 checks, per subclass, the root's non-optional but
   * nullable columns too, and counts columns that Bean Validation makes NOT NULL afterwards.
   */
  @Test
  void subclassChecksCountTheRootAndIgnoreBeanValidation() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Meter",
        """
        @Entity public class Meter {
          @Id Long id; @Column(name = "reading") short value;
          @Column(name = "scale") @jakarta.validation.constraints.NotNull float factor;
        }
        """,
        "SmartMeter",
        """
        @Entity public class SmartMeter extends Meter {
          @Column(nullable = false) Long serial; int channels;
        }
        """);
  }

  /**
   * Entities are bound superclass first in class-name order, so a single-table hierarchy's columns
   * and discriminator values follow that order.
   */
  @Test
  void hierarchiesFollowHibernatesBindingOrder() throws Exception {
    assertSame(
        NamingOption.SNAKE_CASE,
        "Account",
        "@Entity public class Account { @Id Long id; }",
        "Savings",
        "@Entity public class Savings extends Account { int rateBasisPoints; }",
        "Business",
        "@Entity public class Business extends Savings { String vatNumber; }",
        "Checking",
        "@Entity @DiscriminatorValue(\"CHK\") public class Checking extends Account { long limit2; }");
  }

  /**
   * A {@code TABLE_PER_CLASS} subclass's table lists its superclass table's columns (the inherited
   * join column included) before its own: {@code sub (id, target_id, n)}.
   */
  @Test
  void tablePerClassSubclassListsInheritedJoinColumnsFirst() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Target",
        "@Entity public class Target { @Id Long id; String label; }",
        "Root",
        """
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public class Root {
          @Id Long id; @ManyToOne Target target; String z;
        }
        """,
        "Sub",
        "@Entity public class Sub extends Root { int n; }");
  }

  /** Three levels: each table lists its superclass table's columns, then its own. */
  @Test
  void tablePerClassColumnsFollowEachLevel() throws Exception {
    assertSame(
        NamingOption.SNAKE_CASE,
        "Target",
        "@Entity public class Target { @Id Long id; }",
        "Root",
        """
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public class Root {
          @Id Long id; @OneToOne Target partner; String zeta;
        }
        """,
        "Mid",
        "@Entity public class Mid extends Root { @ManyToOne(optional = false) Target owner; int b; }",
        "Leaf",
        "@Entity public class Leaf extends Mid { int a; }");
  }

  /**
   * A {@code TABLE_PER_CLASS} root's element collection is one collection table, {@code root_tags},
   * without a foreign key: its owner may be a row of any table of the hierarchy.
   */
  @Test
  void tablePerClassRootElementCollectionIsOneTableWithoutForeignKey() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Root",
        """
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public class Root {
          @Id Long id; @ElementCollection java.util.Set<String> tags;
          @ElementCollection @OrderColumn java.util.List<Integer> scores;
        }
        """,
        "Sub",
        "@Entity public class Sub extends Root { @ElementCollection java.util.Set<String> notes; }");
  }

  /** An abstract {@code TABLE_PER_CLASS} root has no table, but its collections have theirs. */
  @Test
  void abstractTablePerClassRootCollectionsHaveOneTable() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Target",
        "@Entity public class Target { @Id Long id; }",
        "Root",
        """
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
        public abstract class Root {
          @Id Long id; @ElementCollection java.util.Set<String> tags;
          @ManyToMany java.util.Set<Target> targets;
        }
        """,
        "Sub",
        "@Entity public class Sub extends Root { int n; }");
  }

  /**
   * No foreign key references a {@code TABLE_PER_CLASS} entity with subclasses: the row may be in a
   * subclass's table.
   */
  @Test
  void noForeignKeyToTablePerClassRootWithSubclasses() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Holder",
        "@Entity public class Holder { @Id Long id; @ManyToOne Root root; @ManyToOne Sub sub; }",
        "Root",
        """
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public class Root {
          @Id Long id; @ManyToMany java.util.Set<Holder> holders;
        }
        """,
        "Sub",
        "@Entity public class Sub extends Root { int n; }");
  }

  /**
   * {@code @JdbcType(NumericJdbcType.class)} or {@code DecimalJdbcType} maps a {@code Double} or
   * {@code Float} as {@code @JdbcTypeCode(NUMERIC)} does: {@code numeric(p,2)}, p from the Java
   * type and the Hibernate version.
   */
  @Test
  void numericJdbcTypeClassOnFloatingPoint() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Amounts",
        """
        @Entity public class Amounts {
          @Id Long id;
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.NumericJdbcType.class)
          Double d;
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.DecimalJdbcType.class)
          float f;
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.NumericJdbcType.class)
          @Column(precision = 10, scale = 3)
          double p;
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.NumericJdbcType.class)
          java.math.BigDecimal b;
        }
        """);
  }

  private static final String JDBC = "org.hibernate.type.descriptor.jdbc.";

  /** {@code @JdbcType(<jdbc>.class) <type> f<n>;} for each pair, numbered. */
  private static String jdbcTypeFields(String... classAndType) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < classAndType.length; i += 2) {
      b.append("  @org.hibernate.annotations.JdbcType(")
          .append(classAndType[i].contains(".") ? classAndType[i] : JDBC + classAndType[i])
          .append(".class) ")
          .append(classAndType[i + 1])
          .append(" f")
          .append(i / 2)
          .append(";\n");
    }
    return b.toString();
  }

  /**
   * Each of Hibernate's {@code JdbcType} classes of {@code org.hibernate.type.descriptor.jdbc} that
   * PostgreSQL can use maps as its DDL type code does, sized by the Java type ({@code
   * VarcharJdbcType} on an {@code Integer} is {@code varchar(11)}, on a {@code UUID} {@code
   * varchar(36)}).
   */
  @Test
  void jdbcTypeClassesOfHibernate() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Typed",
        "@Entity public class Typed {\n  @Id Long id;\n"
            + jdbcTypeFields(
                "BigIntJdbcType", "Integer",
                "IntegerJdbcType", "Long",
                "SmallIntJdbcType", "Integer",
                "TinyIntJdbcType", "Integer",
                "TinyIntAsSmallIntJdbcType", "Byte",
                "BooleanJdbcType", "Integer",
                "DoubleJdbcType", "Float",
                "DoubleJdbcType", "java.math.BigDecimal",
                "FloatJdbcType", "Double",
                "RealJdbcType", "Double",
                "NumericJdbcType", "Integer",
                "NumericJdbcType", "Long",
                "NumericJdbcType", "Short",
                "NumericJdbcType", "Byte",
                "DecimalJdbcType", "Integer",
                "CharJdbcType", "String",
                "CharJdbcType", "Character",
                "CharJdbcType", "java.util.UUID",
                "NCharJdbcType", "String",
                "VarcharJdbcType", "Integer",
                "VarcharJdbcType", "Long",
                "VarcharJdbcType", "Short",
                "VarcharJdbcType", "Byte",
                "VarcharJdbcType", "java.util.UUID",
                "VarcharJdbcType", "java.math.BigDecimal",
                "VarcharJdbcType", "java.time.LocalDate",
                "NVarcharJdbcType", "Integer",
                "LongVarcharJdbcType", "String",
                "LongNVarcharJdbcType", "String",
                "VarbinaryJdbcType", "java.util.UUID",
                "BinaryJdbcType", "byte[]",
                "LongVarbinaryJdbcType", "byte[]",
                "DateJdbcType", "java.time.LocalDateTime",
                "TimeJdbcType", "java.time.LocalDateTime",
                "TimestampJdbcType", "java.time.Instant",
                "TimestampWithTimeZoneJdbcType", "java.time.LocalDateTime",
                "TimeWithTimeZoneJdbcType", "java.time.OffsetTime",
                "TimeUtcAsJdbcTimeJdbcType", "java.time.OffsetTime",
                "TimestampUtcAsInstantJdbcType", "java.time.Instant",
                "InstantJdbcType", "java.time.Instant",
                "InstantAsTimestampJdbcType", "java.time.Instant",
                "LocalDateJdbcType", "java.time.LocalDate",
                "LocalDateTimeJdbcType", "java.time.LocalDateTime",
                "LocalTimeJdbcType", "java.time.LocalTime",
                "OffsetDateTimeJdbcType", "java.time.OffsetDateTime",
                "OffsetTimeJdbcType", "java.time.OffsetTime",
                "ZonedDateTimeJdbcType", "java.time.ZonedDateTime",
                "DurationJdbcType", "java.time.Duration",
                "UUIDJdbcType", "String")
            + "  @org.hibernate.annotations.JdbcType("
            + JDBC
            + "VarcharJdbcType.class) @Column(length = 12) Integer sized;\n"
            + "  @org.hibernate.annotations.JdbcType("
            + JDBC
            + "LongVarcharJdbcType.class) @Column(length = 100) String longSized;\n"
            + "}\n");
  }

  /**
   * PostgreSQL's own {@code JdbcType} classes ({@code org.hibernate.dialect} in 6.6, {@code
   * org.hibernate.dialect.type} in 7): enum types (labels sorted for {@code NAMED_ENUM}, in
   * declaration order for {@code NAMED_ORDINAL_ENUM}), {@code uuid}, {@code inet}, {@code interval
   * second(6)}, {@code jsonb}.
   */
  @Test
  void postgresqlJdbcTypeClasses() throws Exception {
    String pkg =
        NamingOption.hibernate().startsWith("6")
            ? "org.hibernate.dialect."
            : "org.hibernate.dialect.type.";
    assertSame(
        NamingOption.JPA,
        "Mood",
        "public enum Mood { SAD, HAPPY, CALM }",
        "Weather",
        "public enum Weather { RAIN, FOG }",
        "Typed",
        "@Entity public class Typed {\n  @Id Long id;\n"
            + jdbcTypeFields(
                pkg + "PostgreSQLEnumJdbcType", "Mood",
                pkg + "PostgreSQLOrdinalEnumJdbcType", "Weather",
                pkg + "PostgreSQLUUIDJdbcType", "java.util.UUID",
                pkg + "PostgreSQLInetJdbcType", "String",
                pkg + "PostgreSQLCastingInetJdbcType", "java.net.InetAddress",
                pkg + "PostgreSQLIntervalSecondJdbcType", "java.time.Duration",
                pkg + "PostgreSQLCastingIntervalSecondJdbcType", "java.time.Duration",
                pkg + "PostgreSQLJsonPGObjectJsonType", "String",
                pkg + "PostgreSQLJsonPGObjectJsonbType", "java.util.Map<String, Object>")
            + "}\n");
  }

  /**
   * An enum with a character JDBC type stores its names, with the same check as
   * {@code @Enumerated(STRING)}; with {@code SMALLINT} or {@code INTEGER} its ordinals.
   */
  @Test
  void enumsWithJdbcTypes() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Mood",
        "public enum Mood { SAD, HAPPY, CALM }",
        "Typed",
        "@Entity public class Typed {\n  @Id Long id;\n"
            + jdbcTypeFields("CharJdbcType", "Mood", "VarcharJdbcType", "Mood")
            + "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER) Mood i;\n"
            + "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.SMALLINT) Mood s;\n"
            + "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ORDINAL_ENUM)"
            + " Mood o;\n"
            + "}\n");
  }

  /** {@code @JdbcTypeCode} maps as the JDBC type of its code, sized by the Java type. */
  @Test
  void jdbcTypeCodes() throws Exception {
    String[] codeAndType = {
      "BIT",
      "Boolean",
      "TINYINT",
      "Byte",
      "FLOAT",
      "Double",
      "DOUBLE",
      "Float",
      "NUMERIC",
      "Integer",
      "DECIMAL",
      "Long",
      "CHAR",
      "String",
      "NCHAR",
      "Integer",
      "VARCHAR",
      "Integer",
      "VARCHAR",
      "java.util.UUID",
      "LONGVARCHAR",
      "String",
      "LONG32VARCHAR",
      "String",
      "LONG32VARBINARY",
      "byte[]",
      "BLOB",
      "byte[]",
      "CLOB",
      "String",
      "NCLOB",
      "String",
      "MATERIALIZED_CLOB",
      "String",
      "TIME_WITH_TIMEZONE",
      "java.time.OffsetTime",
      "TIME_UTC",
      "java.time.OffsetTime",
      "TIMESTAMP_UTC",
      "java.time.Instant",
      "SQLXML",
      "String",
      "INET",
      "String",
      "INTERVAL_SECOND",
      "java.time.Duration",
      "UUID",
      "String",
      "JSON",
      "java.util.Map<String, Object>",
      "VARCHAR",
      "java.util.Locale",
      "VARCHAR",
      "java.util.Currency",
      "VARCHAR",
      "java.time.ZoneOffset",
      "CHAR",
      "java.time.ZoneId",
      "NUMERIC",
      "java.math.BigDecimal",
      "NUMERIC",
      "java.time.Duration"
    };
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < codeAndType.length; i += 2) {
      fields
          .append("  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.")
          .append(codeAndType[i])
          .append(") ")
          .append(codeAndType[i + 1])
          .append(" c")
          .append(i / 2)
          .append(";\n");
    }
    assertSame(
        NamingOption.JPA,
        "Coded",
        "@Entity public class Coded {\n  @Id Long id;\n" + fields + "}\n");
  }

  /**
   * An application's {@code JdbcType} or {@code JavaType} subclass of one of Hibernate's that
   * overrides nothing maps as Hibernate's class; {@code @JdbcType} wins over {@code @JdbcTypeCode},
   * and {@code @JdbcTypeCode} over {@code @JavaType}, whose Java type sizes the column; an
   * application's {@code AbstractClassJavaType} with a {@code @JdbcTypeCode} or a {@code
   * columnDefinition}.
   */
  @Test
  void applicationJdbcTypeAndJavaTypeClasses() throws Exception {
    assertSame(
        NamingOption.JPA,
        "ShortText",
        "public class ShortText extends org.hibernate.type.descriptor.jdbc.VarcharJdbcType {}",
        "Counter",
        "public class Counter extends org.hibernate.type.descriptor.java.IntegerJavaType {}",
        "Money",
        "public class Money implements java.io.Serializable { public String amount; }",
        "MoneyJavaType",
        """
        public class MoneyJavaType
            extends org.hibernate.type.descriptor.java.AbstractClassJavaType<Money> {
          public MoneyJavaType() { super(Money.class); }
          @Override public <X> X unwrap(
              Money value, Class<X> type, org.hibernate.type.descriptor.WrapperOptions options) {
            return null;
          }
          @Override public <X> Money wrap(
              X value, org.hibernate.type.descriptor.WrapperOptions options) {
            return null;
          }
        }
        """,
        "Ledger",
        """
        @Entity public class Ledger {
          @Id Long id;
          @org.hibernate.annotations.JdbcType(ShortText.class) Integer a;
          @org.hibernate.annotations.JdbcType(ShortText.class) @Column(length = 30) String b;
          @org.hibernate.annotations.JavaType(Counter.class) Integer c;
          @org.hibernate.annotations.JavaType(Counter.class)
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR) Integer d;
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.VarcharJdbcType.class)
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT) Integer e;
          @org.hibernate.annotations.JavaType(MoneyJavaType.class)
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR) Money f;
          @org.hibernate.annotations.JavaType(MoneyJavaType.class)
          @Column(columnDefinition = "varchar(64)") Money g;
        }
        """);
  }

  /**
   * A converter from {@code Boolean} gets {@code check (<column> in (<false>,<true>))} on every
   * line, with the value of {@code null} third when the converter gives one ({@code
   * BooleanJavaType.getCheckCondition}): computed by running the converter when the model is read.
   * Also on a collection's elements and an embeddable's attributes.
   */
  @Test
  void booleanConvertersAreCheckedOnEveryLine() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Flags",
        """
        public class Flags {
          public static class AsChar implements AttributeConverter<Boolean, Character> {
            public Character convertToDatabaseColumn(Boolean b) {
              return b == null ? null : b ? 'J' : 'N';
            }
            public Boolean convertToEntityAttribute(Character c) { return c == null ? null : c == 'J'; }
          }
          public static class AsWord implements AttributeConverter<Boolean, String> {
            public String convertToDatabaseColumn(Boolean b) {
              return b == null ? "unknown" : b ? "yes" : "no";
            }
            public Boolean convertToEntityAttribute(String s) { return "yes".equals(s); }
          }
          public static class AsNumber implements AttributeConverter<Boolean, Short> {
            public Short convertToDatabaseColumn(Boolean b) {
              return b == null ? null : (short) (b ? -1 : 0);
            }
            public Boolean convertToEntityAttribute(Short s) { return s == null ? null : s != 0; }
          }
        }
        """,
        "Switches",
        """
        @Embeddable public class Switches {
          @Convert(converter = Flags.AsChar.class) Boolean lights;
          @Convert(converter = org.hibernate.type.YesNoConverter.class) boolean heating;
        }
        """,
        "House",
        """
        @Entity public class House {
          @Id Long id;
          @Convert(converter = Flags.AsChar.class) Boolean open;
          @Convert(converter = Flags.AsWord.class) @Column(name = "\\"Sold\\"") Boolean sold;
          @Convert(converter = Flags.AsNumber.class) boolean listed;
          @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) Boolean garden;
          @Convert(converter = Flags.AsChar.class) @ElementCollection java.util.List<Boolean> votes;
          Switches switches;
        }
        """);
  }

  /**
   * A map's key is typed by {@code @MapKeyJdbcTypeCode} (and {@code @MapKeyJdbcType},
   * {@code @MapKeyJavaType}), never by the {@code @JdbcType} or {@code @JdbcTypeCode} of the
   * attribute, which type the map's values (and a collection's elements).
   */
  @Test
  void mapKeysAndElementsWithJdbcTypes() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Keyed",
        """
        @Entity public class Keyed {
          @Id Long id;
          @ElementCollection
          @org.hibernate.annotations.MapKeyJdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NUMERIC)
          java.util.Map<Integer, Long> amounts;
          @ElementCollection
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.VarcharJdbcType.class)
          java.util.Map<Long, Integer> counts;
          @ElementCollection
          @org.hibernate.annotations.MapKeyJdbcType(org.hibernate.type.descriptor.jdbc.CharJdbcType.class)
          java.util.Map<java.util.UUID, String> labels;
          @ElementCollection
          @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.CharJdbcType.class)
          java.util.Set<java.util.UUID> tokens;
        }
        """);
  }

  /**
   * {@code @Converter(autoApply = true)} converts every basic value of its domain type, but not an
   * {@code @Enumerated} one nor where {@code @Convert(disableConversion = true)} says so: the
   * column type is the converter's, and its check follows the converter rules (a {@code Boolean} on
   * every line, an enum from 7.0 on).
   */
  @Test
  void autoAppliedConvertersShapeColumnsAndChecks() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Level",
        "public enum Level { LOW, MID, HIGH }",
        "LevelCode",
        """
        @Converter(autoApply = true)
        public class LevelCode implements AttributeConverter<Level, String> {
          public String convertToDatabaseColumn(Level l) { return l == null ? null : l.name().substring(0, 1); }
          public Level convertToEntityAttribute(String s) { return null; }
        }
        """,
        "Tick",
        """
        @Converter(autoApply = true)
        public class Tick implements AttributeConverter<Boolean, Character> {
          public Character convertToDatabaseColumn(Boolean b) { return b == null ? null : b ? 'x' : ' '; }
          public Boolean convertToEntityAttribute(Character c) { return c == null ? null : c == 'x'; }
        }
        """,
        "Gauge",
        """
        @Entity public class Gauge {
          @Id Long id;
          Level level;
          @Enumerated(EnumType.STRING) Level named;
          @Convert(disableConversion = true) Level ordinal;
          Boolean on;
          boolean armed;
          @ElementCollection java.util.Set<Level> history;
          @ElementCollection java.util.Map<Level, Boolean> switches;
        }
        """);
  }

  /**
   * The inverse side of a {@code @OneToMany(mappedBy = ...)} keeps a list's {@code @OrderColumn}
   * (nullable unless it says otherwise; {@code check (col >= 0)} under 7.4) and a map's key column
   * (always nullable) in the target's table; found by probing 7.4's order-column checks. Both
   * namings.
   */
  @Test
  void inverseOneToManyKeepsItsOrderAndKeyColumnsOnTheTarget() throws Exception {
    String imports = "package com.acme;\nimport jakarta.persistence.*;\n";
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "com.acme.Playlist",
        imports
            + """
            @Entity public class Playlist {
              @Id Long id;
              @OneToMany(mappedBy = "playlist") @OrderColumn java.util.List<Track> tracks;
              @OneToMany(mappedBy = "pinnedOn") @OrderColumn(name = "pinPosition", nullable = false)
              java.util.List<Track> pinned;
              @OneToMany(mappedBy = "byCode") @MapKeyColumn(name = "code", length = 20)
              java.util.Map<String, Track> tracksByCode;
              @OneToMany(mappedBy = "byGenre") @MapKeyEnumerated(EnumType.STRING)
              java.util.Map<Genre, Track> tracksByGenre;
            }
            """);
    sources.put(
        "com.acme.Track",
        imports
            + """
            @Entity public class Track {
              @Id Long id; @ManyToOne Playlist playlist; @ManyToOne Playlist pinnedOn;
              @ManyToOne Playlist byCode; @ManyToOne Playlist byGenre;
            }
            """);
    sources.put("com.acme.Genre", "package com.acme;\npublic enum Genre { JAZZ, FOLK }\n");
    for (NamingOption naming : NamingOption.values()) {
      Differential.run(sources, naming, work.resolve(naming.name()))
          .assertSame("Hibernate " + NamingOption.hibernate() + ", naming " + naming);
    }
  }

  /**
   * A {@code @OneToMany} map with {@code @JoinColumn} puts its key column on the child's table,
   * nullable (the processor made it {@code NOT NULL}, as in a collection table); found with the
   * inverse side's key column above. Both namings.
   */
  @Test
  void oneToManyMapWithJoinColumnHasANullableKeyColumn() throws Exception {
    String imports = "package com.acme;\nimport jakarta.persistence.*;\n";
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "com.acme.Shelf",
        imports
            + """
            @Entity public class Shelf {
              @Id Long id;
              @OneToMany @JoinColumn(name = "shelf_id") @MapKeyColumn(name = "slot")
              java.util.Map<String, Book> bySlot;
              @OneToMany @JoinColumn(name = "shelf_id", nullable = false) @MapKeyColumn(name = "rackSlot")
              java.util.Map<Integer, Tape> tapes;
            }
            """);
    sources.put("com.acme.Book", imports + "@Entity public class Book { @Id Long id; }");
    sources.put("com.acme.Tape", imports + "@Entity public class Tape { @Id Long id; }");
    for (NamingOption naming : NamingOption.values()) {
      Differential.run(sources, naming, work.resolve(naming.name()))
          .assertSame("Hibernate " + NamingOption.hibernate() + ", naming " + naming);
    }
  }

  /**
   * The columns {@code @OneToMany @JoinColumn} collections add to the child's table (join column,
   * list order column, map key column) come in the order Hibernate runs the collections' second
   * passes: an owning collection's goes on top of the queue, so the last one bound comes first
   * (entities in binding order, {@code Aviary} before {@code Zoo}; attributes in name order), and
   * the inverse side's order column after them all. The processor sorted them by attribute name.
   */
  @Test
  void oneToManyJoinColumnsFollowHibernatesSecondPassOrder() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Zoo",
        """
        @Entity public class Zoo {
          @Id Long id;
          @OneToMany @JoinColumn(name = "z_zoo") java.util.Set<Animal> zeta;
          @OneToMany @JoinColumn(name = "m_zoo") @OrderColumn(name = "m_pos") java.util.List<Animal> middle;
          @OneToMany @JoinColumn(name = "a_zoo") @MapKeyColumn(name = "a_key")
          java.util.Map<String, Animal> alpha;
          @OneToMany(mappedBy = "keeper") @OrderColumn(name = "kept_pos") java.util.List<Animal> kept;
          String title;
        }
        """,
        "Animal",
        "@Entity public class Animal { @Id Long id; String name; @ManyToOne Zoo keeper; }",
        "Aviary",
        """
        @Entity public class Aviary {
          @Id Long id;
          @OneToMany @JoinColumn(name = "y_aviary") java.util.Set<Animal> ypsilon;
          @OneToMany @JoinColumn(name = "x_aviary") @OrderColumn java.util.List<Animal> xi;
        }
        """);
  }

  /** The same with snake_case naming and implicit join and key column names. */
  @Test
  void oneToManyJoinColumnsFollowHibernatesSecondPassOrderSnakeCase() throws Exception {
    assertSame(
        NamingOption.SNAKE_CASE,
        "Shelf",
        """
        @Entity public class Shelf {
          @Id Long id;
          @OneToMany @JoinColumn java.util.Set<Book> newArrivals;
          @OneToMany @JoinColumn @OrderColumn java.util.List<Book> classics;
          @OneToMany @JoinColumn java.util.Map<String, Book> byTitle;
        }
        """,
        "Book",
        "@Entity public class Book { @Id Long id; String name; }",
        "Cart",
        "@Entity public class Cart { @Id Long id; @OneToMany @JoinColumn java.util.Set<Book> load; }");
  }

  /**
   * Hibernate refuses {@code @OrderColumn} on the inverse side of a {@code @ManyToMany} at
   * start-up, and so does the processor, at compile time.
   */
  @Test
  void manyToManyInverseSideWithOrderColumnIsRefused() throws Exception {
    Path src = work.resolve("src/com/acme");
    Files.createDirectories(src);
    String imports = "package com.acme;\nimport jakarta.persistence.*;\n";
    Files.writeString(
        src.resolve("Post.java"),
        imports
            + "@Entity public class Post { @Id Long id; @ManyToMany java.util.List<Tag> tags; }");
    Files.writeString(
        src.resolve("Tag.java"),
        imports
            + """
            @Entity public class Tag {
              @Id Long id; @ManyToMany(mappedBy = "tags") @OrderColumn java.util.List<Post> posts;
            }
            """);
    List<Path> sources = CompiledModel.sources(work.resolve("src"));
    CompiledModel plain = CompiledModel.withoutProcessor(sources, work.resolve("plain"));
    try {
      assertThatThrownBy(
              () -> SchemaDescription.hibernate(plain, NamingOption.JPA, work.resolve("ddl")))
          .hasStackTraceContaining(
              "Collection 'com.acme.Tag.posts' is the unowned side of a bidirectional"
                  + " '@ManyToMany' and may not have an '@OrderColumn'");
    } finally {
      plain.loader().close();
    }
    assertThatThrownBy(
            () -> CompiledModel.withProcessor(sources, work.resolve("classes"), NamingOption.JPA))
        .isInstanceOf(CompiledModel.CompilationFailed.class)
        .hasMessageContaining(
            "@OrderColumn on Tag.posts, the inverse side of a @ManyToMany(mappedBy = \"tags\")");
  }

  /**
   * A small {@code org.hibernate.usertype.UserType} whose {@code getSqlType()} is {@code sqlType}
   * (a {@code SqlTypes} constant): the 6.6 abstract methods, which 7.x still declares (as
   * defaults).
   */
  private static String userType(String simpleName, String sqlType) {
    return """
        import java.io.Serializable;
        import java.sql.*;
        import org.hibernate.engine.spi.SharedSessionContractImplementor;
        public class NAME implements org.hibernate.usertype.UserType<Object> {
          public int getSqlType() { return org.hibernate.type.SqlTypes.SQL_TYPE; }
          public Class<Object> returnedClass() { return Object.class; }
          public boolean equals(Object a, Object b) { return java.util.Objects.equals(a, b); }
          public int hashCode(Object a) { return java.util.Objects.hashCode(a); }
          public Object nullSafeGet(ResultSet rs, int p, SharedSessionContractImplementor s, Object o)
              throws SQLException { return rs.getObject(p); }
          public void nullSafeSet(PreparedStatement st, Object v, int i, SharedSessionContractImplementor s)
              throws SQLException { st.setObject(i, v); }
          public Object deepCopy(Object v) { return v; }
          public boolean isMutable() { return false; }
          public Serializable disassemble(Object v) { return (Serializable) v; }
          public Object assemble(Serializable c, Object o) { return c; }
        }
        """
        .replace("NAME", simpleName)
        .replace("SQL_TYPE", sqlType);
  }

  /**
   * {@code @org.hibernate.annotations.Type(SomeUserType.class)} types the column by the UserType's
   * {@code getSqlType()} (Hibernate's {@code CustomType}), whatever the Java type,
   * {@code @Enumerated} or a {@code @JdbcTypeCode} next to it say, on a collection's element too; a
   * {@code columnDefinition} still decides the column, with no enum check. Without one the
   * processor records {@code USER_TYPE_NOT_MODELLED}, since the type comes from code: Hibernate
   * makes {@code jsonb} of a {@code Map} and {@code integer} of a {@code String} here. Checked on
   * 6.6.33, 7.2.19 and 7.4.13.
   */
  @Test
  void userTypeColumnsFollowTheColumnDefinition() throws Exception {
    assertSame(
        NamingOption.JPA,
        "JsonUt",
        userType("JsonUt", "JSON"),
        "IntUt",
        userType("IntUt", "INTEGER"),
        "OtherUt",
        userType("OtherUt", "OTHER"),
        "Level",
        "public enum Level { LOW, HIGH }",
        "Doc",
        """
        @Entity public class Doc {
          @Id Long id;
          @org.hibernate.annotations.Type(JsonUt.class) @Column(columnDefinition = "jsonb")
          java.util.Map<String, Object> data;
          @org.hibernate.annotations.Type(IntUt.class)
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
          @Column(columnDefinition = "text", nullable = false) String code;
          @Enumerated(EnumType.STRING) @org.hibernate.annotations.Type(OtherUt.class)
          @Column(columnDefinition = "text") Level level;
          @ElementCollection @org.hibernate.annotations.Type(IntUt.class)
          @Column(columnDefinition = "integer") java.util.List<String> codes;
        }
        """);
    Map<String, String> sources = new LinkedHashMap<>();
    String header = "package com.acme;\nimport jakarta.persistence.*;\n";
    sources.put("com.acme.JsonUt", header + userType("JsonUt", "JSON"));
    sources.put("com.acme.IntUt", header + userType("IntUt", "INTEGER"));
    sources.put(
        "com.acme.Raw",
        header
            + """
            @Entity public class Raw {
              @Id Long id;
              @org.hibernate.annotations.Type(JsonUt.class) java.util.Map<String, Object> data;
              @org.hibernate.annotations.Type(IntUt.class)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT) String code;
            }
            """);
    Path raw = work.resolve("raw");
    List<Path> files = Differential.write(sources, raw.resolve("src"));
    CompiledModel model =
        CompiledModel.withProcessor(files, raw.resolve("classes"), NamingOption.JPA);
    try {
      assertThat(SchemaDescription.hibernate(model, NamingOption.JPA, raw.resolve("ddl")).script())
          .contains("data jsonb")
          .contains("code integer");
      assertThat(model.snapshot().capture().problems())
          .extracting(Snapshot.ModelProblem::describe)
          .containsExactlyInAnyOrder(
              "com.acme.Raw.data (table raw, column data): @Type(com.acme.JsonUt.class) on Raw.data:"
                  + " Hibernate types the column by the UserType's getSqlType(), code that Migrate cannot"
                  + " run at compile time, so it cannot tell the column type (Hibernate ignores"
                  + " @JdbcTypeCode and @JdbcType next to @Type). State the column type with"
                  + " @Column(columnDefinition = \"jsonb\") (the type the UserType stands for;"
                  + " @MapKeyColumn for a map key), which Hibernate uses as well.",
              "com.acme.Raw.code (table raw, column code): @Type(com.acme.IntUt.class) on Raw.code:"
                  + " Hibernate types the column by the UserType's getSqlType(), code that Migrate cannot"
                  + " run at compile time, so it cannot tell the column type (Hibernate ignores"
                  + " @JdbcTypeCode and @JdbcType next to @Type). State the column type with"
                  + " @Column(columnDefinition = \"jsonb\") (the type the UserType stands for;"
                  + " @MapKeyColumn for a map key), which Hibernate uses as well.");
    } finally {
      model.loader().close();
    }
  }

  /**
   * {@code @Convert} with {@code @Enumerated} on a basic attribute: Hibernate 7 refuses to start
   * ({@code BasicValueBinder}: "'AttributeConverter' not allowed for attribute 'level' annotated
   * '@jakarta.persistence.Enumerated'"), so the processor refuses it (a compile error); 6.6 ignores
   * the converter and maps the column as {@code @Enumerated} says, so the processor does too, with
   * a warning. On an element collection every line ignores the converter. Checked on 6.6.33, 7.2.19
   * and 7.4.13.
   */
  @Test
  void converterWithEnumeratedIsIgnoredOrRefused() throws Exception {
    String converter =
        """
        @Converter
        public class LevelCode implements AttributeConverter<Level, String> {
          public String convertToDatabaseColumn(Level l) { return l == null ? null : l.name().substring(0, 1); }
          public Level convertToEntityAttribute(String s) { return null; }
        }
        """;
    String header = "package com.acme;\nimport jakarta.persistence.*;\n";
    Map<String, String> collections = new LinkedHashMap<>();
    collections.put("com.acme.Level", header + "public enum Level { LOW, MID, HIGH }");
    collections.put("com.acme.LevelCode", header + converter);
    collections.put(
        "com.acme.Sensor",
        header
            + """
            @Entity public class Sensor {
              @Id Long id;
              @ElementCollection @Convert(converter = LevelCode.class) @Enumerated(EnumType.STRING)
              java.util.Set<Level> named;
              @ElementCollection @Convert(converter = LevelCode.class) @Enumerated
              java.util.List<Level> ordinals;
            }
            """);
    String basic =
        """
        @Entity public class Gauge {
          @Id Long id;
          @Convert(converter = LevelCode.class) @Enumerated(EnumType.STRING) Level named;
          @Convert(converter = LevelCode.class) @Enumerated Level ordinal;
        }
        """;
    if (NamingOption.hibernate().equals("6.6")) {
      collections.put("com.acme.Gauge", header + basic);
    }
    Differential.run(collections, NamingOption.JPA, work.resolve("ignored"))
        .assertSame("Hibernate " + NamingOption.hibernate());
    if (NamingOption.hibernate().equals("6.6")) {
      return;
    }
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("com.acme.Level", header + "public enum Level { LOW, MID, HIGH }");
    sources.put("com.acme.LevelCode", header + converter);
    sources.put("com.acme.Gauge", header + basic);
    Path dir = work.resolve("refused");
    List<Path> files = Differential.write(sources, dir.resolve("src"));
    CompiledModel hibernateOnly =
        CompiledModel.withoutProcessor(files, dir.resolve("plain-classes"));
    try {
      assertThatThrownBy(
              () ->
                  SchemaDescription.hibernate(hibernateOnly, NamingOption.JPA, dir.resolve("ddl")))
          .hasStackTraceContaining(
              "'AttributeConverter' not allowed for attribute 'named' annotated"
                  + " '@jakarta.persistence.Enumerated'");
    } finally {
      hibernateOnly.loader().close();
    }
    assertThatThrownBy(
            () -> CompiledModel.withProcessor(files, dir.resolve("classes"), NamingOption.JPA))
        .isInstanceOf(CompiledModel.CompilationFailed.class)
        .hasMessageContaining(
            "@Convert(converter = com.acme.LevelCode.class) on Gauge.named, which is also"
                + " @Enumerated: Hibernate 7 refuses to start")
        .hasMessageContaining("on Gauge.ordinal, which is also @Enumerated");
  }

  /**
   * An explicit {@code @Convert} on a map converts its value, as {@code attributeName = "value"}
   * does; only {@code attributeName = "key"} converts the key (JPA 3.1 section 11.1.10). The
   * processor converted both key and value. Checked on 6.6.33, 7.2.19 and 7.4.13 (where {@code
   * "key.x"} for a field {@code x} of an embeddable key converted nothing either).
   */
  @Test
  void mapConverterAppliesToTheValueUnlessItNamesTheKey() throws Exception {
    assertSame(
        NamingOption.JPA,
        "Counted",
        """
        @Converter
        public class Counted implements AttributeConverter<String, Integer> {
          public Integer convertToDatabaseColumn(String s) { return s == null ? null : s.length(); }
          public String convertToEntityAttribute(Integer n) { return null; }
        }
        """,
        "Level",
        "public enum Level { LOW, HIGH }",
        "LevelCode",
        """
        @Converter
        public class LevelCode implements AttributeConverter<Level, String> {
          public String convertToDatabaseColumn(Level l) { return l == null ? null : l.name().substring(0, 1); }
          public Level convertToEntityAttribute(String s) { return null; }
        }
        """,
        "Board",
        """
        @Entity public class Board {
          @Id Long id;
          @ElementCollection @Convert(converter = Counted.class) java.util.Map<String, String> plain;
          @ElementCollection @Convert(converter = Counted.class, attributeName = "value")
          java.util.Map<String, String> values;
          @ElementCollection @Convert(converter = Counted.class, attributeName = "key")
          java.util.Map<String, String> keys;
          @ElementCollection @Convert(converter = Counted.class, attributeName = "key")
          @Convert(converter = Counted.class, attributeName = "value")
          java.util.Map<String, String> both;
          @ElementCollection @Convert(converter = LevelCode.class) java.util.Map<Level, Level> levels;
        }
        """);
  }

  /**
   * {@code @CompositeType(MoneyType.class)}: Hibernate maps the columns of the class the
   * CompositeUserType's {@code embeddable()} returns ({@code amount numeric(38,2), currency
   * varchar(255)} here), which the processor cannot call, so it records {@code
   * COMPOSITE_TYPE_NOT_MODELLED} (it reported an unmapped {@code Money} before, advising a
   * converter or a {@code @JdbcTypeCode}). The type declares {@code instantiate} in its 6.6 and its
   * 7.x form. Checked on 6.6.33, 7.2.19 and 7.4.13.
   */
  @Test
  void compositeUserTypeColumnsComeFromCode() throws Exception {
    String header = "package com.acme;\nimport jakarta.persistence.*;\n";
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "com.acme.Money",
        header + "public class Money { java.math.BigDecimal amount; String currency; }");
    sources.put(
        "com.acme.MoneyType",
        header
            + """
            import java.io.Serializable;
            import org.hibernate.engine.spi.SessionFactoryImplementor;
            import org.hibernate.metamodel.spi.ValueAccess;
            public class MoneyType implements org.hibernate.usertype.CompositeUserType<Money> {
              public static class Mapping { java.math.BigDecimal amount; String currency; }
              public Object getPropertyValue(Money m, int p) { return p == 0 ? m.amount : m.currency; }
              public Money instantiate(ValueAccess v, SessionFactoryImplementor f) { return new Money(); }
              public Money instantiate(ValueAccess v) { return new Money(); }
              public Class<?> embeddable() { return Mapping.class; }
              public Class<Money> returnedClass() { return Money.class; }
              public boolean equals(Money a, Money b) { return a == b; }
              public int hashCode(Money a) { return System.identityHashCode(a); }
              public Money deepCopy(Money v) { return v; }
              public boolean isMutable() { return true; }
              public Serializable disassemble(Money v) { return null; }
              public Money assemble(Serializable c, Object o) { return null; }
              public Money replace(Money a, Money b, Object o) { return a; }
            }
            """);
    sources.put(
        "com.acme.Offer",
        header
            + """
            @Entity public class Offer {
              @Id Long id;
              @org.hibernate.annotations.CompositeType(MoneyType.class) Money price;
            }
            """);
    Path dir = work.resolve("composite");
    List<Path> files = Differential.write(sources, dir.resolve("src"));
    CompiledModel model =
        CompiledModel.withProcessor(files, dir.resolve("classes"), NamingOption.JPA);
    try {
      assertThat(SchemaDescription.hibernate(model, NamingOption.JPA, dir.resolve("ddl")).script())
          .contains("amount numeric(38,2)")
          .contains("currency varchar(255)");
      assertThat(model.snapshot().capture().problems())
          .extracting(Snapshot.ModelProblem::describe)
          .containsExactly(
              "com.acme.Offer.price (table offer, column price): @CompositeType(com.acme.MoneyType.class)"
                  + " on Offer.price: Hibernate maps the columns of the class the CompositeUserType's"
                  + " embeddable() returns, code that Migrate cannot run at compile time, so it cannot"
                  + " tell the columns. Map the value as an @Embeddable (with @EmbeddableInstantiator if it"
                  + " needs one to be built), whose fields Migrate reads.");
    } finally {
      model.loader().close();
    }
  }
}
