package dev.migrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.AutogenResult;
import dev.migrate.ConnectionSettings;
import dev.migrate.Migrate;
import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.FreshDatabase;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.it.harness.PostgresTest;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: under Spring Boot's naming, {@code @RenamedFrom("birthDate")} (the old attribute name,
 * not the column {@code birth_date}) makes autogen write a rename, and the rows keep their data
 * through the generated migration on a real PostgreSQL.
 */
@PostgresTest
class RenamedFromSnakeCaseTest {

  private static final String PACKAGE = "com.acme.db.migrations";

  @Test
  void aFieldRenamedByItsOldAttributeNameKeepsItsData(@TempDir Path work) throws Exception {
    CompiledModel before =
        model(work.resolve("v1"), "@Id private Long id; private java.time.LocalDate birthDate;");
    CompiledModel after =
        model(
            work.resolve("v2"),
            "@Id private Long id;"
                + " @dev.migrate.annotations.RenamedFrom(\"birthDate\") private java.time.LocalDate"
                + " bornOn;");

    try (FreshDatabase database = FreshDatabase.create("proc_renamed_from")) {
      ConnectionSettings settings =
          new ConnectionSettings(database.url(), database.user(), database.password());
      Path sources = work.resolve("migrations-src");
      Path classes = Files.createDirectories(work.resolve("migrations"));
      List<Class<?>> revisions = new ArrayList<>();
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        revisions.add(
            autogenerateAndCompile(
                settings, revisions, before, "create customer", sources, classes, loader));
        Migrate.configure().connection(settings).migrations(revisions).load().upgrade("head");
        try (Connection c = database.connect();
            Statement s = c.createStatement()) {
          s.execute("INSERT INTO customer (id, birth_date) VALUES (1, DATE '1990-04-05')");
        }

        AutogenResult rename =
            Migrate.configure()
                .connection(settings)
                .migrations(revisions)
                .load()
                .autogenerate(after.snapshot().database(), "rename birth date", sources, PACKAGE);
        String source = Files.readString(rename.file().orElseThrow());
        assertThat(source)
            .contains("op.renameColumn(\"customer\", \"birth_date\", \"born_on\");")
            .doesNotContain("dropColumn")
            .doesNotContain("addColumn");
        assertThat(rename.warnings()).isEmpty();
      }
      // compile the rename revision beside the first and upgrade
      CompiledModel.compileMigrations(
          CompiledModel.sources(sources), classes, List.of(after.classes()));
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        List<Class<?>> all = new ArrayList<>();
        for (Path file : CompiledModel.sources(sources)) {
          all.add(
              loader.loadClass(PACKAGE + "." + file.getFileName().toString().replace(".java", "")));
        }
        Migrate migrate = Migrate.configure().connection(settings).migrations(all).load();
        assertThat(migrate.upgrade("head").revisions()).hasSize(1);
        assertThat(
                migrate
                    .autogenerate(after.snapshot().database(), "again", sources, PACKAGE)
                    .noChanges())
            .isTrue();
      }
      try (Connection c = database.connect();
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT id, born_on FROM customer")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong("id")).isEqualTo(1);
        assertThat(rows.getDate("born_on").toLocalDate())
            .isEqualTo(java.time.LocalDate.of(1990, 4, 5));
        assertThat(rows.next()).isFalse();
      }
    }
  }

  private static CompiledModel model(Path root, String body) throws Exception {
    Path source = root.resolve("src/com/acme/Customer.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package com.acme;\nimport jakarta.persistence.*;\n@Entity public class Customer { "
            + body
            + " }\n");
    return CompiledModel.withProcessor(
        List.of(source), root.resolve("classes"), NamingOption.SNAKE_CASE);
  }

  private static Class<?> autogenerateAndCompile(
      ConnectionSettings settings,
      List<Class<?>> revisions,
      CompiledModel model,
      String message,
      Path sources,
      Path classes,
      URLClassLoader loader)
      throws Exception {
    AutogenResult result =
        Migrate.configure()
            .connection(settings)
            .migrations(revisions)
            .load()
            .autogenerate(model.snapshot().database(), message, sources, PACKAGE);
    Path file = result.file().orElseThrow();
    CompiledModel.compileMigrations(List.of(file), classes, List.of(model.classes()));
    return loader.loadClass(PACKAGE + "." + file.getFileName().toString().replace(".java", ""));
  }
}
