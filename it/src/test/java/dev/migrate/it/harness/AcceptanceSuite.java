package dev.migrate.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance checks of issue 3 for one model and one naming option. Once per class: compile the
 * model with the processor, autogenerate and apply the initial migration on an empty database
 * ("migrate"), and let Hibernate's schema export build a second empty database ("hibernate") from
 * the same classes. Then each test is one check: the round trip, Hibernate's validator, Hibernate's
 * migrator, and the two databases' schema dumps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AcceptanceSuite {

  private CompiledModel model;
  private HibernateOracle hibernate;
  private MigratePipeline pipeline;
  private FreshDatabase migrateDatabase;
  private FreshDatabase hibernateDatabase;

  /** The entity sources (and whatever they need: embeddables, converters, enums). */
  protected abstract List<Path> sources();

  /** The processor option under test, and the Hibernate naming that goes with it. */
  protected abstract NamingOption naming();

  /** A short label for database names ({@code [a-z0-9_]}). */
  protected abstract String label();

  @BeforeAll
  void buildBothDatabases(@TempDir Path work) throws Exception {
    model = CompiledModel.withProcessor(sources(), work.resolve("classes"), naming());
    hibernate = new HibernateOracle(model, naming());
    hibernateDatabase = FreshDatabase.create(label() + "_h");
    hibernate.export(hibernateDatabase);
    migrateDatabase = FreshDatabase.create(label() + "_m");
    pipeline = MigratePipeline.run(model, migrateDatabase, work.resolve("pipeline"));
  }

  @AfterAll
  void dropDatabases() throws Exception {
    if (migrateDatabase != null) {
      migrateDatabase.close();
    }
    if (hibernateDatabase != null) {
      hibernateDatabase.close();
    }
    if (model != null) {
      model.loader().close();
    }
  }

  @Test
  @Order(1)
  void processorCapturesEveryEntity() {
    assertThat(model.snapshot().entities())
        .containsExactlyInAnyOrderElementsOf(model.entityClassNames());
  }

  @Test
  @Order(2)
  void secondAutogenerateFindsNothing() {
    assertThat(pipeline.secondAutogen())
        .as(
            "differences found by autogenerate right after upgrading with the migration:\n%s",
            pipeline.migration())
        .isEmpty();
  }

  @Test
  @Order(3)
  void hibernateValidatorAcceptsTheSchema() {
    hibernate.validate(migrateDatabase);
  }

  @Test
  @Order(4)
  void hibernateMigratorHasNothingToDo() throws Exception {
    Acceptance.assertNothingToUpdate(hibernate, migrateDatabase);
  }

  @Test
  @Order(5)
  void schemaEqualsHibernatesOwnExport() throws Exception {
    Acceptance.assertSameSchema(
        hibernateDatabase, "hibernate export", migrateDatabase, "migrate upgrade");
  }
}
