package dev.migrate.ops;

import dev.migrate.model.Index;

/**
 * {@code DROP INDEX [CONCURRENTLY]}; carries the whole index so that it can be reversed. {@code
 * concurrently} needs a revision marked {@code @Revision(transactional = false)}.
 */
public record DropIndex(String schema, String table, Index index, boolean concurrently)
    implements TableOp {

  /** The op without {@code CONCURRENTLY}, which runs inside the revision's transaction. */
  public DropIndex(String schema, String table, Index index) {
    this(schema, table, index, false);
  }

  /**
   * {@code CONCURRENTLY} cannot run inside a transaction block (PostgreSQL docs, CREATE INDEX, DROP
   * INDEX).
   */
  @Override
  public boolean runsInTransaction() {
    return !concurrently;
  }

  @Override
  public Op reverse() {
    return new CreateIndex(schema, table, index, concurrently);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropIndex(this);
  }
}
