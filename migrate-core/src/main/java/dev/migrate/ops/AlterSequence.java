package dev.migrate.ops;

import dev.migrate.model.Sequence;
import java.util.Objects;

/**
 * {@code ALTER SEQUENCE}: the sequence {@code from} becomes {@code to} (same schema and name),
 * keeping its current value where the new bounds allow it; only the changed clauses are stated
 * (increment, start, bounds, {@code OWNED BY}). Carrying both sides makes it reversible, as {@link
 * AlterColumn} does.
 *
 * <p>When the change {@linkplain #narrowsRange() narrows the range} (a bound moves inward, or the
 * direction flips and with it the default bounds), the current value may lie outside the new
 * bounds, which PostgreSQL refuses ("RESTART value (0) cannot be less than MINVALUE (1)",
 * sequence.c, {@code init_params}); the sequence is then restarted at {@code to.start()}, so it may
 * hand out values it has handed out before.
 */
public record AlterSequence(Sequence from, Sequence to) implements Op {

  public AlterSequence {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!Objects.equals(from.schema(), to.schema()) || !from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "alterSequence from "
              + from.qualifiedName()
              + " to "
              + to.qualifiedName()
              + " would be a rename or a move, which alterSequence cannot express");
    }
  }

  /**
   * Whether the bounds in effect of {@code to} do not include those of {@code from} ({@link
   * Sequence#minValueInEffect()}, {@link Sequence#maxValueInEffect()}): then the sequence's current
   * value may be out of range and is restarted.
   */
  public boolean narrowsRange() {
    return to.minValueInEffect() > from.minValueInEffect()
        || to.maxValueInEffect() < from.maxValueInEffect();
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
