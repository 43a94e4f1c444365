package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code ALTER TABLE ... RENAME COLUMN ... TO ...}: the column keeps its values, type and
 * constraints; the constraints, indexes and foreign keys that name it follow it. The diff emits it
 * only for an explicit {@code @RenamedFrom} hint, never by guessing.
 *
 * @param schema the table's schema, {@code null} for the schema the migration runs in
 * @param table the table name
 * @param from the column's current name
 * @param to the column's new name
 */
public record RenameColumn(String schema, String table, String from, String to) implements TableOp {

  public RenameColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public Op reverse() {
    return new RenameColumn(schema, table, to, from);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitRenameColumn(this);
  }
}
