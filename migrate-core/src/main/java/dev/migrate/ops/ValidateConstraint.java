package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code ALTER TABLE ... VALIDATE CONSTRAINT name}: checks the existing rows against a foreign key
 * or check constraint added {@code NOT VALID} ({@link AddForeignKey#notValid()}, {@link
 * AddCheckConstraint#notValid()}). It scans the table under a {@code SHARE UPDATE EXCLUSIVE} lock,
 * which blocks neither reads nor writes (a foreign key also takes {@code ROW SHARE} on the
 * referenced table); PostgreSQL docs, ALTER TABLE, VALIDATE CONSTRAINT.
 *
 * <p>It runs {@linkplain #runsInTransaction() outside the revision's transaction}, so in a revision
 * marked {@code @Revision(transactional = false)}, where each statement commits on its own: in the
 * same transaction as the {@code ADD ... NOT VALID}, it would scan under that statement's stronger
 * lock, which is what the safe form avoids. Its {@link #reverse()} is itself: validating is not
 * undone, and "nothing happens if the constraint is already marked valid" (PostgreSQL docs, ALTER
 * TABLE); a derived downgrade leaves it out ({@link #undoneInDowngrade()}).
 *
 * @param schema the table's schema, {@code null} for the schema the migration runs in
 * @param table the table the constraint belongs to
 * @param name the constraint's name
 */
public record ValidateConstraint(String schema, String table, String name) implements TableOp {

  public ValidateConstraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  /** {@code false}: it must commit apart from the {@code ADD ... NOT VALID}, see above. */
  @Override
  public boolean runsInTransaction() {
    return false;
  }

  /** This op: a constraint stays validated, and validating it again does nothing. */
  @Override
  public Op reverse() {
    return this;
  }

  /** {@code false}: the downgrade drops the constraint, validated or not. */
  @Override
  public boolean undoneInDowngrade() {
    return false;
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitValidateConstraint(this);
  }
}
