package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code CREATE SCHEMA}, for a model object in a schema the database lacks. Its reverse drops the
 * schema, which is right exactly because the revision that holds this op created it; the diff never
 * drops a schema by itself.
 *
 * @param name the schema name
 */
public record CreateSchema(String name) implements Op {

  public CreateSchema {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public Op reverse() {
    return new DropSchema(name);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitCreateSchema(this);
  }
}
