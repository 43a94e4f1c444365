package dev.migrate.it.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.model.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One round of the differential oracle: entity sources written to a directory, compiled in-process
 * with Migrate's processor ({@code -Amigrate.hibernate} of the Hibernate under test), and the
 * snapshot's schema compared with the schema Hibernate's own metadata describes for the same
 * classes ({@link SchemaDescription}).
 */
public final class Differential {

  private Differential() {}

  /**
   * Both descriptions of the model made of {@code sources} (qualified class name to source text).
   *
   * @param migrate the snapshot's schema
   * @param hibernate Hibernate's schema and DDL script
   * @param migrateDatabase the snapshot's model, its converter checks resolved
   */
  public record Outcome(
      String migrate, SchemaDescription.Hibernate hibernate, Database migrateDatabase) {

    /** Asserts that both sides describe the same schema, with Hibernate's DDL in the message. */
    public void assertSame(String what) {
      assertThat(migrate)
          .as("%s%nHibernate's DDL:%n%s", what, hibernate.script())
          .isEqualTo(hibernate.description());
    }
  }

  /**
   * Writes {@code sources} (qualified class name to source text) under {@code src}, a file per
   * class in its package's directory.
   *
   * @return the files written, in the order of {@code sources}
   */
  public static List<Path> write(Map<String, String> sources, Path src) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    return files;
  }

  /** Compiles {@code sources} under {@code work} and describes both schemas. */
  public static Outcome run(Map<String, String> sources, NamingOption naming, Path work)
      throws IOException {
    List<Path> files = write(sources, work.resolve("src"));
    CompiledModel model = CompiledModel.withProcessor(files, work.resolve("classes"), naming);
    try {
      SchemaDescription.Hibernate hibernate =
          SchemaDescription.hibernate(model, naming, work.resolve("ddl"));
      Database database = model.snapshot().database();
      return new Outcome(SchemaDescription.describe(database), hibernate, database);
    } finally {
      model.loader().close();
    }
  }
}
