package dev.migrate.ops;

import dev.migrate.model.Column;

/**
 * A change of one column's type, nullability, default or identity, from {@code from} to {@code to}
 * (same name); keeping the old definition makes it reversible, as Alembic keeps {@code existing_*}.
 */
public record AlterColumn(String schema, String table, Column from, Column to) implements TableOp {

  public AlterColumn {
    if (!from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "alterColumn on "
              + table
              + ": from "
              + from.name()
              + " to "
              + to.name()
              + " would be a rename, which alterColumn cannot express");
    }
  }

  @Override
  public Op reverse() {
    return new AlterColumn(schema, table, to, from);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAlterColumn(this);
  }
}
