package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class that describes a table without JPA: each of its non-static, non-transient fields is a
 * column (type from the Java type as Hibernate would map it, or {@link Column#type()}), {@link Id}
 * fields form the primary key. On a JPA entity it is an error: use JPA's {@code @Table} there (and
 * Migrate's {@link Index} for what JPA cannot say).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

  /** The table name; default: the class's simple name, through the naming strategy. */
  String name() default "";

  /** The schema; default: none (the schema the chain runs in). */
  String schema() default "";

  /** The table's comment ({@code COMMENT ON TABLE}); default: none. */
  String comment() default "";

  /** The table's indexes (more can be given as repeated {@link Index} annotations on the class). */
  Index[] indexes() default {};
}
