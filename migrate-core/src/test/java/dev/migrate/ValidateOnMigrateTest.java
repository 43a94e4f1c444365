package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.runner.Checksums;
import dev.migrate.runner.RepairResult;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validate on upgrade and downgrade (Flyway's {@code validateOnMigrate}) and {@code repair}, on a
 * real PostgreSQL: a revision edited after it was applied is refused before any statement runs,
 * accepted on record by repair, and checksums recorded in the legacy format v1 still verify.
 */
@PostgresTest
class ValidateOnMigrateTest extends PerTestDatabase {

  @Revision(id = "c0ffee000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "c0ffee000002", revises = "c0ffee000001", message = "add phone")
  public static class AddPhone implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addColumn("customer", column("phone", varchar(32)));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("customer", column("phone", varchar(32)));
    }
  }

  /** {@link AddPhone} as someone edited it after it was applied: a longer phone. */
  @Revision(id = "c0ffee000002", revises = "c0ffee000001", message = "add phone")
  public static class AddPhoneEdited implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addColumn("customer", column("phone", varchar(64)));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("customer", column("phone", varchar(64)));
    }
  }

  @Revision(id = "c0ffee000003", revises = "c0ffee000002", message = "create note")
  public static class CreateNote implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable(table("note", column("id", bigint()).notNull()));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable(table("note", column("id", bigint()).notNull()));
    }
  }

  private final List<String> log = new ArrayList<>();

  private Migrate migrate(Class<?>... classes) {
    return db.configure().caller(Caller.MAVEN).migrations(List.of(classes)).log(log::add).load();
  }

  private String catalog() throws SQLException {
    return String.join(
        "; ",
        db.rows(
            "SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' ||"
                + " character_maximum_length || ')', '') FROM information_schema.columns WHERE"
                + " table_schema = 'public' ORDER BY table_name, ordinal_position"));
  }

  private List<String> history() throws SQLException {
    return db.rows(
        "SELECT revision || ' ' || direction || ' ' || success FROM migrate_history ORDER BY id");
  }

  @Test
  void anEditedRevisionIsRefusedBeforeAnythingRunsThenAcceptedByRepair() throws SQLException {
    migrate(CreateCustomer.class, AddPhone.class, CreateNote.class).upgrade("c0ffee000002");
    String before = catalog();
    List<String> historyBefore = history();
    assertThat(before).contains("customer.phone character varying(32)").doesNotContain("note.");

    Migrate edited = migrate(CreateCustomer.class, AddPhoneEdited.class, CreateNote.class);
    String recorded = RevisionInfo.of(AddPhone.class).checksum();
    String now = RevisionInfo.of(AddPhoneEdited.class).checksum();
    String expected =
        "Refusing to upgrade schema public of "
            + edited.database()
            + ": a revision applied to it was edited since. Nothing was run.\n"
            + "  Revision c0ffee000002 ("
            + AddPhoneEdited.class.getName()
            + ", file dev/migrate/ValidateOnMigrateTest.java): op 1 of 1 changed from"
            + " ...hone\",\"type\":{\"name\":\"varchar\",\"length\":32},\"nullable\":true}}"
            + " to ...hone\",\"type\":{\"name\":\"varchar\",\"length\":64},\"nullable\":true}};"
            + " checksum applied "
            + recorded.substring(0, 16)
            + "..., now "
            + now.substring(0, 16)
            + "...\n"
            + "Revert the edit and put the change in a new revision (`mvn migrate:autogen`), or, if"
            + " the edit is meant (the database already has it), accept it on record with `mvn"
            + " migrate:repair -Dmigrate.revision=c0ffee000002`; from an application, the facade's"
            + " repair(\"c0ffee000002\").";
    assertThatThrownBy(() -> edited.upgrade("head"))
        .isInstanceOf(MigrateException.class)
        .hasMessage(expected)
        .satisfies(
            e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.REVISION_EDITED));
    assertThatThrownBy(() -> edited.downgrade("base"))
        .hasMessageStartingWith("Refusing to downgrade schema public of ")
        .hasMessageContaining("Revision c0ffee000002 (");
    // nothing ran: the catalog, the version table and the history are as before
    assertThat(catalog()).isEqualTo(before);
    assertThat(edited.current()).containsExactly("c0ffee000002");
    assertThat(history()).isEqualTo(historyBefore);

    // repair accepts the edit on record, keeping the rows before it
    RepairResult repaired = edited.repair("c0ffee000002");
    assertThat(repaired.accepted()).hasSize(1);
    assertThat(repaired.accepted().get(0).id()).isEqualTo("c0ffee000002");
    assertThat(repaired.accepted().get(0).recordedChecksum()).isEqualTo(recorded);
    assertThat(repaired.accepted().get(0).checksum()).isEqualTo(now);
    assertThat(log)
        .anyMatch(
            l ->
                l.startsWith("Repaired schema public: accepted the edit. Revision c0ffee000002 ("));
    assertThat(history())
        .containsExactly(
            "c0ffee000001 upgrade true", "c0ffee000002 upgrade true", "c0ffee000002 repair true");
    assertThat(db.rows("SELECT checksum FROM migrate_history WHERE direction = 'repair'"))
        .containsExactly(now);
    assertThat(catalog()).isEqualTo(before);
    assertThat(edited.appliedHistory()).extracting(r -> r.direction()).contains("repair");

    // a second repair finds nothing; upgrade and downgrade go on
    assertThat(edited.repair(null).accepted()).isEmpty();
    assertThat(edited.upgrade("head").to()).isEqualTo("c0ffee000003");
    assertThat(catalog()).contains("note.id bigint");
    assertThat(edited.downgrade("-1").to()).isEqualTo("c0ffee000002");
  }

  @Test
  void repairNamesWhatItCannotRepair() {
    Migrate migrate = migrate(CreateCustomer.class, AddPhone.class, CreateNote.class);
    migrate.upgrade("c0ffee000002");
    assertThat(migrate.repair("c0ffee000002").accepted()).isEmpty();
    assertThatThrownBy(() -> migrate.repair("c0ffee000003"))
        .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.TARGET))
        .hasMessage(
            "repair -Dmigrate.revision=c0ffee000003 names c0ffee000003, which is not applied to"
                + " schema public. Name one applied revision (`mvn migrate:current` shows where the"
                + " schema is), or leave -Dmigrate.revision out to repair every edited one.");
  }

  @Test
  void checksumsRecordedInTheLegacyFormatStillVerify() throws SQLException {
    Migrate migrate = migrate(CreateCustomer.class, AddPhone.class, CreateNote.class);
    migrate.upgrade("c0ffee000002");
    // the history as Migrate 0.1 wrote it: v1 checksums, and no ops column
    db.execute("ALTER TABLE migrate_history DROP COLUMN ops");
    for (Class<?> type : List.of(CreateCustomer.class, AddPhone.class)) {
      RevisionInfo revision = RevisionInfo.of(type);
      db.execute(
          "UPDATE migrate_history SET checksum = '"
              + Checksums.legacy(revision.ops(dev.migrate.runner.Direction.UPGRADE))
              + "' WHERE revision = '"
              + revision.id()
              + "'");
    }
    assertThat(db.rows("SELECT checksum FROM migrate_history ORDER BY id"))
        .allMatch(c -> c.matches("[0-9a-f]{64}"));

    assertThat(migrate.upgrade("head").to()).isEqualTo("c0ffee000003");
    assertThat(
            db.rows(
                "SELECT count(*) FROM information_schema.columns WHERE table_name ="
                    + " 'migrate_history' AND column_name = 'ops'"))
        .containsExactly("1");
    assertThat(db.rows("SELECT checksum FROM migrate_history WHERE revision = 'c0ffee000003'"))
        .containsExactly(RevisionInfo.of(CreateNote.class).checksum());

    // an edit against a v1 checksum is still found; the applied ops were not recorded
    assertThatThrownBy(
            () ->
                migrate(CreateCustomer.class, AddPhoneEdited.class, CreateNote.class)
                    .downgrade("-1"))
        .hasMessageContaining(
            "Revision c0ffee000002 ("
                + AddPhoneEdited.class.getName()
                + ", file dev/migrate/ValidateOnMigrateTest.java): its ops now (1) differ from those"
                + " applied, which were not recorded (applied by an earlier Migrate or an offline"
                + " script); checksum applied "
                + Checksums.legacy(
                        RevisionInfo.of(AddPhone.class).ops(dev.migrate.runner.Direction.UPGRADE))
                    .substring(0, 16)
                + "...");
  }

  @Test
  void theCheckGoalReadsBothFormats() throws SQLException {
    Migrate migrate = migrate(CreateCustomer.class, AddPhone.class);
    migrate.upgrade("head");
    db.execute(
        "UPDATE migrate_history SET checksum = '"
            + Checksums.legacy(
                RevisionInfo.of(AddPhone.class).ops(dev.migrate.runner.Direction.UPGRADE))
            + "' WHERE revision = 'c0ffee000002'");
    assertThat(
            migrate
                .check(
                    dev.migrate.check.CheckMode.LIVE,
                    new dev.migrate.model.Database(
                        List.of(
                            table(
                                "customer",
                                column("id", bigint()).asIdentity(),
                                column("phone", varchar(32)),
                                primaryKey("customer_pkey", "id"))),
                        List.of()))
                .problems())
        .isEmpty();
  }
}
