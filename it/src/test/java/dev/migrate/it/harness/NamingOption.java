package dev.migrate.it.harness;

import java.util.List;
import java.util.Map;

/**
 * The processor's {@code -Amigrate.naming} values and the Hibernate configuration each one stands
 * for; the tests give Hibernate exactly these strategies, so the processor and Hibernate must agree
 * on every name.
 */
public enum NamingOption {

  /** {@code -Amigrate.naming=jpa}, the default: Hibernate's own defaults. */
  JPA(
      "jpa",
      "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
      "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl"),

  /**
   * {@code -Amigrate.naming=snake_case}: what Spring Boot configures, {@code
   * CamelCaseToUnderscoresNamingStrategy} (part of hibernate-core 6 and 7, deprecated in 7, so
   * named here by its class name) and Spring's implicit join-table names ({@link
   * SpringImplicitNamingStrategy}).
   */
  SNAKE_CASE(
      "snake_case",
      "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
      SpringImplicitNamingStrategy.class.getName());

  private final String option;
  private final String physical;
  private final String implicit;

  NamingOption(String option, String physical, String implicit) {
    this.option = option;
    this.physical = physical;
    this.implicit = implicit;
  }

  /** The processor argument, e.g. {@code -Amigrate.naming=snake_case}. */
  public String processorArgument() {
    return "-Amigrate.naming=" + option;
  }

  /** The processor arguments: the naming and the Hibernate line under test ({@link #hibernate}). */
  public List<String> processorArguments() {
    return List.of(processorArgument(), "-Amigrate.hibernate=" + hibernate());
  }

  /**
   * The Hibernate line the tests run against, {@code 6.6}, {@code 7.2} or {@code 7.4}: the system
   * property {@code migrate.it.hibernate}, which the {@code it}, {@code it-hibernate7} and {@code
   * it-hibernate74} modules set.
   */
  public static String hibernate() {
    return System.getProperty("migrate.it.hibernate", "6.6");
  }

  /** The Hibernate settings that select the same naming. */
  public Map<String, Object> hibernateSettings() {
    return Map.of(
        "hibernate.physical_naming_strategy", physical,
        "hibernate.implicit_naming_strategy", implicit);
  }
}
