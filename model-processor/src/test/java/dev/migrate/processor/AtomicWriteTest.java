package dev.migrate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot and the revision index replace the previous files by an atomic move, never by
 * rewriting them in place: a goal of another {@code mvn} process that has the old file open, or
 * opens it while javac runs, reads a whole file.
 */
class AtomicWriteTest {

  @Test
  void replacesTheFilesInsteadOfRewritingThem(@TempDir Path out, @TempDir Path links)
      throws Exception {
    compile(out, PartialRecompileTest.AUTHOR, PartialRecompileTest.R1);
    Path model = out.resolve(Snapshot.RESOURCE);
    Path index = out.resolve(Snapshot.REVISIONS_RESOURCE);
    String oldModel = Files.readString(model);
    String oldIndex = Files.readString(index);
    // a hard link sees every write into the file itself, and none of a move over its name
    Path modelLink = Files.createLink(links.resolve("model.json"), model);
    Path indexLink = Files.createLink(links.resolve("revisions"), index);

    compile(
        out,
        PartialRecompileTest.AUTHOR,
        PartialRecompileTest.BOOK,
        PartialRecompileTest.R1,
        PartialRecompileTest.R2);

    assertThat(Files.readString(model)).contains("\"book\"").isNotEqualTo(oldModel);
    assertThat(Files.readString(index)).contains("com.acme.db.R2");
    assertThat(Files.readString(modelLink)).isEqualTo(oldModel);
    assertThat(Files.readString(indexLink)).isEqualTo(oldIndex);
    try (Stream<Path> files = Files.list(model.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("model.json", "revisions");
    }
  }

  @Test
  void writesIntoADirectoryThatDoesNotExistYet(@TempDir Path out) throws Exception {
    compile(out, PartialRecompileTest.R1);
    assertThat(Files.readString(out.resolve(Snapshot.REVISIONS_RESOURCE)))
        .isEqualTo("com.acme.db.R1\n");
    assertThat(out.resolve(Snapshot.RESOURCE)).isRegularFile();
  }

  private static void compile(Path out, javax.tools.JavaFileObject... sources) {
    DiskCompiler.Result result = DiskCompiler.compile(out, List.of(), sources);
    assertThat(result.success()).as(result.toString()).isTrue();
  }
}
