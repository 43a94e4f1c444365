/**
 * The annotation processor that captures the entity model at compile time into {@code
 * META-INF/migrate/model.json}: {@link dev.migrate.processor.ModelProcessor}. Everything else in
 * the package is its implementation: annotation reading by name, Hibernate 6 type mapping and
 * naming for PostgreSQL, and the catalogue of messages it reports.
 */
package dev.migrate.processor;
