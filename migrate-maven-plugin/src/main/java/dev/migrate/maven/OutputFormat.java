package dev.migrate.maven;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.Locale;

/** {@code -Dmigrate.format} of the goals that print log lines or one JSON document. */
enum OutputFormat {
  /** Log lines (on standard output under {@code mvn -q}). */
  TEXT,
  /** One JSON document on standard output ({@link JsonOutput}). */
  JSON;

  /**
   * The format {@code text} names: {@code text} or {@code json}.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for any other text
   */
  static OutputFormat parse(String text) {
    for (OutputFormat format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(text.strip())) {
        return format;
      }
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION, "Unknown -Dmigrate.format=" + text + ": use text or json.");
  }
}
