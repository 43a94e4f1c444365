package dev.migrate.ops;

import dev.migrate.model.UniqueConstraint;

/** {@code ALTER TABLE ... DROP CONSTRAINT} of a unique constraint. */
public record DropUniqueConstraint(String schema, String table, UniqueConstraint constraint)
    implements TableOp {

  @Override
  public Op reverse() {
    return new AddUniqueConstraint(schema, table, constraint);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropUniqueConstraint(this);
  }
}
