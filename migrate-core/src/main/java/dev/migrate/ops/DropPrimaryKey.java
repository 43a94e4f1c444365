package dev.migrate.ops;

import dev.migrate.model.PrimaryKey;

/** {@code ALTER TABLE ... DROP CONSTRAINT} of a primary key. */
public record DropPrimaryKey(String schema, String table, PrimaryKey primaryKey)
    implements TableOp {

  @Override
  public Op reverse() {
    return new AddPrimaryKey(schema, table, primaryKey);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropPrimaryKey(this);
  }
}
