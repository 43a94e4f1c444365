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
}
