package javax.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Test stub of JPA 2.2's {@code javax.persistence.Index}: only what the processor tests use. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
public @interface Index {
  String name() default "";
  String columnList();
  boolean unique() default false;
}
