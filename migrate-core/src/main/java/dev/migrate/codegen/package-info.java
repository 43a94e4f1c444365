/**
 * Renders ops as migration classes: {@link dev.migrate.codegen.MigrationWriter} turns a {@link
 * dev.migrate.codegen.MigrationSpec} into Java source (JavaPoet) whose {@code upgrade} and {@code
 * downgrade} rebuild the very op records they were rendered from; {@link
 * dev.migrate.codegen.RevisionNames} names revisions and classes; {@link
 * dev.migrate.codegen.OpDescriptions} says in words what an op does and what it destroys (asking
 * the dialect which type changes keep every value), for the class header and for autogen's log.
 *
 * <p>JavaPoet is an optional dependency of {@code migrate-core}: only this package needs it.
 */
package dev.migrate.codegen;
