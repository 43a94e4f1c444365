package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code ALTER TABLE ... RENAME TO ...}: the table keeps its rows, columns, constraints and indexes
 * (whose names do not change); foreign keys that reference it follow it. The diff emits it only for
 * an explicit {@code @RenamedFrom} hint, never by guessing.
 *
 * @param schema the table's schema, {@code null} for the schema the migration runs in
 * @param from the current name
 * @param to the new name
 */
public record RenameTable(String schema, String from, String to) implements TableOp {

  public RenameTable {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * The table the op acts on: its name before the rename, as Alembic's {@code RenameTableOp} names
   * its table.
   */
  @Override
  public String table() {
    return from;
  }

  @Override
  public Op reverse() {
    return new RenameTable(schema, to, from);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitRenameTable(this);
  }
}
