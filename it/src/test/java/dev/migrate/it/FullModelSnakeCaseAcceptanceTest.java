package dev.migrate.it;

import dev.migrate.it.harness.AcceptanceSuite;
import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.it.harness.PostgresTest;
import java.nio.file.Path;
import java.util.List;

/**
 * The acceptance checks of issue 3 on the full test model ({@code src/test/resources/fullmodel},
 * every item of the mapping surface) with {@code -Amigrate.naming=snake_case}. What
 * Hibernate does that Migrate does not mirror: as listed on {@link FullModelJpaAcceptanceTest}.
 */
@PostgresTest
class FullModelSnakeCaseAcceptanceTest extends AcceptanceSuite {

  @Override
  protected List<Path> sources() {
    return CompiledModel.sources(HarnessSelfTest.FULL_MODEL);
  }

  @Override
  protected NamingOption naming() {
    return NamingOption.SNAKE_CASE;
  }

  @Override
  protected String label() {
    return "full_snake";
  }
}
