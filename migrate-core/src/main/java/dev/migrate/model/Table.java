package dev.migrate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with everything that belongs to it.
 *
 * <p>Columns keep their declared order (it is the order of {@code CREATE TABLE}); constraints and
 * indexes are sorted by name, so two tables with the same content are equal whatever order they
 * were read in.
 *
 * @param schema the schema, or {@code null} for the schema the migration runs in (target schema)
 * @param name the table name exactly as the catalog stores it
 * @param columns the columns in table order
 * @param primaryKey the primary key, or {@code null} for none
 * @param uniqueConstraints unique constraints, sorted by name
 * @param checkConstraints check constraints, sorted by name
 * @param indexes indexes other than constraint-backing ones, sorted by name
 * @param foreignKeys foreign keys, sorted by name
 * @param comment the table comment ({@code COMMENT ON TABLE}), or {@code null} for none; the empty
 *     string is read as none, as PostgreSQL does
 * @param renamedFrom earlier names of this table, newest first, from {@code @RenamedFrom}; a hint
 *     for autogenerate, never read from a database and not part of the schema
 */
public record Table(
    String schema,
    String name,
    List<Column> columns,
    PrimaryKey primaryKey,
    List<UniqueConstraint> uniqueConstraints,
    List<CheckConstraint> checkConstraints,
    List<Index> indexes,
    List<ForeignKey> foreignKeys,
    String comment,
    List<String> renamedFrom) {

  public Table {
    Objects.requireNonNull(name, "name");
    renamedFrom = renamedFrom == null ? List.of() : List.copyOf(renamedFrom);
    // COMMENT ON ... IS '' drops the comment (PostgreSQL docs, COMMENT), so the empty comment is no
    // comment.
    comment = comment == null || comment.isEmpty() ? null : comment;
    columns = List.copyOf(columns);
    uniqueConstraints = sorted(uniqueConstraints);
    checkConstraints = sorted(checkConstraints);
    indexes = sorted(indexes);
    foreignKeys = sorted(foreignKeys);
  }

  /** A table without comment and rename hints. */
  public Table(
      String schema,
      String name,
      List<Column> columns,
      PrimaryKey primaryKey,
      List<UniqueConstraint> uniqueConstraints,
      List<CheckConstraint> checkConstraints,
      List<Index> indexes,
      List<ForeignKey> foreignKeys) {
    this(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        null,
        List.of());
  }

  private static <T extends TableElement> List<T> sorted(List<T> elements) {
    return elements.stream().sorted(Comparator.comparing(TableElement::name)).toList();
  }

  /**
   * A table from its elements in {@code CREATE TABLE} order: columns, at most one primary key,
   * constraints and indexes, in any order.
   *
   * @throws IllegalArgumentException if two primary keys are given
   */
  public static Table of(String schema, String name, List<? extends TableElement> elements) {
    List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey = null;
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (TableElement element : elements) {
      if (element instanceof Column c) {
        columns.add(c);
      } else if (element instanceof PrimaryKey pk) {
        if (primaryKey != null) {
          throw new IllegalArgumentException(
              "table "
                  + name
                  + " has two primary keys: "
                  + primaryKey.name()
                  + " and "
                  + pk.name());
        }
        primaryKey = pk;
      } else if (element instanceof UniqueConstraint u) {
        uniques.add(u);
      } else if (element instanceof CheckConstraint c) {
        checks.add(c);
      } else if (element instanceof Index i) {
        indexes.add(i);
      } else {
        foreignKeys.add((ForeignKey) element);
      }
    }
    return new Table(schema, name, columns, primaryKey, uniques, checks, indexes, foreignKeys);
  }

  /** The column called {@code name}, if there is one. */
  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Schema-qualified name for messages, for example {@code app.customer} or {@code customer}. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /** This table in {@code schema} ({@code null} for the migration's schema). */
  public Table inSchema(String schema) {
    return new Table(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        comment,
        renamedFrom);
  }

  /**
   * This table without indexes and foreign keys: what one {@code CREATE TABLE} statement creates.
   */
  public Table withoutIndexesAndForeignKeys() {
    return new Table(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        List.of(),
        List.of(),
        comment,
        renamedFrom);
  }

  /** This table with {@code columns} in place of its columns. */
  public Table withColumns(List<Column> columns) {
    return new Table(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        comment,
        renamedFrom);
  }

  /** This table with the comment given, or none when {@code null}. */
  public Table withComment(String comment) {
    return new Table(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        comment,
        renamedFrom);
  }

  /** This table with the rename hints given (earlier names, newest first). */
  public Table withRenamedFrom(List<String> renamedFrom) {
    return new Table(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        comment,
        renamedFrom);
  }

  /** This table and its columns without rename hints: what a database would report for it. */
  public Table withoutHints() {
    return new Table(
        schema,
        name,
        columns.stream().map(Column::withoutHints).toList(),
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        comment,
        List.of());
  }

  /** This table with other foreign keys. */
  public Table withForeignKeys(List<ForeignKey> foreignKeys) {
    return new Table(
        schema,
        name,
        columns,
        primaryKey,
        uniqueConstraints,
        checkConstraints,
        indexes,
        foreignKeys,
        comment,
        renamedFrom);
  }
}
