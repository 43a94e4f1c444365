package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Database;
import dev.migrate.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code -Amigrate.hibernate}: which Hibernate line the processor mirrors, found on the class path
 * by default, recorded in the snapshot, and each rule in which 6.6, 7.2 and 7.4 differ, as the
 * exact model each line gives. (That these are Hibernate's own answers is {@code
 * HibernateVersionDifferencesTest} in {@code it}, against the metadata of each version.)
 */
class HibernateVersionTest {

  private static Snapshot compiled(String version, JavaFileObject... sources) {
    List<String> options = new ArrayList<>();
    if (version != null) {
      options.add("-Amigrate.hibernate=" + version);
    }
    var c = compile(options, sources);
    assertThat(c.errors()).isEmpty();
    return snapshot(c);
  }

  private static Snapshot snakeCase(String version, JavaFileObject... sources) {
    var c =
        compile(List.of("-Amigrate.hibernate=" + version, "-Amigrate.naming=snake_case"), sources);
    assertThat(c.errors()).isEmpty();
    return snapshot(c);
  }

  private static String describe(Snapshot s) {
    return Oracle.describe(s.database());
  }

  static final JavaFileObject NOTE = entity("Note", "@Entity public class Note { @Id Long id; }");

  @Test
  void theHibernateOnTheClassPathDecidesAndTheSnapshotSaysWhich() {
    // the test class path holds hibernate-core 6.6
    assertThat(compiled(null, NOTE).hibernate()).isEqualTo("6.6");
    assertThat(compiled("7.2", NOTE).hibernate()).isEqualTo("7.2");
    assertThat(compiled(" 7.4 ", NOTE).hibernate()).isEqualTo("7.4");
  }

  @Test
  void classesOnlyLaterReleasesHaveMakeThemTheDefault() {
    JavaFileObject since70 =
        source(
            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
            "package org.hibernate.boot.model.naming;"
                + " public class PhysicalNamingStrategySnakeCaseImpl {}");
    JavaFileObject since74 =
        source(
            "org.hibernate.audit.AuditLog",
            "package org.hibernate.audit; public class AuditLog {}");
    assertThat(compiled(null, NOTE, since70).hibernate()).isEqualTo("7.2");
    assertThat(compiled(null, NOTE, since70, since74).hibernate()).isEqualTo("7.4");
  }

  @Test
  void timeColumnsLoseTheirFractionalDigitsIn7() {
    JavaFileObject times =
        entity(
            "Times",
            """
            @Entity public class Times {
              @Id Long id;
              java.time.LocalTime localTime;
              java.sql.Time sqlTime;
              @Temporal(TemporalType.TIME) java.util.Date temporalTime;
              java.time.LocalDateTime stamp;
            }
            """);
    assertThat(describe(compiled("6.6", times)))
        .contains("  localtime time(6)\n", "  sqltime time(6)\n", "  temporaltime time(6)\n")
        .contains("  stamp timestamp(6)\n");
    assertThat(describe(compiled("7.2", times)))
        .contains("  localtime time(0)\n", "  sqltime time(0)\n", "  temporaltime time(0)\n")
        .contains("  stamp timestamp(6)\n");
  }

  @Test
  void floatingPointMappedToNumericTakesDecimalDigitsIn7() {
    JavaFileObject amounts =
        entity(
            "Amounts",
            """
            @Entity public class Amounts {
              @Id Long id;
              @org.hibernate.annotations.JdbcTypeCode(java.sql.Types.NUMERIC) Double d;
              @org.hibernate.annotations.JdbcTypeCode(java.sql.Types.DECIMAL) float f;
            }
            """);
    assertThat(describe(compiled("6.6", amounts)))
        .contains("  d numeric(53,2)\n", "  f numeric(24,2) not null\n");
    assertThat(describe(compiled("7.2", amounts)))
        .contains("  d numeric(17,2)\n", "  f numeric(8,2) not null\n");
  }

  static final List<JavaFileObject> SINGLE_TABLE =
      List.of(
          entity(
              "Party",
              """
              @Entity public class Party { @Id Long id; }
              """),
          entity(
              "Person",
              """
              @Entity public class Person extends Party {
                int age; String nick; @Basic(optional = false) String name;
                @Column(nullable = false) String required;
                @ManyToOne(optional = false) Party guardian;
              }
              """),
          entity(
              "Firm",
              """
              @Entity @DiscriminatorValue("F") public class Firm extends Party { String vat; }
              """));

