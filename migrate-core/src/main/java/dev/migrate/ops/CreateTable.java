package dev.migrate.ops;

import dev.migrate.model.Table;

/**
 * {@code CREATE TABLE} with columns, primary key, unique and check constraints; indexes and foreign
 * keys of a new table are separate ops.
 */
public record CreateTable(Table table) implements Op {

  /** The table's schema, {@code null} for the schema the migration runs in. */
  public String schema() {
    return table.schema();
  }

  @Override
  public Op reverse() {
    return new DropTable(table);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitCreateTable(this);
  }
}
