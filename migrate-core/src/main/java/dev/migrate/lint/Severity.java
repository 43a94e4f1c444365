package dev.migrate.lint;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.Locale;

/**
 * How bad a {@link Finding} is, and the level at which {@code migrate:lint} fails ({@code
 * -Dmigrate.lintFailOn}).
 *
 * <ul>
 *   <li>{@link #ERROR}: blocks reads or writes, or rewrites the table, for a time that grows with
 *       the table, and a safe form usually exists;
 *   <li>{@link #WARNING}: loses data or breaks the running application, which the author may well
 *       intend (autogen marks data loss {@code DESTRUCTIVE} for review), or a short lock;
 *   <li>{@link #INFO}: a safe form in use, raw SQL that could not be checked, a hazard the revision
 *       accepts ({@code @AcceptedHazards}); never fails.
 * </ul>
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /**
   * Whether a finding of this severity fails a lint that fails on {@code failOn}; {@code failOn ==
   * null} never fails.
   */
  public boolean fails(Severity failOn) {
    return failOn != null && failOn != INFO && compareTo(failOn) <= 0;
  }

  /**
   * The level {@code -Dmigrate.lintFailOn} names: {@code error}, {@code warning}, or {@code none}
   * (read as {@code null}: never fail).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) naming the accepted values
   */
  public static Severity failOn(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "error" -> ERROR;
      case "warning" -> WARNING;
      case "none" -> null;
      default ->
          throw new MigrateException(
              ErrorCode.CONFIGURATION,
              "migrate.lintFailOn is '"
                  + text
                  + "'; use error (the default), warning or none, for example -Dmigrate.lintFailOn=warning");
    };
  }

  /** {@code "error"}, {@code "warning"}, {@code "info"}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
