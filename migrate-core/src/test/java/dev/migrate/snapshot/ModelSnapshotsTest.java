package dev.migrate.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSnapshotsTest {

  @TempDir Path dir;

  private static Table table(String name, SqlType idType) {
    return Table.of(null, name, List.of(Column.of("id", idType)));
  }

  @Test
  void mergesTablesSequencesAndTheSameObjectDefinedAlike() {
    Database domain =
        new Database(List.of(table("customer", SqlType.bigint())), List.of(Sequence.of("seq", 1)));
    Database other =
        new Database(
            List.of(table("customer", SqlType.bigint()), table("orders", SqlType.integer())),
            List.of());
    Database merged =
        ModelSnapshots.merge(
            List.of(
                new ModelSnapshots.Source("a.json", domain),
                new ModelSnapshots.Source("b.json", other)));
    assertThat(merged.tables()).extracting(Table::name).containsExactly("customer", "orders");
    assertThat(merged.sequences()).extracting(Sequence::name).containsExactly("seq");
  }

  @Test
  void theSameTableDefinedDifferentlyNamesBothSources() {
    assertThatThrownBy(
            () ->
                ModelSnapshots.merge(
                    List.of(
                        new ModelSnapshots.Source(
                            "a.json",
                            new Database(List.of(table("t", SqlType.bigint())), List.of())),
                        new ModelSnapshots.Source(
                            "b.json",
                            new Database(List.of(table("t", SqlType.integer())), List.of())))))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("table t")
        .hasMessageContaining("a.json")
        .hasMessageContaining("b.json");
  }

  @Test
  void readsTheOwnSnapshotAndThoseOnTheClassPath() throws IOException {
    Path app = write("app", Database.empty());
    Path domain =
        write("domain", new Database(List.of(table("customer", SqlType.bigint())), List.of()));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {app.toUri().toURL(), domain.toUri().toURL()}, null)) {
      ModelSnapshots.Merged merged = ModelSnapshots.read(app, loader);
      assertThat(merged.locations()).hasSize(2);
      assertThat(merged.locations().get(0)).contains("app");
      assertThat(merged.requireNonEmpty("migrate:autogen").tables())
          .extracting(Table::name)
          .containsExactly("customer");
    }
  }

  @Test
  void readsASnapshotInADependencyJar() throws IOException {
    Path app = write("app", Database.empty());
    Path jar = dir.resolve("domain-1.0.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(Snapshot.RESOURCE));
      out.write(
          SnapshotJson.write(
                  new Snapshot(
                      Snapshot.FORMAT_VERSION,
                      new Database(List.of(table("customer", SqlType.bigint())), List.of()),
                      List.of(),
                      List.of()))
              .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {app.toUri().toURL(), jar.toUri().toURL()}, null)) {
      ModelSnapshots.Merged merged = ModelSnapshots.read(app, loader);
      assertThat(merged.locations().get(1)).startsWith("jar:").contains("domain-1.0.jar");
      assertThat(merged.database().tables()).extracting(Table::name).containsExactly("customer");
    }
  }

  @Test
  void anEmptyModelSaysWhereItLooked() throws IOException {
    Path app = write("app", Database.empty());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL()}, null)) {
      ModelSnapshots.Merged merged = ModelSnapshots.read(app, loader);
      assertThat(merged.locations()).hasSize(1);
      assertThatThrownBy(() -> merged.requireNonEmpty("migrate:autogen"))
          .isInstanceOf(MigrateException.class)
          .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.SNAPSHOT))
          .hasMessageContaining("The model is empty")
          .hasMessageContaining(app.resolve(Snapshot.RESOURCE).toString())
          .hasMessageContaining("Multi-module projects");
    }
  }

  @Test
  void anIncompleteModelIsRefusedListingEachProblem() throws IOException {
    Database customer = new Database(List.of(table("customer", SqlType.bigint())), List.of());
    Snapshot.Capture capture =
        new Snapshot.Capture(
            "snake_case",
            "-Amigrate.naming=snake_case",
            List.of(
                new Snapshot.ModelProblem(
                    "com.acme.Customer.tags",
                    "customer",
                    null,
                    "@CollectionId(generator = \"native\") on Customer.tags is not supported yet."),
                new Snapshot.ModelProblem(
                    "com.acme.Customer.photo",
                    "customer",
                    "photo",
                    "Customer.photo has type java.awt.Image, which has no column mapping.")));
    Path app =
        write(
            "app", new Snapshot(Snapshot.FORMAT_VERSION, capture, customer, List.of(), List.of()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL()}, null)) {
      ModelSnapshots.Merged merged = ModelSnapshots.read(app, loader);
      assertThat(merged.describeNaming())
          .isEqualTo("naming snake_case (-Amigrate.naming=snake_case)");
      assertThatThrownBy(() -> merged.requireComplete("migrate:autogen"))
          .isInstanceOf(MigrateException.class)
          .satisfies(
              e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.MODEL_INCOMPLETE))
          .hasMessage(
              "The model is incomplete: the model processor could not model these 2 mappings, so"
                  + " migrate:autogen would compare a model that lacks them with the database:\n"
                  + "  - com.acme.Customer.tags (table customer): @CollectionId(generator ="
                  + " \"native\") on Customer.tags is not supported yet.\n"
                  + "  - com.acme.Customer.photo (table customer, column photo): Customer.photo has"
                  + " type java.awt.Image, which has no column mapping.\n"
                  + "Map each another way (the warning says how) or mark it @Transient, then run"
                  + " `mvn compile migrate:autogen` again. (-Amigrate.strict=true makes these"
                  + " compile errors.)");
    }
  }

  /**
   * A converter check the class path cannot resolve is left out with a warning for the goals to
   * log; the model stays complete (a missing check loses no data).
   */
  @Test
  void anUnresolvedConverterCheckIsAWarningNotAProblem() throws IOException {
    Database customer = new Database(List.of(table("customer", SqlType.bigint())), List.of());
    Snapshot.Capture capture =
        new Snapshot.Capture(
            "jpa",
            null,
            List.of(),
            List.of(),
            List.of(
                new Snapshot.ConverterCheck(
                    null,
                    "customer",
                    "id",
                    "customer_id_check",
                    "id",
                    "com.acme.Customer.id",
                    "com.acme.Gone",
                    Snapshot.ConverterCheck.BOOLEAN,
                    List.of(),
                    Snapshot.ConverterCheck.Literal.NUMBER)));
    Path app =
        write(
            "app", new Snapshot(Snapshot.FORMAT_VERSION, capture, customer, List.of(), List.of()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL()}, null)) {
      ModelSnapshots.Merged merged = ModelSnapshots.read(app, loader);
      assertThat(merged.requireComplete("migrate:autogen")).isEqualTo(customer);
      assertThat(merged.warnings())
          .containsExactly(
              "Converter check left out: com.acme.Customer.id (table customer, column id) is"
                  + " converted by com.acme.Gone, but the converter class com.acme.Gone is not on"
                  + " the class path. Hibernate's ddl-auto=create would add check (id in (<the"
                  + " converter's value of false and true>)); Migrate leaves it out of the model (a"
                  + " missing check loses no data).");
    }
  }

  @Test
  void aCompleteModelPasses() throws IOException {
    Path app = write("app", new Database(List.of(table("customer", SqlType.bigint())), List.of()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL()}, null)) {
      assertThat(ModelSnapshots.read(app, loader).requireComplete("migrate:check").tables())
          .extracting(Table::name)
          .containsExactly("customer");
    }
  }

  @Test
  void aFormatOneSnapshotIsReadAsCompleteOfUnknownNaming() throws IOException {
    Path classes = dir.resolve("old").resolve("target/classes");
    Path file = classes.resolve(Snapshot.RESOURCE);
    Files.createDirectories(file.getParent());
    String written =
        SnapshotJson.write(
            new Snapshot(
                Snapshot.FORMAT_VERSION,
                new Database(List.of(table("customer", SqlType.bigint())), List.of()),
                List.of("com.acme.Customer"),
                List.of()));
    String formatOne =
        written
            .replace("\"formatVersion\" : 2,", "\"formatVersion\" : 1,")
            .replace("  \"capture\" : { },\n", "");
    assertThat(formatOne).doesNotContain("capture").contains("\"formatVersion\" : 1,");
    Files.writeString(file, formatOne);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      ModelSnapshots.Merged merged = ModelSnapshots.read(classes, loader);
      assertThat(merged.problems()).isEmpty();
      assertThat(merged.describeNaming())
          .isEqualTo("naming unknown (a snapshot of format 1: recompile to record it)");
      assertThat(merged.requireComplete("migrate:check").tables())
          .extracting(Table::name)
          .containsExactly("customer");
    }
  }

  private Path write(String module, Snapshot snapshot) throws IOException {
    Path classes = dir.resolve(module).resolve("target/classes");
    Path file = classes.resolve(Snapshot.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, SnapshotJson.write(snapshot));
    return classes;
  }

  private Path write(String module, Database database) throws IOException {
    Path classes = dir.resolve(module).resolve("target/classes");
    Path file = classes.resolve(Snapshot.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        SnapshotJson.write(new Snapshot(Snapshot.FORMAT_VERSION, database, List.of(), List.of())));
    return classes;
  }
}
