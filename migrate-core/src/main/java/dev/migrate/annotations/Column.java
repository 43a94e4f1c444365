package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A column of a {@link Table} class; every attribute is optional. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

  /** The column name; default: the field name, through the naming strategy. */
  String name() default "";

  /**
   * The PostgreSQL type, as in DDL ({@code "varchar(40)"}, {@code "jsonb"}, {@code
   * "numeric(12,2)"}); default: the Java type's mapping ({@code String} is {@code
   * varchar(length)}).
   */
  String type() default "";

  /** Whether the column accepts null; primitive fields and {@link Id} columns never do. */
  boolean nullable() default true;

  /** Whether a unique constraint covers this column alone. */
  boolean unique() default false;

  /** The {@code varchar} length of a {@code String}, in characters; must be positive. */
  int length() default 255;

  /**
   * The {@code numeric} precision of a {@code BigDecimal}/{@code BigInteger}, in decimal digits; 0
   * = default 38.
   */
  int precision() default 0;

  /**
   * The {@code numeric} scale, in decimal digits after the point (used with {@link #precision()}).
   */
  int scale() default 0;

  /**
   * The default value as an SQL expression ({@code "0"}, {@code "'new'"}, {@code "now()"});
   * default: none.
   */
  String defaultValue() default "";

  /** The column's comment ({@code COMMENT ON COLUMN}); default: none. */
  String comment() default "";
}
