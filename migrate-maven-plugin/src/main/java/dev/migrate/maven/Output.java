package dev.migrate.maven;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.logging.Log;

/**
 * Text a goal prints for piping (offline SQL, graph pictures): to a file, or to standard output.
 */
final class Output {

  private Output() {}

  /**
   * Writes {@code text} to {@code file} (creating its directory), or to standard output when {@code
   * file} is {@code null}, so that {@code mvn -q ... > file} works.
   */
  static void write(String text, File file, Log log, String what) {
    if (file == null) {
      PrintStream out = System.out;
      out.print(text);
      out.flush();
      return;
    }
    try {
      File parent = file.getAbsoluteFile().getParentFile();
      if (parent != null) {
        Files.createDirectories(parent.toPath());
      }
      Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
      log.info("Wrote " + what + " to " + file);
    } catch (IOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
