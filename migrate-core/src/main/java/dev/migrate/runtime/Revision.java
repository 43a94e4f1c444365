package dev.migrate.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Identifies a {@link Migration} class in the revision graph (Alembic's {@code revision} / {@code
 * down_revision}). The model processor indexes every class that carries it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

  /**
   * The revision id: 12 lower-case hex digits, for example {@code "3f2a9c1d7b04"}; unique in the
   * chain.
   */
  String id();

  /**
   * The down revision(s) this one applies on top of; empty for a base revision (the first of a
   * chain).
   */
  String[] revises() default {};

  /** The message given to {@code -Dmessage}, as typed. */
  String message() default "";

  /**
   * Revisions, usually on other branches, that must be applied before this one without being its
   * down revisions (Alembic's {@code depends_on}). Full ids, partial ids or branch labels; empty
   * for none.
   */
  String[] dependsOn() default {};

  /**
   * Names for the branch this revision starts or belongs to (Alembic's {@code branch_labels}),
   * usable in targets as {@code <label>@head}. Unique across the graph; empty for none.
   */
  String[] branchLabels() default {};

  /**
   * Whether the runner wraps the revision in one transaction (the default: all of it or nothing of
   * it applies). {@code false} is for ops PostgreSQL cannot run in a transaction block ({@code
   * CREATE INDEX CONCURRENTLY}); the runner then runs each statement on its own, says so, and on a
   * failure records it and names the statement, since the statements before it stay applied.
   */
  boolean transactional() default true;
}
