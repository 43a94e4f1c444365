package dev.migrate.ops;

import dev.migrate.model.PrimaryKey;

/** {@code ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY}. */
public record AddPrimaryKey(String schema, String table, PrimaryKey primaryKey) implements TableOp {

  @Override
  public Op reverse() {
    return new DropPrimaryKey(schema, table, primaryKey);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddPrimaryKey(this);
  }
}
