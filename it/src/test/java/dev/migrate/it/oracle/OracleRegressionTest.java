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
}
