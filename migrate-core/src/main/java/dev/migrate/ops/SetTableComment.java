package dev.migrate.ops;

/**
 * {@code COMMENT ON TABLE ... IS ...}: the comment of a table changes from {@code from} to {@code
 * to} ({@code null} for none). Column comments change through {@link AlterColumn}, whose two
 * columns carry them.
 *
 * @param schema the table's schema, {@code null} for the schema the migration runs in
 * @param table the table name
 * @param from the comment before, {@code null} for none; kept so that the op can be reversed
 * @param to the comment after, {@code null} for none
 */
public record SetTableComment(String schema, String table, String from, String to)
    implements TableOp {

  @Override
  public Op reverse() {
    return new SetTableComment(schema, table, to, from);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitSetTableComment(this);
  }
}
