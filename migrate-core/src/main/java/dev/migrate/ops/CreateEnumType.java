package dev.migrate.ops;

import dev.migrate.model.EnumType;

/** {@code CREATE TYPE ... AS ENUM (...)}. */
public record CreateEnumType(EnumType type) implements Op {

  @Override
  public Op reverse() {
    return new DropEnumType(type);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitCreateEnumType(this);
  }
}
