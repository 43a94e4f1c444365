package dev.migrate.model;

/**
 * What a foreign key does when the referenced row is deleted or updated (PostgreSQL docs, CREATE
 * TABLE).
 */
public enum ReferentialAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  /** The SQL words, for example {@code "SET NULL"}. */
  public String sql() {
    return sql;
  }
}
