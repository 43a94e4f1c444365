package dev.migrate.lint;

/** What a schema change can do to a database that serves traffic. */
public enum Hazard {
  /** Rows or values are lost: a dropped table or column, a narrowing type change. */
  DATA_LOSS("data loss"),
  /**
   * PostgreSQL rewrites the whole table (and its indexes) under an {@code ACCESS EXCLUSIVE} lock.
   */
  TABLE_REWRITE("table rewrite"),
  /**
   * A lock that blocks reads or writes while the statement runs, for a time that grows with the
   * table.
   */
  LOCK("lock"),
  /** The whole table is read while a lock that blocks writes (or reads) is held. */
  SCAN_UNDER_LOCK("scan under lock"),
  /**
   * The version of the application running during the deploy stops working: it still reads a
   * dropped or renamed column or table, or inserts without a new required column.
   */
  BREAKS_RUNNING_APP("breaks the running application"),
  /** Raw SQL Migrate could not read; nobody checked it. */
  UNCHECKED("unchecked");

  private final String words;

  Hazard(String words) {
    this.words = words;
  }

  /** The hazard in words, for example {@code "scan under lock"}. */
  public String words() {
    return words;
  }
}
