package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static dev.migrate.processor.Testing.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Column;
import dev.migrate.snapshot.Snapshot;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The default naming follows the application (issue 13): Spring Boot's when its JPA
 * auto-configuration is on the compile class path (Boot 3 and Boot 4 class names), Hibernate's
 * otherwise; {@code -Amigrate.naming} wins; the snapshot records which and why.
 */
class NamingDefaultTest {

  private static final JavaFileObject CUSTOMER =
      entity("Customer", "@Entity public class Customer { @Id Long id; String firstName; }");

  private static JavaFileObject autoConfiguration(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return source(
        qualifiedName,
        "package "
            + qualifiedName.substring(0, dot)
            + "; public class "
            + qualifiedName.substring(dot + 1)
            + " {}");
  }

  @Test
  void withoutSpringBootTheNamingIsHibernates() {
    Snapshot s = snapshot(compile(CUSTOMER));
    assertThat(table(s, "customer").columns()).extracting(Column::name).contains("firstname");
    assertThat(s.capture().naming()).isEqualTo("jpa");
    assertThat(s.capture().describeNaming())
        .isEqualTo(
            "naming jpa (Hibernate's default: no Spring Boot JPA auto-configuration on the compile"
                + " class path; -Amigrate.naming=snake_case overrides)");
  }

  @Test
  void springBoot3sAutoConfigurationMakesItSnakeCase() {
    Snapshot s =
        snapshot(
            compile(
                CUSTOMER,
                autoConfiguration(
                    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration")));
    assertThat(table(s, "customer").columns()).extracting(Column::name).contains("first_name");
    assertThat(s.capture().describeNaming())
        .isEqualTo(
            "naming snake_case (Spring Boot's HibernateJpaAutoConfiguration is on the compile class"
                + " path; -Amigrate.naming=jpa overrides)");
  }

  @Test
  void springBoot4sAutoConfigurationMakesItSnakeCase() {
    Snapshot s =
        snapshot(
            compile(
                CUSTOMER,
                autoConfiguration(
                    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")));
    assertThat(table(s, "customer").columns()).extracting(Column::name).contains("first_name");
    assertThat(s.capture().naming()).isEqualTo("snake_case");
  }

  @Test
  void theOptionWins() {
    Snapshot s =
        snapshot(
            compile(
                List.of("-Amigrate.naming=jpa"),
                CUSTOMER,
                autoConfiguration(
                    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration")));
    assertThat(table(s, "customer").columns()).extracting(Column::name).contains("firstname");
    assertThat(s.capture().describeNaming()).isEqualTo("naming jpa (-Amigrate.naming=jpa)");
  }
}
