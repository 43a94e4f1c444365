package dev.migrate.it;

import dev.migrate.it.harness.AcceptanceSuite;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.it.harness.PostgresTest;
import java.nio.file.Path;
import java.util.List;

/**
 * The acceptance checks on the model the processor supports today, with {@code
 * -Amigrate.naming=jpa}: the quickstart's entities and the type matrix ({@code
 * src/test/resources/acceptance}, one attribute of every Java type the processor maps).
 */
@PostgresTest
class SmallModelJpaAcceptanceTest extends AcceptanceSuite {

  @Override
  protected List<Path> sources() {
    return SmallModel.sources();
  }

  @Override
  protected NamingOption naming() {
    return NamingOption.JPA;
  }

  @Override
  protected String label() {
    return "small_jpa";
  }
}
