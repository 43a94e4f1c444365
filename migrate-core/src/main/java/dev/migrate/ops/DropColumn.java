package dev.migrate.ops;

import dev.migrate.model.Column;

/** {@code ALTER TABLE ... DROP COLUMN}; carries the whole column so that it can be reversed. */
public record DropColumn(String schema, String table, Column column) implements TableOp {

  @Override
  public Op reverse() {
    return new AddColumn(schema, table, column);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropColumn(this);
  }
}
