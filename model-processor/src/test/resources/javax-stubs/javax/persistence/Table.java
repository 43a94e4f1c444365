package javax.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Test stub of JPA 2.2's {@code javax.persistence.Table}: only what the processor tests use. */
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Table {
  String name() default "";
  String schema() default "";
  Index[] indexes() default {};
  UniqueConstraint[] uniqueConstraints() default {};
}
