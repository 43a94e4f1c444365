package dev.migrate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index, on a {@link Table} class or on a JPA entity, with what JPA's {@code @Index} cannot say:
 * the access method, a partial index's predicate, expression keys and included columns.
 *
 * <pre>{@code
 * @Index(keys = "(lower(email))", unique = true, where = "deleted_at IS NULL")
 * @Index(keys = "tags", method = "gin")
 * @Index(keys = {"customer_id", "created DESC"}, include = "total")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {

  /** The index name; default: the name PostgreSQL would choose ({@code <table>_<columns>_idx}). */
  String name() default "";

  /**
   * The keys, in order, as in PostgreSQL's {@code CREATE INDEX}: a column name (as stored), or an
   * expression in parentheses ({@code "(lower(email))"}), each optionally followed by {@code ASC}
   * or {@code DESC}. At least one.
   */
  String[] keys();

  /** Whether the index is unique. */
  boolean unique() default false;

  /**
   * The access method: {@code btree} (the default), {@code hash}, {@code gist}, {@code gin}, {@code
   * brin}, ...
   */
  String method() default "btree";

  /** Columns stored in the index but not part of the key ({@code INCLUDE}, B-tree and GiST). */
  String[] include() default {};

  /** The predicate of a partial index, an SQL boolean expression ({@code WHERE}); default: none. */
  String where() default "";

  /** The container of repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
