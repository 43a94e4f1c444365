package dev.migrate.ops;

import dev.migrate.model.EnumType;

/** {@code DROP TYPE} of an enum type; carries the whole type so that it can be reversed. */
public record DropEnumType(EnumType type) implements Op {

  @Override
  public Op reverse() {
    return new CreateEnumType(type);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropEnumType(this);
  }
}
