package dev.migrate.ops;

import dev.migrate.model.CheckConstraint;

/** {@code ALTER TABLE ... ADD CONSTRAINT ... CHECK}. */
public record AddCheckConstraint(String schema, String table, CheckConstraint constraint)
    implements TableOp {

  @Override
  public Op reverse() {
    return new DropCheckConstraint(schema, table, constraint);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddCheckConstraint(this);
  }
}
