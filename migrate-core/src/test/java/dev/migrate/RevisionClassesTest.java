package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.snapshot.Snapshot;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revision index of a class output that another build may be rewriting: a missing index or a
 * listed class that cannot be loaded is waited for and then fails, never read as fewer revisions.
 */
class RevisionClassesTest {

  private static final Duration SHORT = Duration.ofMillis(300);

  @Revision(id = "c00000000001", message = "first")
  public static class First implements Migration {
    @Override
    public void upgrade(Operations op) {}

    @Override
    public void downgrade(Operations op) {}
  }

  @Test
  void readsTheListedClasses(@TempDir Path classes) throws Exception {
    index(classes, First.class.getName() + "\n");
    assertThat(revisionIds(classes, SHORT)).containsExactly("c00000000001");
  }

  @Test
  void anEmptyIndexIsZeroRevisions(@TempDir Path classes) throws Exception {
    index(classes, "");
    assertThat(revisionIds(classes, SHORT)).isEmpty();
  }

  @Test
  void aClassOutputWithoutProcessorOutputHasNoRevisions(@TempDir Path classes) throws Exception {
    assertThat(revisionIds(classes, SHORT)).isEmpty();
  }

  @Test
  void aMissingIndexBesideItsDirectoryIsNotZeroRevisions(@TempDir Path classes) throws Exception {
    // what maven-compiler-plugin leaves while it recompiles: the files deleted, the directory kept
    Files.createDirectories(classes.resolve("META-INF/migrate"));
    long start = System.nanoTime();
    assertThatThrownBy(() -> revisionIds(classes, SHORT))
        .isInstanceOfSatisfying(
            MigrateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REVISION_GRAPH))
        .hasMessageContaining(
            "The revision index " + classes.resolve(Snapshot.REVISIONS_RESOURCE) + " is missing")
        .hasMessageContaining("mvn clean compile");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
  }

  @Test
  void anIndexWrittenDuringTheWaitIsRead(@TempDir Path classes) throws Exception {
    Files.createDirectories(classes.resolve("META-INF/migrate"));
    CompletableFuture<Void> compilation =
        CompletableFuture.runAsync(
            () -> {
              try {
                index(classes, First.class.getName() + "\n");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
    assertThat(revisionIds(classes, Duration.ofSeconds(5))).containsExactly("c00000000001");
    compilation.join();
  }

  @Test
  void aListedClassThatStaysMissingFailsNamingIt(@TempDir Path classes) throws Exception {
    index(classes, "com.acme.db.Gone\n");
    assertThatThrownBy(() -> revisionIds(classes, SHORT))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("lists the migration class com.acme.db.Gone, which does not exist")
        .hasMessageContaining("mvn clean compile");
  }

  private static List<String> revisionIds(Path classes, Duration wait) throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, RevisionClassesTest.class.getClassLoader())) {
      return RevisionClasses.scan(List.of(), List.of(loader), wait).graph(null).revisions().stream()
          .map(r -> r.id())
          .toList();
    }
  }

  private static void index(Path classes, String text) throws Exception {
    Path file = classes.resolve(Snapshot.REVISIONS_RESOURCE);
    Files.createDirectories(file.getParent());
    // as the processor writes it: a reader never sees the file created but not yet written
    Path temporary = Files.createTempFile(file.getParent(), "revisions", ".tmp");
    Files.writeString(temporary, text);
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
