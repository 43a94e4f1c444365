package dev.migrate.ops;

import dev.migrate.model.Table;

/** {@code DROP TABLE}; carries the whole table so that it can be reversed. */
public record DropTable(Table table) implements Op {

  /** The table's schema, {@code null} for the schema the migration runs in. */
  public String schema() {
    return table.schema();
  }

  @Override
  public Op reverse() {
    return new CreateTable(table);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropTable(this);
  }
}
