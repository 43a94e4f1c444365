package dev.migrate.ops;

import dev.migrate.model.Sequence;
import java.util.Objects;

/**
 * {@code ALTER SEQUENCE}: the sequence {@code from} becomes {@code to} (same schema and name), keeping its current
 * value; only the changed clauses are stated (increment, start, bounds, {@code OWNED BY}). Carrying both sides makes
 * it reversible, as {@link AlterColumn} does.
 */
public record AlterSequence(Sequence from, Sequence to) implements Op {

  public AlterSequence {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!Objects.equals(from.schema(), to.schema()) || !from.name().equals(to.name())) {
      throw new IllegalArgumentException("alterSequence from " + from.qualifiedName() + " to " + to.qualifiedName()
          + " would be a rename or a move, which alterSequence cannot express");
    }
  }

  @Override
  public Op reverse() {
    return new AlterSequence(to, from);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAlterSequence(this);
  }
}
