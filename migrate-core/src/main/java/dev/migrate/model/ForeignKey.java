package dev.migrate.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key constraint.
 *
 * @param name the constraint name; PostgreSQL's default is {@code <table>_<column>_fkey}
 * @param columns the referencing column names, in order
 * @param referencedSchema the referenced table's schema, or {@code null} for the schema the
 *     migration runs in
 * @param referencedTable the referenced table's name
 * @param referencedColumns the referenced column names, paired with {@code columns} by position
 * @param onDelete the action on delete of the referenced row; {@link ReferentialAction#NO_ACTION}
 *     by default
 * @param onUpdate the action on update of the referenced key; {@link ReferentialAction#NO_ACTION}
 *     by default
 * @param deferrable whether the constraint is {@code DEFERRABLE} (PostgreSQL docs, CREATE TABLE)
 * @param initiallyDeferred whether a deferrable constraint is {@code INITIALLY DEFERRED}; always
 *     {@code false} when not deferrable
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String referencedSchema,
    String referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    boolean deferrable,
    boolean initiallyDeferred)
    implements TableElement {

  /** A foreign key that is not deferrable. */
  public ForeignKey(
      String name,
      List<String> columns,
      String referencedSchema,
      String referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    this(
        name,
        columns,
        referencedSchema,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        false,
        false);
  }

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    if (initiallyDeferred && !deferrable) {
      throw new IllegalArgumentException(
          "foreign key " + name + ": INITIALLY DEFERRED needs DEFERRABLE");
    }
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "foreign key "
              + name
              + ": "
              + columns.size()
              + " columns reference "
              + referencedColumns.size()
              + " columns; they must pair up");
    }
  }

  /** This foreign key with the given actions. */
  public ForeignKey withActions(ReferentialAction onDelete, ReferentialAction onUpdate) {
    return new ForeignKey(
        name,
        columns,
        referencedSchema,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred);
  }

  /**
   * This foreign key with the deferrability given ({@code initiallyDeferred} needs {@code
   * deferrable}).
   */
  public ForeignKey withDeferrable(boolean deferrable, boolean initiallyDeferred) {
    return new ForeignKey(
        name,
        columns,
        referencedSchema,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred);
  }

  /**
   * The same foreign key referencing a table in {@code schema} ({@code null} for the migration's
   * schema).
   */
  public ForeignKey referencingSchema(String schema) {
    return new ForeignKey(
        name,
        columns,
        schema,
        referencedTable,
        referencedColumns,
        onDelete,
        onUpdate,
        deferrable,
        initiallyDeferred);
  }
}
