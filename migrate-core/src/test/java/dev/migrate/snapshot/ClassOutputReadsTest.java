package dev.migrate.snapshot;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.model.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the snapshot of a class output that another build may be rewriting: a missing, empty or
 * partial file is waited for and then fails naming the file, never read as an empty model.
 */
class ClassOutputReadsTest {

  private static final Duration SHORT = Duration.ofMillis(300);

  private static Snapshot sample() {
    return new Snapshot(
        Snapshot.FORMAT_VERSION,
        new Database(
            List.of(table("customer", column("id", bigint()), primaryKey("customer_pkey", "id"))),
            List.of()),
        List.of("com.acme.Customer"),
        List.of());
  }

  @Test
  void aMissingSnapshotFailsAfterTheWaitNamingTheFileAndTheCommand(@TempDir Path classes) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> SnapshotJson.readFromClassesDirectory(classes, SHORT))
        .isInstanceOfSatisfying(
            MigrateException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SNAPSHOT))
        .hasMessageContaining("No model snapshot at " + classes.resolve(Snapshot.RESOURCE))
        .hasMessageContaining("model-processor")
        .hasMessageContaining("mvn clean compile");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
  }

  @Test
  void anEmptySnapshotIsNotAnEmptyModel(@TempDir Path classes) throws Exception {
    write(classes, "");
    assertThatThrownBy(() -> SnapshotJson.readFromClassesDirectory(classes, SHORT))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(classes.resolve(Snapshot.RESOURCE) + " is empty")
        .hasMessageContaining("mvn clean compile");
  }

  @Test
  void aPartialSnapshotFailsNamingTheFile(@TempDir Path classes) throws Exception {
    String json = SnapshotJson.write(sample());
    write(classes, json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> SnapshotJson.readFromClassesDirectory(classes, SHORT))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining(
            "Cannot read the model snapshot " + classes.resolve(Snapshot.RESOURCE))
        .hasMessageContaining("mvn clean compile");
  }

  @Test
  void aSnapshotThatAppearsDuringTheWaitIsRead(@TempDir Path classes) throws Exception {
    CompletableFuture<Void> compilation =
        CompletableFuture.runAsync(
            () -> {
              try {
                write(classes, SnapshotJson.write(sample()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
    Snapshot read = SnapshotJson.readFromClassesDirectory(classes, Duration.ofSeconds(5));
    assertThat(read).isEqualTo(sample());
    compilation.join();
  }

  @Test
  void aPartialSnapshotCompletedDuringTheWaitIsRead(@TempDir Path classes) throws Exception {
    String json = SnapshotJson.write(sample());
    write(classes, json.substring(0, 20));
    CompletableFuture<Void> compilation =
        CompletableFuture.runAsync(
            () -> {
              try {
                write(classes, json);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    assertThat(SnapshotJson.readFromClassesDirectory(classes, Duration.ofSeconds(5)))
        .isEqualTo(sample());
    compilation.join();
  }

  @Test
  void anotherFormatVersionFailsAtOnce(@TempDir Path classes) throws Exception {
    write(
        classes,
        SnapshotJson.write(sample())
            .replace("\"formatVersion\" : " + Snapshot.FORMAT_VERSION, "\"formatVersion\" : 99"));
    long start = System.nanoTime();
    assertThatThrownBy(() -> SnapshotJson.readFromClassesDirectory(classes, Duration.ofSeconds(5)))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("has format version 99");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void retryingStopsAtTheFirstSuccess() throws Exception {
    int[] attempts = {0};
    String value =
        ClassOutputReads.retrying(
            Duration.ofSeconds(5),
            () -> {
              if (++attempts[0] < 3) {
                throw new ClassOutputReads.NotReady("not yet", null);
              }
              return "read";
            });
    assertThat(value).isEqualTo("read");
    assertThat(attempts[0]).isEqualTo(3);
  }

  @Test
  void retryingWithoutAWaitTriesOnce() {
    int[] attempts = {0};
    assertThatThrownBy(
            () ->
                ClassOutputReads.retrying(
                    Duration.ZERO,
                    () -> {
                      attempts[0]++;
                      throw new ClassOutputReads.NotReady("missing", null);
                    }))
        .isInstanceOf(ClassOutputReads.NotReady.class)
        .hasMessage("missing");
    assertThat(attempts[0]).isEqualTo(1);
  }

  private static void write(Path classes, String text) throws Exception {
    Path file = classes.resolve(Snapshot.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
