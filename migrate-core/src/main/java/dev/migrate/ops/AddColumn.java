package dev.migrate.ops;

import dev.migrate.model.Column;

/** {@code ALTER TABLE ... ADD COLUMN}. */
public record AddColumn(String schema, String table, Column column) implements TableOp {

  @Override
  public Op reverse() {
    return new DropColumn(schema, table, column);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddColumn(this);
  }
}
