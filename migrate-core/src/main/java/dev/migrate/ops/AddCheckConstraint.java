package dev.migrate.ops;

import dev.migrate.model.CheckConstraint;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) [NOT VALID]}.
 *
 * <p>Without {@code NOT VALID}, PostgreSQL checks every existing row while it holds an {@code
 * ACCESS EXCLUSIVE} lock, which blocks reads and writes for the whole scan. With {@code notValid}
 * it only checks new rows; a later {@link ValidateConstraint}, in a transaction of its own, checks
 * the old ones under a {@code SHARE UPDATE EXCLUSIVE} lock (PostgreSQL docs, ALTER TABLE).
 *
 * @param notValid add the check {@code NOT VALID}: existing rows are not checked until a {@link
 *     ValidateConstraint}
 */
public record AddCheckConstraint(
    String schema, String table, CheckConstraint constraint, boolean notValid) implements TableOp {

  /** The op without {@code NOT VALID}: existing rows are checked when the check is added. */
  public AddCheckConstraint(String schema, String table, CheckConstraint constraint) {
    this(schema, table, constraint, false);
  }

  @Override
  public Op reverse() {
    return new DropCheckConstraint(schema, table, constraint);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddCheckConstraint(this);
  }

  /**
   * The record's text, without {@code notValid} when it is {@code false}: the text of the op before
   * the flag existed, so that checksums recorded from it still match ({@code migrate_history}).
   */
  @Override
  public String toString() {
    return "AddCheckConstraint[schema="
        + schema
        + ", table="
        + table
        + ", constraint="
        + constraint
        + (notValid ? ", notValid=true" : "")
        + "]";
  }
}
