package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Database;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.testing.MigrationSources;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autogen's rename hint on a real database names the field to annotate when the configuration has
 * the snapshot's members ({@link Configuration#modelMembers}), and the column only without them.
 */
@PostgresTest
class RenameHintMembersTest extends PerTestDatabase {

  private static final String PACKAGE = "com.acme.db.migrations";

  @TempDir Path work;

  @Test
  void theHintNamesTheFieldOfTheAddedColumn() throws Exception {
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Database v1 =
        new Database(
            List.of(table("customer", column("id", bigint()).notNull(), column("dob", date()))),
            List.of());
    db.configure().load().autogenerate(v1, "init", sources, PACKAGE);
    MigrationSources.compile(sources, classes);
    db.configure().classLoader(MigrationSources.loader(classes)).load().upgrade("head");
    Database v2 =
        new Database(
            List.of(
                table("customer", column("id", bigint()).notNull(), column("birth_date", date()))),
            List.of());

    List<String> withMembers =
        db.configure()
            .classLoader(MigrationSources.loader(classes))
            .modelMembers(
                List.of(
                    new Snapshot.Member("customer", null, "com.acme.Customer"),
                    new Snapshot.Member(
                        "public.customer", "birth_date", "com.acme.Customer.birthDate")))
            .load()
            .diff(v2)
            .warnings();
    List<String> without =
        db.configure().classLoader(MigrationSources.loader(classes)).load().diff(v2).warnings();

    assertThat(withMembers)
        .containsExactly(
            "table customer: did you rename dob to birth_date? annotate"
                + " com.acme.Customer.birthDate (column birth_date) with @RenamedFrom(\"dob\")"
                + " (autogen wrote drop + add, which loses the data of dob)");
    assertThat(without)
        .containsExactly(
            "table customer: did you rename dob to birth_date? annotate birth_date with"
                + " @RenamedFrom(\"dob\") (autogen wrote drop + add, which loses the data of dob)");
  }
}
