package dev.migrate.ops;

import dev.migrate.model.UniqueConstraint;

/** {@code ALTER TABLE ... ADD CONSTRAINT ... UNIQUE}. */
public record AddUniqueConstraint(String schema, String table, UniqueConstraint constraint)
    implements TableOp {

  @Override
  public Op reverse() {
    return new DropUniqueConstraint(schema, table, constraint);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddUniqueConstraint(this);
  }
}
