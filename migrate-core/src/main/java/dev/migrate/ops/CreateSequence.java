package dev.migrate.ops;

import dev.migrate.model.Sequence;

/** {@code CREATE SEQUENCE}. */
public record CreateSequence(Sequence sequence) implements Op {

  @Override
  public Op reverse() {
    return new DropSequence(sequence);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitCreateSequence(this);
  }
}
