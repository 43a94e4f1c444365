package dev.migrate.it.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.it.harness.NamingOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule in which Hibernate 6.6, 7.2 and 7.4 differ on PostgreSQL, against the real metadata of
 * the Hibernate on the test class path: the processor, told that version, must describe the schema
 * Hibernate describes; and Hibernate's side must show the rule of its version, so that a test
 * Hibernate of the wrong line cannot pass unnoticed. Runs in {@code it} (6.6.33), {@code
 * it-hibernate7} (7.2.19) and {@code it-hibernate74} (7.4.13).
 */
class HibernateVersionDifferencesTest {

  @TempDir Path work;

  private static final boolean SEVEN = !NamingOption.hibernate().equals("6.6");

  /** Hibernate 7.4 (Spring Boot 4.1's, module {@code it-hibernate74}) and its own rules. */
  private static final boolean SEVEN_FOUR = NamingOption.hibernate().equals("7.4");

  private static Map<String, String> entities(String... simpleNameAndBody) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < simpleNameAndBody.length; i += 2) {
      sources.put(
          "com.acme." + simpleNameAndBody[i],
          "package com.acme;\nimport jakarta.persistence.*;\n" + simpleNameAndBody[i + 1]);
    }
    return sources;
  }

  private String hibernate(Map<String, String> sources, NamingOption naming) throws Exception {
    Differential.Outcome outcome = Differential.run(sources, naming, work);
    outcome.assertSame("Hibernate " + NamingOption.hibernate());
    return outcome.hibernate().description();
  }

  @Test
  void orderColumnsChecked() throws Exception {
    String schema =
        hibernate(
            entities(
                "Board",
                """
                @Entity public class Board {
                  @Id Long id;
                  @ElementCollection @OrderColumn java.util.List<String> lanes;
                  @OneToMany @OrderColumn java.util.List<Card> cards;
                  @OneToMany @JoinColumn(name = "pinned_on") @OrderColumn(name = "pin")
                  java.util.List<Card> pinned;
                }
                """,
                "Card",
                "@Entity public class Card { @Id Long id; }"),
            NamingOption.JPA);
    assertThat(schema.contains("  check lanes_order>=0\n")).isEqualTo(SEVEN_FOUR);
    assertThat(schema.contains("  check cards_order>=0\n")).isEqualTo(SEVEN_FOUR);
    assertThat(schema.contains("  check pin>=0\n")).isEqualTo(SEVEN_FOUR);
  }

  @Test
  void versionColumnsNotNull() throws Exception {
    String schema =
        hibernate(
            entities(
                "Ticket",
                "@Entity public class Ticket { @Id Long id; @Version Long version; }",
                "Stamp",
                "@Entity public class Stamp { @Id Long id; @Version java.time.Instant at; }"),
            NamingOption.JPA);
    assertThat(schema)
        .contains(
            SEVEN_FOUR ? "  version bigint not null\n" : "  version bigint\n",
            SEVEN_FOUR ? "  at timestamptz(6) not null\n" : "  at timestamptz(6)\n");
  }

  @Test
  void elementSetsUnique() throws Exception {
    String schema =
        hibernate(
            entities(
                "Shelf",
                """
                @Entity public class Shelf {
                  @Id Long id;
                  @ElementCollection java.util.Set<String> labels;
                  @ElementCollection java.util.List<String> notes;
                  @ElementCollection java.util.Set<Slot> slots;
                }
                """,
                "Slot",
                "@Embeddable public class Slot { int row; String code; }"),
            NamingOption.JPA);
    assertThat(schema.contains("  unique [shelf_id, labels]\n")).isEqualTo(SEVEN_FOUR);
    assertThat(schema).doesNotContain("unique [shelf_id, notes]");
  }

  @Test
  void timeColumns() throws Exception {
    String schema =
        hibernate(
            entities(
                "Times",
                """
                @Entity public class Times {
                  @Id Long id; java.time.LocalTime localTime; java.sql.Time sqlTime;
                  @Temporal(TemporalType.TIME) java.util.Date temporalTime;
                }
                """),
            NamingOption.JPA);
    assertThat(schema).contains(SEVEN ? "  localtime time(0)\n" : "  localtime time(6)\n");
  }

  @Test
  void floatingPointMappedToNumeric() throws Exception {
    String schema =
        hibernate(
            entities(
                "Amounts",
                """
                @Entity public class Amounts {
                  @Id Long id;
                  @org.hibernate.annotations.JdbcTypeCode(java.sql.Types.NUMERIC) Double d;
                  @org.hibernate.annotations.JdbcTypeCode(java.sql.Types.DECIMAL) float f;
                }
                """),
            NamingOption.JPA);
    assertThat(schema).contains(SEVEN ? "  d numeric(17,2)\n" : "  d numeric(53,2)\n");
  }

  @Test
  void singleTableDiscriminatorAndSubclassChecks() throws Exception {
    String schema =
        hibernate(
            entities(
                "Party",
                "@Entity public class Party { @Id Long id; @Version int version; }",
                "Person",
                """
                @Entity public class Person extends Party {
                  int age; String nick; @Basic(optional = false) String name;
                  @Column(nullable = false) String required;
                  @ManyToOne(optional = false) Party guardian;
                }
                """,
                "Firm",
                "@Entity @DiscriminatorValue(\"F\") public class Firm extends Party { String vat; }",
                "Employee",
                "@Entity public class Employee extends Person { long badge; }"),
            NamingOption.JPA);
    assertThat(schema.contains("check dtypein")).isEqualTo(SEVEN);
    assertThat(schema)
        .contains(SEVEN ? "  guardian_id bigint\n" : "  guardian_id bigint not null\n");
  }

  @Test
  void joinedDiscriminatorChecks() throws Exception {
    String schema =
        hibernate(
            entities(
                "Vehicle",
                """
                @Entity @Inheritance(strategy = InheritanceType.JOINED) @DiscriminatorColumn
                public class Vehicle { @Id Long id; }
                """,
                "Car",
                "@Entity public class Car extends Vehicle { int seats; }"),
            NamingOption.JPA);
    assertThat(
            schema.contains("check dtypein'car','vehicle'")
                || schema.contains("check dtypein'vehicle','car'"))
        .isEqualTo(SEVEN);
  }

  @Test
  void namesWithADollar() throws Exception {
    String schema =
        hibernate(
            entities(
                "Ledger",
                "@Entity public class Ledger { @Id Long id; @Column(name = \"Net$Amount\") String n; }"),
            NamingOption.JPA);
    assertThat(schema)
        .contains(SEVEN ? "  net$amount varchar(255)\n" : "  Net$Amount varchar(255)\n");
  }

  @Test
  void springNamingOfDigitsAndQuotedNames() throws Exception {
    String schema =
        hibernate(
            entities(
                "Oauth2Client",
                """
                @Entity public class Oauth2Client {
                  @Id Long id; String sha256Hash; @Column(name = "\\"MixedCase\\"") String mixed;
                }
                """),
            NamingOption.SNAKE_CASE);
    assertThat(schema)
        .contains(
            SEVEN ? "table oauth2_client\n" : "table oauth2client\n",
            SEVEN ? "  sha256_hash varchar(255)\n" : "  sha256hash varchar(255)\n",
            SEVEN ? "  MixedCase varchar(255)\n" : "  mixed_case varchar(255)\n");
  }

  /** The probe's converters: an enum to String, Integer and Character, a Boolean to Character. */
  static final String[] CONVERTERS = {
    "Status",
    "public enum Status { ACTIVE, RETIRED }",
    "Prio",
    "public enum Prio { LOW(1), HIGH(5); final int code; Prio(int code) { this.code = code; } }",
    "StatusConverter",
    """
    public class StatusConverter implements AttributeConverter<Status, String> {
      public String convertToDatabaseColumn(Status s) {
        return s == null ? null : s.name().toLowerCase(java.util.Locale.ROOT);
      }
      public Status convertToEntityAttribute(String s) {
        return s == null ? null : Status.valueOf(s.toUpperCase(java.util.Locale.ROOT));
      }
    }
    """,
    "PrioConverter",
    """
    public class PrioConverter implements AttributeConverter<Prio, Integer> {
      public Integer convertToDatabaseColumn(Prio p) { return p == null ? null : p.code; }
      public Prio convertToEntityAttribute(Integer c) {
        return c == null ? null : c == 1 ? Prio.LOW : Prio.HIGH;
      }
    }
    """,
    "CharConverter",
    """
    public class CharConverter implements AttributeConverter<Status, Character> {
      public Character convertToDatabaseColumn(Status s) {
        return s == null ? null : s.name().charAt(0);
      }
      public Status convertToEntityAttribute(Character c) {
        return c == null ? null : c == 'A' ? Status.ACTIVE : Status.RETIRED;
      }
    }
    """,
    "BoolConverter",
    """
    public class BoolConverter implements AttributeConverter<Boolean, Character> {
      public Character convertToDatabaseColumn(Boolean b) { return b == null ? null : b ? 'T' : 'F'; }
      public Boolean convertToEntityAttribute(Character c) { return c == null ? null : c == 'T'; }
    }
    """,
    "NullConverter",
    """
    public class NullConverter implements AttributeConverter<Status, String> {
      public String convertToDatabaseColumn(Status s) {
        return s == Status.ACTIVE ? "x'y" : null;
      }
      public Status convertToEntityAttribute(String s) {
        return s == null ? Status.RETIRED : Status.ACTIVE;
      }
    }
    """
  };

  /**
   * Hibernate 7 checks a column converted from an enum over the values its converter gives each
   * constant ({@code EnumJavaType.getCheckCondition}), {@code or <column> is null} when one gives
   * {@code null}; 6.6 does not. A converter from {@code Boolean} is checked on both.
   */
  @Test
  void enumConverterChecks() throws Exception {
    String[] sources = java.util.Arrays.copyOf(CONVERTERS, CONVERTERS.length + 2);
    sources[CONVERTERS.length] = "Thing";
    sources[CONVERTERS.length + 1] =
        """
        @Entity public class Thing { @Id Long id;
          @Convert(converter = StatusConverter.class) Status status;
          @Convert(converter = PrioConverter.class) Prio prio;
          @Convert(converter = CharConverter.class) Status initial;
          @Convert(converter = BoolConverter.class) Boolean flag;
          @Convert(converter = NullConverter.class) Status odd;
          @Convert(converter = StatusConverter.class) @Column(length = 20) Status sized;
          @Convert(converter = org.hibernate.type.YesNoConverter.class) Boolean yn;
          @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) Boolean nb;
          @Convert(converter = org.hibernate.type.TrueFalseConverter.class) boolean tf;
        }
        """;
    Differential.Outcome outcome = Differential.run(entities(sources), NamingOption.JPA, work);
    String script = outcome.hibernate().script();
    outcome.assertSame("Hibernate " + NamingOption.hibernate());
    assertThat(script).contains("flag char(1) check (", "flag in ('F','T')");
    assertThat(script).contains("nb integer check (", "nb in (0,1)");
    assertThat(script.contains("status in ('active','retired')")).isEqualTo(SEVEN);
    assertThat(script.contains("odd in ('x''y') or odd is null")).isEqualTo(SEVEN);
    assertThat(script.contains("prio in (1,5)")).isEqualTo(SEVEN);
    assertThat(script.contains("initial in ('A','R')")).isEqualTo(SEVEN);
    assertThat(checks(outcome))
        .containsAll(
            java.util.List.of(
                "flag in ('F','T')", "nb in (0,1)", "tf in ('F','T')", "yn in ('N','Y')"));
    assertThat(checks(outcome).contains("status in ('active','retired')")).isEqualTo(SEVEN);
    assertThat(checks(outcome).contains("odd in ('x''y') or odd is null")).isEqualTo(SEVEN);
  }

  /**
   * The check expressions of the Migrate side, exactly as the model holds them (not normalised).
   */
  private static java.util.List<String> checks(Differential.Outcome outcome) {
    return outcome.migrateDatabase().tables().stream()
        .flatMap(t -> t.checkConstraints().stream())
        .map(dev.migrate.model.CheckConstraint::expression)
        .toList();
  }
}