  @Test
  void singleTableDiscriminatorAndNonOptionalSubclassColumnsAreCheckedIn7() {
    JavaFileObject[] sources = SINGLE_TABLE.toArray(JavaFileObject[]::new);
    assertThat(describe(compiled("6.6", sources)))
        .isEqualTo(
            """
            table party
              dtype varchar(31) not null
              id bigint not null
              vat varchar(255)
              age integer
              name varchar(255)
              nick varchar(255)
              required varchar(255) not null
              guardian_id bigint not null
              primary key [id]
              foreign key [guardian_id] -> party[id]
            """);
    assertThat(describe(compiled("7.2", sources)))
        .isEqualTo(
            """
            table party
              dtype varchar(31) not null
              id bigint not null
              vat varchar(255)
              age integer
              name varchar(255)
              nick varchar(255)
              required varchar(255) not null
              guardian_id bigint
              primary key [id]
              check dtype<>'person'orageisnotnullandguardian_idisnotnullandnameisnotnull
              check dtypein'party','f','person'
              foreign key [guardian_id] -> party[id]
            """);
  }

  @Test
  void joinedDiscriminatorColumnsAreCheckedIn7() {
    JavaFileObject vehicle =
        entity(
            "Vehicle",
            """
            @Entity @Inheritance(strategy = InheritanceType.JOINED)
            @DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER)
            @DiscriminatorValue("1")
            public class Vehicle { @Id Long id; }
            """);
    JavaFileObject car =
        entity(
            "Car",
            "@Entity @DiscriminatorValue(\"2\") public class Car extends Vehicle { int seats; }");
    assertThat(describe(compiled("6.6", vehicle, car))).doesNotContain("check");
    assertThat(describe(compiled("7.2", vehicle, car))).contains("  check dtypein1,2\n");
  }

  @Test
  void namesWithADollarAreQuotedOnlyIn66() {
    JavaFileObject ledger =
        entity(
            "Ledger",
            """
            @Entity public class Ledger { @Id Long id; @Column(name = "Net$Amount") String net; }
            """);
    assertThat(describe(compiled("6.6", ledger))).contains("  Net$Amount varchar(255)\n");
    assertThat(describe(compiled("7.2", ledger))).contains("  net$amount varchar(255)\n");
  }

  @Test
  void springNamingSplitsDigitsAndKeepsQuotedNamesIn7() {
    JavaFileObject client =
        entity(
            "Oauth2Client",
            """
            @Entity public class Oauth2Client {
              @Id Long id; String sha256Hash; @Column(name = "\\"MixedCase\\"") String mixed;
            }
            """);
    assertThat(describe(snakeCase("6.6", client)))
        .startsWith("table oauth2client\n")
        .contains("  sha256hash varchar(255)\n", "  mixed_case varchar(255)\n");
    assertThat(describe(snakeCase("7.2", client)))
        .startsWith("table oauth2_client\n")
        .contains("  sha256_hash varchar(255)\n", "  MixedCase varchar(255)\n");
  }

  @Test
  void release74ChecksOrderColumnsVersionsAndElementSets() {
    JavaFileObject board =
        entity(
            "Board",
            """
            @Entity public class Board {
              @Id Long id;
              @Version Long version;
              @ElementCollection @OrderColumn java.util.List<String> lanes;
              @ElementCollection java.util.Set<String> labels;
            }
            """);
    String v72 = describe(compiled("7.2", board));
    String v74 = describe(compiled("7.4", board));
    assertThat(v72)
        .contains("  version bigint\n")
        .doesNotContain("lanes_order>=0")
        .doesNotContain("unique [board_id, labels]");
    assertThat(v74)
        .contains("  version bigint not null\n")
        .contains("  check lanes_order>=0\n")
        .contains("  unique [board_id, labels]\n");
  }

  @Test
  void snapshotsWithoutTheFieldStillRead() {
    assertThat(new Snapshot(1, Database.empty(), List.of(), List.of()).hibernate()).isNull();
  }
}
