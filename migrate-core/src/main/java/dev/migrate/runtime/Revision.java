package dev.migrate.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Identifies a {@link Migration} class in the revision graph (Alembic's {@code revision} / {@code down_revision}).
 * The model processor indexes every class that carries it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

  /** The revision id: 12 lower-case hex digits, for example {@code "3f2a9c1d7b04"}; unique in the chain. */
  String id();

  /** The down revision(s) this one applies on top of; empty for a base revision (the first of a chain). */
  String[] revises() default {};

  /** The message given to {@code -Dmessage}, as typed. */
  String message() default "";

  /**
   * Revisions of other chains that must be applied before this one (Alembic's {@code depends_on}); for example the
   * revision of schema group {@code user} that created a table this revision references. Empty by default.
   */
  String[] dependsOn() default {};

  /** Names of the branch this revision starts (Alembic's {@code branch_labels}); for a schema group, its alias. */
  String[] branchLabels() default {};
}
