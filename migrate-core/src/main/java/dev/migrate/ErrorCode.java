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
  /**
   * Another session holds a lock this run needs: another run holds the schema's advisory lock
   * longer than the lock wait, or a revision gave up waiting for a table lock (lock timeout) on
   * every try. Nothing of the revision that waited was applied. The message names the blocking
   * sessions.
   */
  LOCKED(false),
  /**
   * The database role lacks a privilege a statement needs (PostgreSQL: SQLState 42501); the message
   * names the privilege, the object, the statement and the {@code GRANT} that fixes it. The
   * database administrator must fix.
   */
  PERMISSION_DENIED(true),
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
  /**
   * A revision applied to the database was edited since: its upgrade ops no longer match the
   * checksum recorded in {@code migrate_history}, so {@code upgrade} and {@code downgrade} refuse
   * before running anything. User must fix: revert the edit, or accept it with {@code repair}.
   */
  REVISION_EDITED(true),
  /**
   * A downgrade would drop columns or tables that hold values and was not forced ({@code downgrade}
   * without {@code -Dmigrate.force}); nothing was run.
   */
  DOWNGRADE_LOSES_DATA(true),
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
