package dev.migrate.model;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not the backing index of a primary key or unique constraint.
 *
 * @param name the index name
 * @param columns the indexed column names, in index order
 * @param unique whether the index is {@code UNIQUE}
 */
public record Index(String name, List<String> columns, boolean unique) implements TableElement {

  public Index {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
