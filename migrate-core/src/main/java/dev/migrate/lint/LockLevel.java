package dev.migrate.lint;

/**
 * The PostgreSQL table-level lock modes that schema changes take, and what each blocks for ordinary
 * traffic: {@code SELECT} takes {@code ACCESS SHARE}, {@code INSERT}/{@code UPDATE}/{@code DELETE}
 * take {@code ROW EXCLUSIVE} (PostgreSQL docs, 13.3.1 Table-Level Locks, "Conflicting Lock Modes").
 * A blocked statement also queues every later statement on the table behind it.
 */
public enum LockLevel {
  /**
   * {@code ACCESS EXCLUSIVE}: most {@code ALTER TABLE} forms, {@code DROP TABLE}, {@code DROP
   * INDEX}; conflicts with every mode.
   */
  ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", true, true),
  /**
   * {@code SHARE ROW EXCLUSIVE}: {@code ADD FOREIGN KEY} (on both tables), {@code CREATE TRIGGER}.
   */
  SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", false, true),
  /** {@code SHARE}: {@code CREATE INDEX} without {@code CONCURRENTLY}. */
  SHARE("SHARE", false, true),
  /**
   * {@code SHARE UPDATE EXCLUSIVE}: {@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT};
   * conflicts with other schema changes and {@code VACUUM}, not with reads or writes.
   */
  SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", false, false);

  private final String sql;
  private final boolean blocksReads;
  private final boolean blocksWrites;

  LockLevel(String sql, boolean blocksReads, boolean blocksWrites) {
    this.sql = sql;
    this.blocksReads = blocksReads;
    this.blocksWrites = blocksWrites;
  }

  /** The mode as PostgreSQL spells it, for example {@code ACCESS EXCLUSIVE}. */
  public String sql() {
    return sql;
  }

  /** Whether it blocks {@code SELECT} on the table. */
  public boolean blocksReads() {
    return blocksReads;
  }

  /** Whether it blocks {@code INSERT}, {@code UPDATE} and {@code DELETE} on the table. */
  public boolean blocksWrites() {
    return blocksWrites;
  }

  /**
   * {@code "ACCESS EXCLUSIVE (blocks reads and writes)"}, {@code "SHARE (blocks writes)"}, {@code
   * "SHARE UPDATE EXCLUSIVE (blocks neither reads nor writes)"}.
   */
  public String describe() {
    String blocks =
        blocksReads
            ? "blocks reads and writes"
            : blocksWrites ? "blocks writes" : "blocks neither reads nor writes";
    return sql + " (" + blocks + ")";
  }
}
