package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrate.DowngradeMode;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A downgrade says what it destroys before it runs: the rows holding values in each column and
 * table it drops, counted on a real PostgreSQL; it refuses unless told to drop them.
 */
@PostgresTest
class DowngradeLossTest extends PerTestDatabase {

  @Revision(id = "d0d0d0000001", message = "create customer")
  public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}

  @Revision(id = "d0d0d0000002", revises = "d0d0d0000001", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  private final List<String> log = new ArrayList<>();

  private Migrate migrate() {
    return db.configure()
        .migrations(List.of(CreateCustomer.class, AddEmail.class))
        .log(log::add)
        .load();
  }

  private List<String> columns() throws SQLException {
    return db.rows(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
            + " AND table_name = 'customer' ORDER BY ordinal_position");
  }

  @Test
  void emptyObjectsAreDroppedWithoutAWord() throws SQLException {
    Migrate migrate = migrate();
    migrate.upgrade("head");
    db.execute("INSERT INTO customer (email) VALUES (NULL)");
    // the column holds no value: dropping it loses nothing
    assertThat(migrate.downgrade("-1").to()).isEqualTo("d0d0d0000001");
    assertThat(columns()).containsExactly("id");
    assertThat(log).noneMatch(l -> l.contains("holding"));
  }

  @Test
  void aDowngradeThatDropsValuesIsRefusedNamingThemThenRunsWhenForced() throws SQLException {
    Migrate migrate = migrate();
    migrate.upgrade("head");
    db.execute(
        "INSERT INTO customer (email) SELECT CASE WHEN i <= 1234 THEN 'c' || i || '@acme.com' END"
            + " FROM generate_series(1, 1300) AS i");

    assertThatThrownBy(() -> migrate.downgrade("-1"))
        .isInstanceOf(MigrateException.class)
        .satisfies(
            e ->
                assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.DOWNGRADE_LOSES_DATA))
        .hasMessage(
            "Refusing to downgrade schema public of "
                + migrate.database()
                + ": it would destroy data. Nothing was run.\n"
                + "  Downgrade of d0d0d0000002 drops column public.customer.email holding values in"
                + " 1,234 rows\n"
                + "Back the data up if you need it, then run again with -Dmigrate.force=true to drop"
                + " it (from an application, the facade's downgrade(target,"
                + " DowngradeMode.DROP_VALUES)).");
    assertThatThrownBy(() -> migrate.downgrade("base"))
        .hasMessageContaining(
            "\n  Downgrade of d0d0d0000002 drops column public.customer.email holding values in"
                + " 1,234 rows\n"
                + "  Downgrade of d0d0d0000001 drops table public.customer holding 1,300 rows\n");
    // nothing ran
    assertThat(columns()).containsExactly("id", "email");
    assertThat(migrate.current()).containsExactly("d0d0d0000002");
    assertThat(db.rows("SELECT count(*) FROM migrate_history WHERE direction = 'downgrade'"))
        .containsExactly("0");

    // forced: it runs and says what it dropped
    assertThat(migrate.downgrade("-1", DowngradeMode.DROP_VALUES).to()).isEqualTo("d0d0d0000001");
    assertThat(columns()).containsExactly("id");
    assertThat(log)
        .contains(
            "Downgrade of d0d0d0000002 drops column public.customer.email holding values in 1,234"
                + " rows (forced)");
  }

  @Test
  void inATargetSchemaAndThroughSchemas() throws SQLException {
    Migrate migrate =
        db.configure()
            .schema("tenant_1")
            .migrations(List.of(CreateCustomer.class, AddEmail.class))
            .load();
    migrate.upgrade("head");
    db.execute("INSERT INTO tenant_1.customer (email) VALUES ('a@b.c')");
    assertThatThrownBy(() -> migrate.schemas().downgrade("base"))
        .hasMessageContaining(
            "Downgrade of d0d0d0000002 drops column tenant_1.customer.email holding values in 1 row\n"
                + "  Downgrade of d0d0d0000001 drops table tenant_1.customer holding 1 row\n");
    assertThat(migrate.schemas().downgrade("base", DowngradeMode.DROP_VALUES).outcomes())
        .hasSize(1);
    assertThat(migrate.current()).isEmpty();
  }
}
