package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field of a {@link Table} class: its column references the primary key of another table, the
 * {@link Table} class {@link #target()} (whose single {@link Id} column gives the column's type
 * when {@link Column#type()} is not written).
 *
 * <pre>
 * {@code @ForeignKey(target = Customer.class, onDelete = ForeignKey.Action.CASCADE) private long customerId;}
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {

  /** The referenced {@link Table} class. */
  Class<?> target();

  /**
   * The constraint name; default: the name PostgreSQL would choose ({@code <table>_<column>_fkey}).
   */
  String name() default "";

  /** What deleting the referenced row does. */
  Action onDelete() default Action.NO_ACTION;

  /** What updating the referenced key does. */
  Action onUpdate() default Action.NO_ACTION;

  /** Whether the check can be deferred to commit ({@code DEFERRABLE}). */
  boolean deferrable() default false;

  /**
   * Whether the check is deferred by default ({@code INITIALLY DEFERRED}); needs {@link
   * #deferrable()}.
   */
  boolean initiallyDeferred() default false;

  /** PostgreSQL's referential actions. */
  enum Action {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT
  }
}
