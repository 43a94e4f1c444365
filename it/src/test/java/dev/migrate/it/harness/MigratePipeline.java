package dev.migrate.it.harness;

import dev.migrate.AutogenResult;
import dev.migrate.ConnectionSettings;
import dev.migrate.Migrate;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a user's {@code mvn migrate:autogen} then {@code mvn migrate:upgrade} do, in-process:
 * autogenerate the initial migration for a processor-compiled model against an empty database,
 * compile it, apply it, and autogenerate once more (the round trip: the second must find nothing).
 *
 * @param migration the generated migration source
 * @param secondAutogen the differences a second autogenerate found after the upgrade (none when
 *     Migrate agrees with itself)
 */
public record MigratePipeline(String migration, List<String> secondAutogen) {

  private static final String PACKAGE = "com.acme.db.migrations";

  /**
   * Runs the pipeline for {@code model} (compiled with the processor) on the empty {@code
   * database}, writing into {@code work}.
   *
   * @throws IllegalStateException when the first autogenerate finds nothing or the upgrade applies
   *     no revision
   */
  public static MigratePipeline run(CompiledModel model, FreshDatabase database, Path work)
      throws Exception {
    if (model.snapshot() == null) {
      throw new IllegalArgumentException("the model was compiled without the processor");
    }
    ConnectionSettings settings =
        new ConnectionSettings(database.url(), database.user(), database.password());
    Path sources = work.resolve("migrations-src");
    AutogenResult first =
        Migrate.configure()
            .connection(settings)
            .load()
            .autogenerate(model.snapshot().database(), "initial schema", sources, PACKAGE);
    Path file =
        first
            .file()
            .orElseThrow(() -> new IllegalStateException("the first autogenerate found nothing"));

    Path classes = Files.createDirectories(work.resolve("migrations"));
    CompiledModel.compileMigrations(
        CompiledModel.sources(sources), classes, List.of(model.classes()));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, MigratePipeline.class.getClassLoader())) {
      Class<?> revision =
          loader.loadClass(PACKAGE + "." + file.getFileName().toString().replace(".java", ""));
      Migrate migrate =
          Migrate.configure().connection(settings).migrations(List.of(revision)).load();
      if (migrate.upgrade("head").revisions().size() != 1) {
        throw new IllegalStateException("the upgrade did not apply the initial revision");
      }
      AutogenResult second =
          migrate.autogenerate(model.snapshot().database(), "again", sources, PACKAGE);
      return new MigratePipeline(Files.readString(file), second.detected());
    }
  }
}
