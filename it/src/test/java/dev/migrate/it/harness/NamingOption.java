package dev.migrate.it.harness;

import java.util.Map;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;

/**
 * The processor's {@code -Amigrate.naming} values and the Hibernate configuration each one stands
 * for; the tests give Hibernate exactly these strategies, so the processor and Hibernate must agree
 * on every name.
 */
public enum NamingOption {

  /** {@code -Amigrate.naming=jpa}, the default: Hibernate's own defaults. */
  JPA(
      "jpa",
      PhysicalNamingStrategyStandardImpl.class,
      ImplicitNamingStrategyJpaCompliantImpl.class),

  /**
   * {@code -Amigrate.naming=snake_case}: what Spring Boot configures, {@code
   * CamelCaseToUnderscoresNamingStrategy} (part of hibernate-core 6) and Spring's implicit
   * join-table names ({@link SpringImplicitNamingStrategy}).
   */
  SNAKE_CASE(
      "snake_case", CamelCaseToUnderscoresNamingStrategy.class, SpringImplicitNamingStrategy.class);

  private final String option;
  private final Class<?> physical;
  private final Class<?> implicit;

  NamingOption(String option, Class<?> physical, Class<?> implicit) {
    this.option = option;
    this.physical = physical;
    this.implicit = implicit;
  }

  /** The processor argument, e.g. {@code -Amigrate.naming=snake_case}. */
  public String processorArgument() {
    return "-Amigrate.naming=" + option;
  }

  /** The Hibernate settings that select the same naming. */
  public Map<String, Object> hibernateSettings() {
    return Map.of(
        "hibernate.physical_naming_strategy", physical.getName(),
        "hibernate.implicit_naming_strategy", implicit.getName());
  }
}
