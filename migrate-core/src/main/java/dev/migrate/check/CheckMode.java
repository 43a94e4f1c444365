package dev.migrate.check;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.Locale;

/** How {@code migrate:check} turns the migrations into a schema to compare with the model. */
public enum CheckMode {

  /** Apply every revision in a throwaway schema of the configured database, compare, drop it. */
  REPLAY,
  /** Compare the configured schema, which must be at head. */
  LIVE,
  /** Replay the ops into an in-memory model; no database. */
  OFFLINE;

  /**
   * The mode {@code text} names ({@code replay}, {@code live} or {@code offline}, as {@code
   * -Dmigrate.check} takes it).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for any other text
   */
  public static CheckMode parse(String text) {
    for (CheckMode mode : values()) {
      if (mode.label().equals(text)) {
        return mode;
      }
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION,
        "Unknown check mode '"
            + text
            + "': use"
            + " -Dmigrate.check=replay (default with a database), live or offline.");
  }

  /** The mode as the user types it: {@code replay}, {@code live}, {@code offline}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the mode needs a database. */
  public boolean needsDatabase() {
    return this != OFFLINE;
  }

  @Override
  public String toString() {
    return label();
  }
}
