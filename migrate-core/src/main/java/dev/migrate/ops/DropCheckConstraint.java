package dev.migrate.ops;

import dev.migrate.model.CheckConstraint;

/** {@code ALTER TABLE ... DROP CONSTRAINT} of a check constraint. */
public record DropCheckConstraint(String schema, String table, CheckConstraint constraint)
    implements TableOp {

  @Override
  public Op reverse() {
    return new AddCheckConstraint(schema, table, constraint);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropCheckConstraint(this);
  }
}
