package dev.migrate;

/** The kinds of problem a {@link MigrateException} reports. */
public enum ErrorCode {
  /** No database is configured, or the configuration is malformed. User must fix. */
  CONFIGURATION(true),
  /** The database cannot be reached or a catalog query failed. Environment. */
  CONNECTION(false),
  /**
   * The revision graph is broken: duplicate ids, a missing down revision, several heads, a cycle.
   * User must fix.
   */
  REVISION_GRAPH(true),
  /**
   * A revision target cannot be resolved: unknown or ambiguous id, relative step out of range. User
   * must fix.
   */
  TARGET(true),
  /**
   * The database is not at the revision an operation needs (for example autogenerate when not at
   * head).
   */
  NOT_AT_HEAD(true),
  /** A migration failed while running; its transaction was rolled back. User must fix. */
  MIGRATION_FAILED(true),
  /** Another run holds the lock for this schema. */
  LOCKED(false),
  /** The model snapshot is missing or unreadable. */
  SNAPSHOT(true),
  /**
   * The model processor could not model some mappings (it warned on each), so the model lacks what
   * they name and cannot be compared with a database. User must fix (or map them another way).
   */
  MODEL_INCOMPLETE(true),
  /** An op cannot be expressed or reversed. User must fix. */
  UNSUPPORTED(true),
  /**
   * A goal that drops a schema found rows in it and was not forced ({@code reset} without {@code
   * -Dmigrate.force}).
   */
  SCHEMA_NOT_EMPTY(true),
  /** Reading or writing a file failed. Environment. */
  IO(false);

  private final boolean userMustFix;

  ErrorCode(boolean userMustFix) {
    this.userMustFix = userMustFix;
  }

  /** Whether the user's project or database must change (as opposed to the tool's environment). */
  public boolean userMustFix() {
    return userMustFix;
  }
}
