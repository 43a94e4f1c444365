package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.check.CheckMode;
import dev.migrate.model.Database;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database at a revision the code does not know (its class was deleted, or is on a branch not
 * pulled): {@code current} says so, and autogen and the live check give the advice that works (pull
 * the code, or stamp) instead of "run upgrade first", which would fail too.
 */
@PostgresTest
class UnknownRevisionTest extends PerTestDatabase {

  @Revision(id = "0dd000000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "0dd000000002", revises = "0dd000000001", message = "create invoice")
  public static class CreateInvoice extends CustomerMigrations.CreateInvoice {}

  private Migrate withoutInvoice() throws Exception {
    db.configure()
        .migrations(List.of(CreateCustomer.class, CreateInvoice.class))
        .load()
        .upgrade("head");
    return db.configure().caller(Caller.MAVEN).migrations(List.of(CreateCustomer.class)).load();
  }

  @Test
  void currentFlagsARevisionTheCodeDoesNotKnow() throws Exception {
    Current current = withoutInvoice().schemas().current().values().get(0);
    assertThat(current.revisions()).containsExactly("0dd000000002");
    assertThat(current.unknown()).containsExactly("0dd000000002");
    assertThat(current.heads()).containsExactly("0dd000000001");
    assertThat(Current.UNKNOWN_NOTE)
        .isEqualTo(
            "(unknown to the code: not in the migrations package; was it deleted or not yet"
                + " pulled?)");
  }

  @Test
  void autogenAndTheLiveCheckAdvisePullingOrStampingNotUpgrading() throws Exception {
    Migrate migrate = withoutInvoice();
    String advice =
        "Schema public of "
            + db.settings().describe()
            + " is at revision 0dd000000002, which the code does not know: no migration class in"
            + " the migrations package has that id (was it deleted, or is it on a branch not pulled"
            + " yet?). migrate:";
    String fix =
        " needs the schema at a revision of the code, and migrate:upgrade refuses an unknown"
            + " revision too. Pull or check out the code that has revision 0dd000000002 (git log"
            + " --all -S 0dd000000002), or, if the schema really matches a revision of the code,"
            + " record that one: mvn migrate:stamp -Dmigrate.revision=<revision> -Dmigrate.purge"
            + " (the head is 0dd000000001).";
    assertThatThrownBy(() -> migrate.compare(Database.empty()))
        .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.NOT_AT_HEAD))
        .hasMessage(advice + "autogen" + fix);
    assertThatThrownBy(() -> migrate.check(CheckMode.LIVE, Database.empty()))
        .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.NOT_AT_HEAD))
        .hasMessage(advice + "check -Dmigrate.check=live" + fix);
  }
}
