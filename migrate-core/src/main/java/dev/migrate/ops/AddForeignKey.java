package dev.migrate.ops;

import dev.migrate.model.ForeignKey;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY [NOT VALID]}.
 *
 * <p>Without {@code NOT VALID}, PostgreSQL checks every existing row while it holds a {@code SHARE
 * ROW EXCLUSIVE} lock on both tables, which blocks writes for the whole scan. With {@code notValid}
 * it only checks new rows; a later {@link ValidateConstraint}, in a transaction of its own, checks
 * the old ones under a {@code SHARE UPDATE EXCLUSIVE} lock, which blocks neither reads nor writes
 * (PostgreSQL docs, ALTER TABLE: ADD table_constraint, VALIDATE CONSTRAINT).
 *
 * @param notValid add the key {@code NOT VALID}: existing rows are not checked until a {@link
 *     ValidateConstraint}
 */
public record AddForeignKey(String schema, String table, ForeignKey foreignKey, boolean notValid)
    implements TableOp {

  /** The op without {@code NOT VALID}: existing rows are checked when the key is added. */
  public AddForeignKey(String schema, String table, ForeignKey foreignKey) {
    this(schema, table, foreignKey, false);
  }

  @Override
  public Op reverse() {
    return new DropForeignKey(schema, table, foreignKey);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddForeignKey(this);
  }

  /**
   * The record's text, without {@code notValid} when it is {@code false}: the text of the op before
   * the flag existed, so that checksums recorded from it still match ({@code migrate_history}).
   */
  @Override
  public String toString() {
    return "AddForeignKey[schema="
        + schema
        + ", table="
        + table
        + ", foreignKey="
        + foreignKey
        + (notValid ? ", notValid=true" : "")
        + "]";
  }
}
