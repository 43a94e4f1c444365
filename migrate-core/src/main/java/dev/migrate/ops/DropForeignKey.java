package dev.migrate.ops;

import dev.migrate.model.ForeignKey;

/** {@code ALTER TABLE ... DROP CONSTRAINT} of a foreign key. */
public record DropForeignKey(String schema, String table, ForeignKey foreignKey)
    implements TableOp {

  @Override
  public Op reverse() {
    return new AddForeignKey(schema, table, foreignKey);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropForeignKey(this);
  }
}
