package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code DROP SCHEMA} without {@code CASCADE}: it fails unless the schema is empty, so it never
 * takes objects along. Emitted only as the reverse of {@link CreateSchema}.
 *
 * @param name the schema name
 */
public record DropSchema(String name) implements Op {

  public DropSchema {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public Op reverse() {
    return new CreateSchema(name);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropSchema(this);
  }
}
