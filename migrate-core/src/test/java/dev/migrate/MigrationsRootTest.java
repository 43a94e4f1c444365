package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.groups.message.CreateMessage;
import dev.migrate.groups.user.CreateAccount;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.SqlScriptTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Configuration#migrationsRoot}: where revisions come from. No database. */
class MigrationsRootTest {

  private static final List<Class<?>> ALL =
      List.of(CreateAccount.class, CreateMessage.class, SqlScriptTest.CreateCustomer.class);

  private final List<String> infos = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private Configuration configure() {
    return Migrate.configure().migrations(ALL).log(infos::add).warnings(warnings::add);
  }

  private static List<String> ids(Migrate migrate) {
    return migrate.graph().revisions().stream().map(RevisionInfo::id).sorted().toList();
  }

  @Test
  void takesThePackageAndItsSubPackagesAndNamesEachIgnoredRevision() {
    Migrate migrate = configure().migrationsRoot("dev.migrate.groups").load();

    assertThat(ids(migrate)).containsExactly("a10000000001", "b10000000001");
    assertThat(infos)
        .containsExactly(
            "Ignoring revision dev.migrate.runner.SqlScriptTest$CreateCustomer (aaaaaaaaaaa1):"
                + " outside migrationsPackage dev.migrate.groups");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aSubPackageAloneTakesOnlyItself() {
    Migrate migrate = configure().migrationsRoot("dev.migrate.groups.user").load();

    assertThat(ids(migrate)).containsExactly("a10000000001");
    assertThat(infos).hasSize(2);
  }

  @Test
  void aPackageThatOnlySharesAPrefixIsNotASubPackage() {
    Migrate migrate = configure().migrationsRoot("dev.migrate.group").load();

    assertThat(ids(migrate)).isEmpty();
    assertThat(infos).hasSize(3);
  }

  @Test
  void aPackageWithoutRevisionsWhileOthersHaveSomeIsAWarningNamingBoth() {
    Migrate migrate = configure().migrationsRoot("dev.migrate.migrations").load();

    assertThat(ids(migrate)).isEmpty();
    assertThat(warnings)
        .containsExactly(
            "migrationsPackage dev.migrate.migrations holds no revision, but dev.migrate.groups.message,"
                + " dev.migrate.groups.user, dev.migrate.runner hold some: is <migrationsPackage>"
                + " misspelt? New revisions are written into dev.migrate.migrations.");
  }

  @Test
  void warningsGoToTheLogWhenNoWarningConsumerIsSet() {
    List<String> log = new ArrayList<>();
    Migrate.configure()
        .migrations(List.of(SqlScriptTest.CreateCustomer.class))
        .log(log::add)
        .migrationsRoot("dev.migrate.migrations")
        .load();

    assertThat(log).hasSize(2);
    assertThat(log.get(1)).startsWith("Warning: migrationsPackage dev.migrate.migrations holds no");
  }

  @Test
  void withoutARootEveryClassIsTaken() {
    Migrate migrate = configure().load();

    assertThat(ids(migrate)).containsExactly("a10000000001", "aaaaaaaaaaa1", "b10000000001");
    assertThat(infos).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void anEmptyPackageWithNoRevisionsAnywhereIsQuiet() {
    Migrate.configure()
        .log(infos::add)
        .warnings(warnings::add)
        .migrationsRoot("dev.migrate.migrations")
        .load();

    assertThat(infos).isEmpty();
    assertThat(warnings).isEmpty();
  }
}
