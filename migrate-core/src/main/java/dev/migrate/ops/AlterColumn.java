package dev.migrate.ops;

import dev.migrate.model.Column;

/**
 * A change of one column's type, nullability, default or identity, from {@code from} to {@code to}
 * (same name); keeping the old definition makes it reversible, as Alembic keeps {@code existing_*}.
 *
 * <p>{@code notNullThroughCheck} sets {@code NOT NULL} without scanning the table under an {@code
 * ACCESS EXCLUSIVE} lock: {@code ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID}, {@code
 * VALIDATE CONSTRAINT c} (which scans under {@code SHARE UPDATE EXCLUSIVE}, blocking neither reads
 * nor writes), {@code SET NOT NULL} (PostgreSQL 12+ skips its scan when a valid check proves the
 * column has no null: PostgreSQL docs, ALTER TABLE, SET NOT NULL) and {@code DROP CONSTRAINT c}.
 * The four statements must commit one by one, so the op {@linkplain #runsInTransaction() runs
 * outside a transaction}. It only matters when the column becomes {@code NOT NULL}.
 *
 * @param notNullThroughCheck set {@code NOT NULL} through a validated check, as above
 */
public record AlterColumn(
    String schema, String table, Column from, Column to, boolean notNullThroughCheck)
    implements TableOp {

  public AlterColumn {
    if (!from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "alterColumn on "
              + table
              + ": from "
              + from.name()
              + " to "
              + to.name()
              + " would be a rename, which alterColumn cannot express");
    }
  }

  /** The plain change: {@code SET NOT NULL}, if it is one, scans the table under its lock. */
  public AlterColumn(String schema, String table, Column from, Column to) {
    this(schema, table, from, to, false);
  }

  /** Whether the column goes from nullable to {@code NOT NULL}. */
  public boolean setsNotNull() {
    return from.nullable() && !to.nullable();
  }

  /**
   * {@code false} when {@code NOT NULL} is set through a check: its {@code VALIDATE} must commit
   * apart from the {@code ADD CONSTRAINT ... NOT VALID}, or it would scan under that statement's
   * {@code ACCESS EXCLUSIVE} lock.
   */
  @Override
  public boolean runsInTransaction() {
    return !(notNullThroughCheck && setsNotNull());
  }

  /** The opposite change; dropping {@code NOT NULL} needs no check. */
  @Override
  public Op reverse() {
    return new AlterColumn(schema, table, to, from);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAlterColumn(this);
  }

  /**
   * The record's text, without {@code notNullThroughCheck} when it is {@code false}: the text of
   * the op before the flag existed, so that checksums recorded from it still match ({@code
   * migrate_history}).
   */
  @Override
  public String toString() {
    return "AlterColumn[schema="
        + schema
        + ", table="
        + table
        + ", from="
        + from
        + ", to="
        + to
        + (notNullThroughCheck ? ", notNullThroughCheck=true" : "")
        + "]";
  }
}
