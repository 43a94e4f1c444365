package dev.migrate.dialect;

import java.util.Objects;

/**
 * An object of a schema that introspection does not read into the model, so that a revision written
 * from the model would not recreate it (see {@link Dialect#unmodelled}).
 *
 * @param kind what it is, in the database's words: {@code view}, {@code trigger}, {@code generated
 *     column}, ...
 * @param name its name; {@code table.column} or {@code table.constraint} for parts of a table
 * @param table the table it belongs to or is defined on, or {@code null} for a schema-level object
 *     (a view, a function), so that tables left out on purpose ({@code excludeTables}) can leave
 *     out their parts too
 * @param changesTable {@code true} when a table recreated from the model would differ from the
 *     database's (a column, a constraint or rows it would lose); {@code false} for an object beside
 *     the tables, which a replay would merely lack
 */
public record Unmodelled(String kind, String name, String table, boolean changesTable) {

  public Unmodelled {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return kind + " " + name;
  }
}
