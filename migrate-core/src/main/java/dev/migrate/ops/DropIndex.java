package dev.migrate.ops;

import dev.migrate.model.Index;

/** {@code DROP INDEX}; carries the whole index so that it can be reversed. */
public record DropIndex(String schema, String table, Index index) implements Op {

  @Override
  public Op reverse() {
    return new CreateIndex(schema, table, index);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropIndex(this);
  }
}
