package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledClassesTest {

  @TempDir Path project;
  Path sources;
  Path classes;

  @BeforeEach
  void layout() throws IOException {
    sources = Files.createDirectories(project.resolve("src/main/java/com/acme"));
    classes = Files.createDirectories(project.resolve("target/classes/com/acme"));
  }

  @Test
  void sourcesWithoutClassesWereNeverCompiled() throws IOException {
    file(sources.resolve("Customer.java"), 100);
    CompiledClasses compiled = scan();
    assertThat(compiled.neverCompiled()).isTrue();
    assertThat(compiled.staleSource()).isEmpty();
  }

  @Test
  void noSourcesAndNoClassesIsNotAnError() {
    assertThat(scan().neverCompiled()).isFalse();
  }

  @Test
  void classesNewerThanEverySourceAreCurrent() throws IOException {
    file(sources.resolve("Customer.java"), 100);
    file(sources.resolve("Order.java"), 150);
    file(classes.resolve("Customer.class"), 200);
    file(classes.resolve("Order.class"), 201);
    file(project.resolve("target/classes/META-INF/migrate/model.json"), 202);
    assertThat(scan().staleSource()).isEmpty();
  }

  @Test
  void aSourceNewerThanTheNewestClassIsStale() throws IOException {
    file(sources.resolve("Customer.java"), 300);
    file(sources.resolve("Order.java"), 100);
    file(classes.resolve("Customer.class"), 200);
    assertThat(scan().staleSource()).contains(sources.resolve("Customer.java"));
  }

  @Test
  void aSourceNewerThanTheSnapshotIsStaleEvenWhenAClassIsNewer() throws IOException {
    file(sources.resolve("Customer.java"), 200);
    file(classes.resolve("Customer.class"), 300);
    file(project.resolve("target/classes/META-INF/migrate/model.json"), 100);
    assertThat(scan().staleSource()).contains(sources.resolve("Customer.java"));
  }

  @Test
  void onlyJavaSourcesCount() throws IOException {
    file(sources.resolve("Customer.java"), 100);
    file(sources.resolve("notes.txt"), 500);
    file(classes.resolve("Customer.class"), 200);
    assertThat(scan().staleSource()).isEmpty();
  }

  private CompiledClasses scan() {
    return CompiledClasses.scan(
        project.resolve("target/classes"),
        List.of(project.resolve("src/main/java"), project.resolve("src/missing")));
  }

  private static void file(Path path, long seconds) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "x");
    Files.setLastModifiedTime(path, FileTime.fromMillis(1_700_000_000_000L + seconds * 1000));
  }
}
