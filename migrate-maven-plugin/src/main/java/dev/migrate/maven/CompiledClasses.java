package dev.migrate.maven;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.snapshot.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a goal that does not compile first knows about the last compile: the newest class file under
 * the class output directory, the model snapshot's time, and the newest {@code .java} source under
 * the compile source roots. Timestamps only: walking the two trees takes milliseconds, where a
 * forked {@code compile} runs every plugin bound before it.
 *
 * @param newestClass the newest {@code .class} under the class output directory; empty when there
 *     is none
 * @param snapshot the time {@value Snapshot#RESOURCE} was written; empty when there is none
 * @param newestSource the newest {@code .java} file under the compile source roots; empty when
 *     there is none
 */
record CompiledClasses(
    Optional<Stamped> newestClass, Optional<FileTime> snapshot, Optional<Stamped> newestSource) {

  /** A file and its last-modified time. */
  record Stamped(Path file, FileTime time) {}

  /**
   * Reads the timestamps of {@code classesDirectory} and of the {@code .java} files under {@code
   * sourceRoots} (roots that do not exist are skipped).
   *
   * @throws MigrateException ({@link ErrorCode#IO}) when a directory cannot be read
   */
  static CompiledClasses scan(Path classesDirectory, Collection<Path> sourceRoots) {
    Path snapshotFile = classesDirectory.resolve(Snapshot.RESOURCE);
    Optional<FileTime> snapshot = Optional.empty();
    try {
      if (Files.isRegularFile(snapshotFile)) {
        snapshot = Optional.of(Files.getLastModifiedTime(snapshotFile));
      }
    } catch (IOException e) {
      throw new MigrateException(
          ErrorCode.IO, "Cannot read the time of " + snapshotFile + ": " + e.getMessage(), e);
    }
    Optional<Stamped> source = Optional.empty();
    for (Path root : sourceRoots) {
      source = newer(source, newest(root, ".java"));
    }
    return new CompiledClasses(newest(classesDirectory, ".class"), snapshot, source);
  }

  /** Whether nothing was compiled while there are sources to compile. */
  boolean neverCompiled() {
    return newestClass.isEmpty() && newestSource.isPresent();
  }

  /**
   * The newest source when it is newer than the newest class file or than the model snapshot: the
   * compiled classes (or the model) do not reflect it.
   */
  Optional<Path> staleSource() {
    return newestSource
        .filter(
            s ->
                newestClass.map(c -> s.time().compareTo(c.time()) > 0).orElse(false)
                    || snapshot.map(m -> s.time().compareTo(m) > 0).orElse(false))
        .map(Stamped::file);
  }

  private static Optional<Stamped> newest(Path root, String suffix) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .map(CompiledClasses::stamp)
          .flatMap(Optional::stream)
          .reduce((a, b) -> a.time().compareTo(b.time()) >= 0 ? a : b);
    } catch (IOException | UncheckedIOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  /** The file's time; empty when it vanished meanwhile (a concurrent compile). */
  private static Optional<Stamped> stamp(Path file) {
    try {
      return Optional.of(new Stamped(file, Files.getLastModifiedTime(file)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Stamped> newer(Optional<Stamped> a, Optional<Stamped> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().time().compareTo(b.get().time()) >= 0 ? a : b;
  }
}
