package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import dev.migrate.snapshot.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code javax.persistence} (JPA 2, Spring Boot 2, Java EE) is read as {@code jakarta.persistence}
 * is. The javax annotations are test stubs from {@code src/test/resources/javax-stubs}, compiled
 * with the entities.
 */
class JavaxPersistenceTest {

  private static final List<String> STUBS =
      List.of(
          "Column",
          "Entity",
          "EnumType",
          "Enumerated",
          "GeneratedValue",
          "GenerationType",
          "Id",
          "Index",
          "JoinColumn",
          "ManyToOne",
          "Table",
          "Transient",
          "UniqueConstraint");

  private static JavaFileObject toJavax(JavaFileObject jakarta) throws IOException {
    String text =
        jakarta.getCharContent(true).toString().replace("jakarta.persistence", "javax.persistence");
    String name = jakarta.getName().replaceFirst("^/", "").replace(".java", "").replace('/', '.');
    return JavaFileObjects.forSourceString(name, text);
  }

  @Test
  void javaxEntitiesGiveTheSameSnapshotAsJakartaOnes() throws IOException {
    Snapshot jakarta =
        snapshot(
            compile(
                GoldenSnapshotTest.CUSTOMER,
                GoldenSnapshotTest.ORDER,
                GoldenSnapshotTest.STATUS,
                GoldenSnapshotTest.REVISION));

    List<JavaFileObject> sources = new ArrayList<>();
    for (String stub : STUBS) {
      sources.add(JavaFileObjects.forResource("javax-stubs/javax/persistence/" + stub + ".java"));
    }
    sources.add(toJavax(GoldenSnapshotTest.CUSTOMER));
    sources.add(toJavax(GoldenSnapshotTest.ORDER));
    sources.add(GoldenSnapshotTest.STATUS);
    sources.add(GoldenSnapshotTest.REVISION);
    Snapshot javax = snapshot(compile(sources.toArray(JavaFileObject[]::new)));

    assertThat(sources.get(STUBS.size()).getCharContent(true).toString())
        .contains("import javax.persistence.*;");
    assertThat(javax).isEqualTo(jakarta);
  }
}
