/**
 * Migrate's own model annotations, read by the model processor ({@code
 * dev.migrate:model-processor}) by name at compile time; this package has no dependencies.
 *
 * <p>Two uses. With JPA entities they say what JPA cannot: {@link
 * dev.migrate.annotations.RenamedFrom} (a rename rather than a drop and an add) and {@link
 * dev.migrate.annotations.Index} (index methods, partial indexes, expression keys, included
 * columns). Without JPA, {@link dev.migrate.annotations.Table}, {@link
 * dev.migrate.annotations.Column}, {@link dev.migrate.annotations.Id}, {@link
 * dev.migrate.annotations.Index} and {@link dev.migrate.annotations.ForeignKey} describe tables
 * directly: every non-static, non-transient field of a class annotated {@code @Table} is a column.
 */
package dev.migrate.annotations;
