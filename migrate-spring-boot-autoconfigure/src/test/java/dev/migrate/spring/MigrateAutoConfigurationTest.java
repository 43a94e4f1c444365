package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import dev.migrate.spring.fixtures.Greeting;
import dev.migrate.spring.fixtures.Migrations;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auto-configuration in a Spring Boot 3.5 context with JPA ({@code ddl-auto=validate}) and
 * {@code JdbcTemplate}, on a fresh PostgreSQL database per test; {@code examples/spring-boot} runs
 * a whole application on Spring Boot 3.5 and 4.0.
 */
@Tag("postgres")
class MigrateAutoConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EntityScan(basePackageClasses = Greeting.class)
  static class Entities {}

  @TempDir Path classes;

  private TestDatabases database;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = new TestDatabases();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    database.close();
  }

  @Test
  void upgradesBeforeJpaValidatesAndBeforeJdbcTemplateUsers() throws IOException {
    runner(Migrations.model(), Migrations.CreateGreeting.class)
        .withPropertyValues("migrate.check-on-start=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context
                          .getBean(JdbcTemplate.class)
                          .queryForObject("SELECT text FROM greeting WHERE id = 1", String.class))
                  .isEqualTo("hello");
              assertThat(
                      context
                          .getBeanFactory()
                          .getBeanDefinition("entityManagerFactory")
                          .getDependsOn())
                  .contains("migrateInitializer");
              assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
                  .contains("migrateInitializer");
              assertThat(context.getBean(MigrateInitializer.class).upgrade().single().to())
                  .isEqualTo("a1b2c3d4e5f6");
            });
  }

  @Test
  void withoutMigrateJpaValidationFindsNoTable() throws IOException {
    runner(Migrations.model(), Migrations.CreateGreeting.class)
        .withPropertyValues("migrate.enabled=false")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(messages(context.getStartupFailure()))
                  .contains("missing table [greeting]");
            });
  }

  @Test
  void aFailedRevisionFailsStartUpNamingTheRevisionAndTheStatement() throws IOException {
    runner(Migrations.model(), Migrations.CreateGreeting.class, Migrations.Broken.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              MigrateException cause = migrateException(context.getStartupFailure());
              assertThat(cause.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
              assertThat(cause.getMessage())
                  .contains("b2c3d4e5f6a7")
                  .contains("ALTER TABLE no_such_table ADD COLUMN x integer")
                  .contains("relation \"no_such_table\" does not exist");
              FailureAnalysis analysis =
                  new MigrateFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains(cause.getMessage());
              assertThat(analysis.getAction()).startsWith("Fix the revision named above");
            });
  }

  @Test
  void checkOnStartFailsWhenTheModelHasWhatNoMigrationCreates() throws IOException {
    Database model =
        new Database(
            List.of(
                Migrations.greeting(),
                dev.migrate.runtime.Ddl.table(
                    "farewell",
                    dev.migrate.runtime.Ddl.column("id", dev.migrate.runtime.Ddl.bigint()))),
            List.of());
    runner(model, Migrations.CreateGreeting.class)
        .withPropertyValues("migrate.check-on-start=true")
        .run(
            context -> {
              assertThat(context).hasFailed();
              MigrateException cause = migrateException(context.getStartupFailure());
              assertThat(cause.code()).isEqualTo(ErrorCode.NOT_AT_HEAD);
              assertThat(cause.getMessage())
                  .startsWith(
                      "Schema public: The model and the migrations disagree (check mode live)")
                  .contains("farewell")
                  .endsWith("(migrate.check-on-start=true; set it to false to start anyway.)");
            });
  }

  @Test
  void schemaGroupsWithoutAMigrationsPackageFailNamingTheProperty() throws IOException {
    Table greeting = Migrations.greeting();
    Table invoice =
        new Table(
            "billing",
            "invoice",
            greeting.columns(),
            greeting.primaryKey(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    runner(new Database(List.of(invoice), List.of()), Migrations.CreateGreeting.class)
        .run(
            context -> {
              MigrateException cause = migrateException(context.getStartupFailure());
              assertThat(cause.code()).isEqualTo(ErrorCode.CONFIGURATION);
              assertThat(cause.getMessage())
                  .startsWith("The entity model places tables in schemas (")
                  .contains("set migrate.migrations-package");
            });
  }

  @Test
  void targetAndSchemasComeFromTheProperties() throws IOException {
    runner(Migrations.model(), Migrations.CreateGreeting.class, Migrations.Broken.class)
        .withPropertyValues(
            "migrate.target=a1b2c3d4e5f6",
            "migrate.schemas=app",
            "spring.jpa.hibernate.ddl-auto=none")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(MigrateInitializer.class).upgrade().single())
                  .satisfies(
                      run -> {
                        assertThat(run.schema()).isEqualTo("app");
                        assertThat(run.to()).isEqualTo("a1b2c3d4e5f6");
                      });
              assertThat(
                      context
                          .getBean(JdbcTemplate.class)
                          .queryForObject("SELECT text FROM app.greeting", String.class))
                  .isEqualTo("hello");
            });
  }

  /**
   * A converter check the application's classes cannot resolve is left out of the model with a
   * warning in the log: the start-up check passes, since the migrations create no such check.
   */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(
      org.springframework.boot.test.system.OutputCaptureExtension.class)
  void anUnresolvedConverterCheckIsLoggedAndLeftOut(
      org.springframework.boot.test.system.CapturedOutput output) throws IOException {
    Snapshot snapshot =
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            new Snapshot.Capture(
                "jpa",
                null,
                List.of(),
                List.of(),
                List.of(
                    new Snapshot.ConverterCheck(
                        null,
                        "greeting",
                        "text",
                        "greeting_text_check",
                        "text",
                        "dev.migrate.spring.fixtures.Greeting.text",
                        "com.acme.GoneConverter",
                        Snapshot.ConverterCheck.BOOLEAN,
                        List.of(),
                        Snapshot.ConverterCheck.Literal.STRING))),
            Migrations.model(),
            List.of(),
            List.of(),
            "6.6");
    runner(snapshot, Migrations.CreateGreeting.class)
        .withPropertyValues("migrate.check-on-start=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(output.getAll())
                  .contains(
                      "Converter check left out: dev.migrate.spring.fixtures.Greeting.text (table"
                          + " greeting, column text) is converted by com.acme.GoneConverter, but"
                          + " the converter class com.acme.GoneConverter is not on the class path.");
            });
  }

  /**
   * A context over a class loader whose revisions index lists {@code migrations} and whose {@value
   * Snapshot#RESOURCE} holds {@code model}, as the model processor writes them.
   */
  private ApplicationContextRunner runner(Database model, Class<?>... migrations)
      throws IOException {
    return runner(new Snapshot(Snapshot.FORMAT_VERSION, model, List.of(), List.of()), migrations);
  }

  /** {@link #runner(Database, Class[])} with a whole snapshot. */
  private ApplicationContextRunner runner(Snapshot snapshot, Class<?>... migrations)
      throws IOException {
    Path index = classes.resolve(Snapshot.REVISIONS_RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(
        index,
        Arrays.stream(migrations).map(Class::getName).collect(Collectors.joining("\n", "", "\n")));
    Files.writeString(classes.resolve(Snapshot.RESOURCE), SnapshotJson.write(snapshot));
    ClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return new ApplicationContextRunner()
        .withClassLoader(loader)
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class,
                HibernateJpaAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                MigrateAutoConfiguration.class))
        .withUserConfiguration(Entities.class)
        .withPropertyValues(
            "spring.datasource.url=" + database.url(),
            "spring.datasource.username=" + TestDatabases.USER,
            "spring.datasource.password=" + TestDatabases.PASSWORD,
            "spring.jpa.hibernate.ddl-auto=validate",
            "spring.jpa.open-in-view=false");
  }

  private static MigrateException migrateException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MigrateException e) {
        return e;
      }
    }
    throw new AssertionError("no MigrateException in " + failure, failure);
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
