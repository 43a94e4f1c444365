package dev.migrate.model;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param name the constraint name; PostgreSQL's default is {@code <table>_<column>_key}
 * @param columns the constrained column names, in constraint order
 */
public record UniqueConstraint(String name, List<String> columns) implements TableElement {

  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
