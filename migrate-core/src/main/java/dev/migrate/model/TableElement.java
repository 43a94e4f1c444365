package dev.migrate.model;

/**
 * Something that belongs to one table: a column, its primary key, a constraint or an index. Lets a
 * table be written as a list of elements, the way {@code CREATE TABLE} reads.
 */
public sealed interface TableElement
    permits Column, PrimaryKey, UniqueConstraint, CheckConstraint, ForeignKey, Index {

  /**
   * The element's name: the column name, or the constraint or index name as PostgreSQL stores it.
   */
  String name();
}
