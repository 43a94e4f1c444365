package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.describe;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.lineOf;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.migrate.model.Column;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.Snapshot.ModelProblem;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A mapping the processor cannot model never breaks the application's compile (issue 15): it is a
 * warning on the element, the snapshot is written and records the problem, and {@code
 * -Amigrate.strict=true} makes it an error.
 */
class IncompleteModelTest {

  private static final JavaFileObject CLAIM =
      entity(
          "Claim",
          """
          @Entity
          public class Claim {
            @Id private Long id;
            private String title;
            private java.io.Serializable payload;
            @ElementCollection
            @org.hibernate.annotations.CollectionId(column = @Column(name = "note_id"), generator = "native")
            @org.hibernate.annotations.CollectionIdJdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT)
            private java.util.List<String> notes;
          }
          """);

  @Test
  void anUnmodelledMappingIsAWarningAndTheSnapshotListsIt() {
    Compilation c = compile(CLAIM);
    assertThat(c.status()).as(describe(c.diagnostics())).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings())
        .extracting(w -> w.getLineNumber())
        .containsExactly(lineOf(CLAIM, "payload;"), lineOf(CLAIM, "CollectionId("));
    assertThat(c.warnings())
        .allSatisfy(w -> assertThat(w.getMessage(Locale.ROOT)).endsWith(Reporter.INCOMPLETE));

    Snapshot snapshot = snapshot(c);
    assertThat(snapshot.isComplete()).isFalse();
    assertThat(snapshot.capture().problems())
        .containsExactly(
            new ModelProblem(
                "com.acme.Claim.payload",
                "claim",
                "payload",
                Message.UNMAPPED_TYPE.format("Claim.payload", "java.io.Serializable")),
            new ModelProblem(
                "com.acme.Claim.notes",
                "claim",
                null,
                "@CollectionId(generator = \"native\") on Claim.notes is not supported yet. Use"
                    + " generator = \"increment\", \"sequence\" or the name of a @SequenceGenerator."));
    // what could be modelled is there
    assertThat(table(snapshot, "claim").columns())
        .extracting(Column::name)
        .containsExactly("id", "title");
  }

  @Test
  void strictMakesThemErrorsAndWritesNoSnapshot() {
    Compilation c = compile(List.of("-Amigrate.strict=true"), CLAIM);
    assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(c.errors())
        .extracting(e -> e.getMessage(Locale.ROOT))
        .containsExactly(
            Message.UNMAPPED_TYPE.format("Claim.payload", "java.io.Serializable"),
            "@CollectionId(generator = \"native\") on Claim.notes is not supported yet. Use"
                + " generator = \"increment\", \"sequence\" or the name of a @SequenceGenerator.");
  }

  @Test
  void aCompleteModelRecordsNoProblem() {
    Compilation c =
        compile(entity("Tag", "@Entity public class Tag { @Id Long id; String name; }"));
    assertThat(c.warnings()).isEmpty();
    assertThat(snapshot(c).isComplete()).isTrue();
    assertThat(snapshot(c).capture().problems()).isEmpty();
  }
}
