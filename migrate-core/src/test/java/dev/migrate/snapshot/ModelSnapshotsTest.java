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
