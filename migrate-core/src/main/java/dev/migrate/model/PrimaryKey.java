package dev.migrate.model;

import java.util.List;
import java.util.Objects;

/**
 * A primary key constraint.
 *
 * @param name the constraint name; PostgreSQL's default is {@code <table>_pkey}
 * @param columns the key's column names, in key order
 */
public record PrimaryKey(String name, List<String> columns) implements TableElement {

  public PrimaryKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
