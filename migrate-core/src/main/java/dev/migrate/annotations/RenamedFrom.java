package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The names this column (on a field or getter) or table (on a class) had before, newest first, so
 * that autogenerate writes {@code renameColumn}/{@code renameTable} instead of a drop and an add,
 * which would lose the data. Names are written as the database stores them (the naming strategy is
 * not applied). Remove the annotation once every database has been upgraded past the rename;
 * keeping it does no harm.
 *
 * <pre>{@code @RenamedFrom("email_address") private String email;}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {

  /** The previous names, newest first; at least one. */
  String[] value();
}
