package dev.migrate.it;

import dev.migrate.it.harness.AcceptanceSuite;
import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.it.harness.PostgresTest;
import java.nio.file.Path;
import java.util.List;

/**
 * The acceptance checks of issue 3 on the full test model ({@code src/test/resources/fullmodel},
 * every item of the mapping surface) with {@code -Amigrate.naming=jpa}.
 *
 * <p>What Hibernate 6.6 does that Migrate chooses not to mirror, and the harness rule that lets it
 * pass:
 *
 * <ul>
 *   <li>the two implicit casts between {@code varchar} and each {@code SqlTypes.NAMED_ENUM} type
 *       ({@link dev.migrate.it.harness.UpdateScript} rule 5, {@link
 *       dev.migrate.it.harness.DumpNormalizer});
 *   <li>names of constraints and indexes, and the order of columns inside a table (Hibernate sorts
 *       them by size); primary keys of several columns do follow Hibernate's export order.
 * </ul>
 */
@PostgresTest
class FullModelJpaAcceptanceTest extends AcceptanceSuite {

  @Override
  protected List<Path> sources() {
    return CompiledModel.sources(HarnessSelfTest.FULL_MODEL);
  }

  @Override
  protected NamingOption naming() {
    return NamingOption.JPA;
  }

  @Override
  protected String label() {
    return "full_jpa";
  }
}
