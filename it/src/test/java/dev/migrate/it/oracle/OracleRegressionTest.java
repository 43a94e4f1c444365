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
}
