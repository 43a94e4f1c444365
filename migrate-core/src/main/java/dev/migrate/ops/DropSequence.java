package dev.migrate.ops;

import dev.migrate.model.Sequence;

/** {@code DROP SEQUENCE}; carries the whole sequence so that it can be reversed. */
public record DropSequence(Sequence sequence) implements Op {

  @Override
  public Op reverse() {
    return new CreateSequence(sequence);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropSequence(this);
  }
}
