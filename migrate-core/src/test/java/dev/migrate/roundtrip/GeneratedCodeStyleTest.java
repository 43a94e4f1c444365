package dev.migrate.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.StringWrapper;
import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Generated migration classes are already in google-java-format's layout: google-java-format 1.28
 * itself (imports fixed and long strings reflowed, as its command line does by default) changes
 * nothing in them. Checked on every golden file of the code generator and on the classes of random
 * schema changes (the round-trip scenarios, diffed in memory: no database). Needs the {@code
 * --add-exports} of {@code jdk.compiler} that the surefire configuration of this module passes, as
 * google-java-format reads Java with javac's parser.
 */
class GeneratedCodeStyleTest {

  private static final Formatter FORMATTER = new Formatter();
  private static final SchemaDiff DIFF = new SchemaDiff(new PostgresDialect());

  @Example
  void everyGoldenFileIsFormatted() throws IOException, FormatterException {
    List<Path> goldens;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/codegen"))) {
      goldens = files.filter(f -> f.toString().endsWith(".java.txt")).sorted().toList();
    }
    assertThat(goldens).hasSizeGreaterThan(5);
    for (Path golden : goldens) {
      String source = Files.readString(golden);
      assertThat(googleJavaFormat(source)).as(golden.getFileName().toString()).isEqualTo(source);
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenario.scenarios();
  }

  @Property(tries = 100, shrinking = ShrinkingMode.FULL)
  void generatedClassesOfRandomChangesAreFormatted(@ForAll("scenarios") Scenario scenario)
      throws FormatterException {
    List<Op> create = DIFF.diff(Database.empty(), scenario.a);
    List<Op> change = DIFF.diff(scenario.a, scenario.b);
    for (MigrationSpec spec :
        List.of(
            MigrationSpec.autogen(
                "rt.gen", "R1_CreateA", "a1b2c3d4e5f6", List.of(), "create A", create, List.of()),
            MigrationSpec.autogen(
                "rt.gen",
                "R2_AToB",
                "b2c3d4e5f6a1",
                List.of("a1b2c3d4e5f6"),
                "A to B",
                change,
                List.of()))) {
      String source = new MigrationWriter().render(spec);
      assertThat(googleJavaFormat(source)).as(spec.className()).isEqualTo(source);
    }
  }

  private static String googleJavaFormat(String source) throws FormatterException {
    return StringWrapper.wrap(FORMATTER.formatSourceAndFixImports(source), FORMATTER);
  }
}
