package dev.migrate.it.oracle;

import dev.migrate.it.harness.NamingOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each counterexample the generative oracle ({@link GenerativeOracleTest}) found, shrunk by hand to
 * the rule it broke, run against the Hibernate on the test class path (6.6 in {@code it}, 7.2 in
 * {@code it-hibernate7}).
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
}
