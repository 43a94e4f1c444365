package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrate.StampMode;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.model.Database;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A role with USAGE and CREATE on its own schema, and nothing on the database, runs every goal
 * there; a missing privilege fails naming the privilege, the object, the statement and the GRANT.
 * The role is created per test (roles are cluster-wide) and dropped after it.
 */
@PostgresTest
class LeastPrivilegeTest extends PerTestDatabase {

  @Revision(id = "1ea500000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "1ea500000002", revises = "1ea500000001", message = "create invoice")
  public static class CreateInvoice extends CustomerMigrations.CreateInvoice {}

  @Revision(id = "1ea500000003", revises = "1ea500000002", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  private static final List<Class<?>> CHAIN =
      List.of(CreateCustomer.class, CreateInvoice.class, AddEmail.class);

  /** The model the chain reaches. */
  private static final Database MODEL =
      new Database(
          List.of(
              table(
                  "customer",
                  column("id", bigint()).asIdentity(),
                  column("email", varchar(255)),
                  primaryKey("customer_pkey", "id")),
              table("invoice", column("id", bigint()).notNull(), primaryKey("invoice_pkey", "id"))),
          List.of());

  private String role;

  @BeforeEach
  void roleWithItsOwnSchema() throws SQLException {
    role = "mt_role_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    db.execute("CREATE ROLE " + role + " LOGIN");
    db.execute("CREATE SCHEMA app");
    db.execute("GRANT USAGE, CREATE ON SCHEMA app TO " + role);
  }

  @AfterEach
  void dropRole() throws SQLException {
    db.execute("DROP OWNED BY " + role);
    db.execute("DROP ROLE " + role);
  }

  private Migrate asRole(String schema, List<Class<?>> migrations) {
    return Migrate.configure()
        .connection(new ConnectionSettings(db.url(), role, null))
        .schema(schema)
        .migrations(migrations)
        .load();
  }

  @Test
  void aRoleWithCreateOnItsSchemaOnlyRunsEveryGoalThere() throws SQLException {
    assertThat(
            db.rows("SELECT has_database_privilege('" + role + "', current_database(), 'CREATE')"))
        .containsExactly("f");
    Migrate migrate = asRole("app", CHAIN);

    assertThat(migrate.upgrade("head").to()).isEqualTo("1ea500000003");
    assertThat(migrate.current()).containsExactly("1ea500000003");
    assertThat(migrate.compare(MODEL)).isEmpty();
    assertThat(migrate.check(CheckMode.LIVE, MODEL).passed()).isTrue();

    assertThat(migrate.downgrade("-1").to()).isEqualTo("1ea500000002");
    assertThat(migrate.stamp("head", StampMode.KEEP).to()).isEqualTo("1ea500000003");
    // stamped at head without the column: autogen and the live check see it missing
    List<Op> ops = migrate.compare(MODEL);
    assertThat(ops).singleElement().isInstanceOf(AddColumn.class);
    CheckResult check = migrate.check(CheckMode.LIVE, MODEL);
    assertThat(check.passed()).isFalse();
    assertThat(db.rows("SELECT tableowner FROM pg_tables WHERE schemaname = 'app' ORDER BY 1"))
        .containsOnly(role);
  }

  @Test
  void aMissingPrivilegeNamesThePrivilegeTheObjectTheStatementAndTheGrant() throws SQLException {
    db.execute("REVOKE CREATE ON SCHEMA app FROM " + role);
    assertThatThrownBy(() -> asRole("app", CHAIN).upgrade("head"))
        .satisfies(
            e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
        .hasMessageContaining("Cannot upgrade schema app of ")
        .hasMessageContaining(
            "permission denied: role "
                + role
                + " lacks the CREATE privilege on schema app (statement: CREATE TABLE IF NOT EXISTS"
                + " migrate_version (")
        .hasMessageContaining("run: GRANT CREATE ON SCHEMA app TO " + role)
        .hasMessageContaining("Nothing was changed.");

    // a schema that does not exist needs CREATE on the database
    assertThatThrownBy(() -> asRole("other", CHAIN).upgrade("head"))
        .satisfies(
            e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
        .hasMessageContaining(
            "lacks the CREATE privilege on database "
                + db.name()
                + " (statement: CREATE SCHEMA IF NOT EXISTS other)")
        .hasMessageContaining("GRANT CREATE ON DATABASE " + db.name() + " TO " + role);
  }

  @Test
  void aTableOwnedBySomeoneElseNamesItsOwnershipInsteadOfBlamingTheMigration() throws SQLException {
    // customer and invoice created by the superuser; the role may only create in the schema
    db.configure().schema("app").migrations(CHAIN).load().upgrade("1ea500000002");
    db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA app TO " + role);
    assertThatThrownBy(() -> asRole("app", CHAIN).upgrade("head"))
        .satisfies(
            e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
        .hasMessageContaining(
            "Revision 1ea500000003 ("
                + AddEmail.class.getName()
                + ") failed to upgrade schema app: permission denied: role "
                + role
                + " does not own table customer (statement: ALTER TABLE customer ADD COLUMN email"
                + " varchar(255))")
        .hasMessageContaining("ALTER TABLE customer OWNER TO " + role)
        .hasMessageContaining(
            "Nothing of the revision was applied (its transaction rolled back); the schema stays"
                + " at 1ea500000002.");
  }
}
