package dev.migrate.ops;

import dev.migrate.model.Index;

/** {@code CREATE [UNIQUE] INDEX}. */
public record CreateIndex(String schema, String table, Index index) implements Op {

  @Override
  public Op reverse() {
    return new DropIndex(schema, table, index);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitCreateIndex(this);
  }
}
