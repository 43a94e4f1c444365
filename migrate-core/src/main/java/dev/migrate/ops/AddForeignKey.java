package dev.migrate.ops;

import dev.migrate.model.ForeignKey;

/** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}. */
public record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements TableOp {

  @Override
  public Op reverse() {
    return new DropForeignKey(schema, table, foreignKey);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddForeignKey(this);
  }
}
