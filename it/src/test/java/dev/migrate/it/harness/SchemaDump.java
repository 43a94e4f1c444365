package dev.migrate.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_dump --schema-only} of a test database, as text. The client is {@code
 * -Dmigrate.test.pgDump} (default {@code /usr/bin/pg_dump}, PostgreSQL 15 on the project's
 * machines); it gets the password through {@code PGPASSWORD}, never on its command line.
 */
public final class SchemaDump {

  /** Migrate's version and history tables: bookkeeping, not part of the user's schema. */
  public static final List<String> MIGRATE_TABLES = List.of("migrate_version", "migrate_history");

  private static final String PG_DUMP =
      System.getProperty("migrate.test.pgDump", "/usr/bin/pg_dump");

  private SchemaDump() {}

  /**
   * The schema of {@code database} (every schema in it, no owners, no privileges), leaving out
   * Migrate's own tables.
   *
   * @throws IllegalStateException when pg_dump is missing or fails, with its error output
   */
  public static String of(FreshDatabase database) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PG_DUMP))) {
      throw new IllegalStateException(
          PG_DUMP
              + " is missing: install the PostgreSQL client (postgresql-client-15) "
              + "or point -Dmigrate.test.pgDump at pg_dump");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                PG_DUMP,
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "-h",
                database.host(),
                "-p",
                Integer.toString(database.port()),
                "-U",
                database.user()));
    for (String table : MIGRATE_TABLES) {
      command.add("--exclude-table=" + table);
    }
    command.add(database.name());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PGPASSWORD", database.password());
    Path errors = Files.createTempFile("pg_dump", ".err");
    try {
      builder.redirectError(errors.toFile());
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "pg_dump of " + database + " failed: " + Files.readString(errors));
      }
      return out;
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
