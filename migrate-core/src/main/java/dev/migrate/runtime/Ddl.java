package dev.migrate.runtime;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.TableElement;
import dev.migrate.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Static factories for the arguments of {@link Operations}, imported with {@code import static
 * dev.migrate.runtime.Ddl.*;} by generated migrations so that they read like the DDL they state:
 *
 * <pre>{@code
 * op.createTable(table("customer",
 *     column("id", bigint()).asIdentity(),
 *     column("email", varchar(255)).notNull(),
 *     primaryKey("customer_pkey", "id")));
 * }</pre>
 */
public final class Ddl {

  private Ddl() {}

  /**
   * A table in the schema the migration runs in, from its elements in {@code CREATE TABLE} order.
   */
  public static Table table(String name, TableElement... elements) {
    return Table.of(null, name, List.of(elements));
  }

  /**
   * A nullable column; chain {@code .notNull()}, {@code .withDefault(sql)}, {@code .asIdentity()}.
   */
  public static Column column(String name, SqlType type) {
    return Column.of(name, type);
  }

  /** A primary key named {@code name} over {@code columns} in key order. */
  public static PrimaryKey primaryKey(String name, String... columns) {
    return new PrimaryKey(name, List.of(columns));
  }

  /** A unique constraint named {@code name} over {@code columns}. */
  public static UniqueConstraint unique(String name, String... columns) {
    return new UniqueConstraint(name, List.of(columns));
  }

  /**
   * A check constraint named {@code name}; {@code expression} is SQL without the {@code CHECK}
   * keyword.
   */
  public static CheckConstraint check(String name, String expression) {
    return new CheckConstraint(name, expression);
  }

  /** A non-unique index named {@code name} over {@code columns}. */
  public static Index index(String name, String... columns) {
    return Index.on(name, List.of(columns), false);
  }

  /** A unique index named {@code name} over {@code columns}. */
  public static Index uniqueIndex(String name, String... columns) {
    return Index.on(name, List.of(columns), true);
  }

  /**
   * A non-unique index over keys that are not all ascending columns, for example {@code index("i",
   * desc("created_at"), expression("lower(email)"))}; chain {@code .withMethod("gin")}, {@code
   * .withInclude("a")}, {@code .withWhere("deleted_at IS NULL")} for the rest of {@code CREATE
   * INDEX}.
   */
  public static Index index(String name, IndexKey first, IndexKey... more) {
    return new Index(name, keys(first, more), false, Index.BTREE, List.of(), null);
  }

  /**
   * A unique index over keys that are not all ascending columns; see {@link #index(String,
   * IndexKey, IndexKey...)}.
   */
  public static Index uniqueIndex(String name, IndexKey first, IndexKey... more) {
    return new Index(name, keys(first, more), true, Index.BTREE, List.of(), null);
  }

  private static List<IndexKey> keys(IndexKey first, IndexKey... more) {
    List<IndexKey> keys = new ArrayList<>();
    keys.add(first);
    keys.addAll(List.of(more));
    return keys;
  }

  /** An ascending column key of an index. */
  public static IndexKey asc(String column) {
    return IndexKey.column(column);
  }

  /** A descending column key of an index. */
  public static IndexKey desc(String column) {
    return IndexKey.descending(column);
  }

  /**
   * An expression key of an index, ascending (chain {@code .desc()}); {@code sql} without enclosing
   * parentheses.
   */
  public static IndexKey expression(String sql) {
    return IndexKey.expression(sql);
  }

  /**
   * The option of {@code op.createIndex(table, index, concurrently())} and {@code
   * op.dropIndex(...)}: build or drop the index without locking out writes ({@code CONCURRENTLY});
   * the revision must be marked {@code @Revision(transactional = false)}, since PostgreSQL cannot
   * do this inside a transaction block.
   */
  public static IndexOption concurrently() {
    return IndexOption.CONCURRENTLY;
  }

  /** Options of {@code createIndex} and {@code dropIndex}. */
  public enum IndexOption {
    /** {@code CREATE INDEX CONCURRENTLY} / {@code DROP INDEX CONCURRENTLY}. */
    CONCURRENTLY
  }

  /**
   * The option of {@code op.addForeignKey(table, key, notValid())} and {@code
   * op.addCheckConstraint(table, check, notValid())}: add the constraint {@code NOT VALID}, so that
   * existing rows are not checked under the lock of {@code ALTER TABLE}; check them afterwards with
   * {@code op.validateConstraint(table, name)} in a transaction of its own (PostgreSQL docs, ALTER
   * TABLE).
   */
  public static ConstraintOption notValid() {
    return ConstraintOption.NOT_VALID;
  }

  /** Options of {@code addForeignKey} and {@code addCheckConstraint}. */
  public enum ConstraintOption {
    /** {@code ADD CONSTRAINT ... NOT VALID}. */
    NOT_VALID
  }

  /**
   * The option of {@code op.alterColumn(table, from, to, notNullThroughCheck())}: set {@code NOT
   * NULL} through a check added {@code NOT VALID} and validated in its own transaction, so that no
   * statement scans the table under an {@code ACCESS EXCLUSIVE} lock (PostgreSQL 12+); the revision
   * must be marked {@code @Revision(transactional = false)}.
   */
  public static ColumnChangeOption notNullThroughCheck() {
    return ColumnChangeOption.NOT_NULL_THROUGH_CHECK;
  }

  /** Options of {@code alterColumn}. */
  public enum ColumnChangeOption {
    /** {@code SET NOT NULL} through a validated check; see {@link #notNullThroughCheck()}. */
    NOT_NULL_THROUGH_CHECK
  }

  /**
   * A foreign key named {@code name} over {@code columns}; finish it with {@code .references(...)}.
   */
  public static ForeignKeyStart foreignKey(String name, String... columns) {
    return new ForeignKeyStart(name, List.of(columns));
  }

  /** An enum type named {@code name} with {@code values} in sort order. */
  public static EnumType enumType(String name, String... values) {
    return new EnumType(null, name, List.of(values));
  }

  /** A sequence starting at {@code start} that steps by {@code increment}. */
  public static Sequence sequence(String name, long start, long increment) {
    return new Sequence(null, name, start, increment);
  }

  /** The first half of a foreign key: its name and referencing columns. */
  public record ForeignKeyStart(String name, List<String> columns) {

    /**
     * The foreign key referencing {@code columns} of {@code table} in the schema the migration runs
     * in.
     */
    public ForeignKey references(String table, String... columns) {
      return new ForeignKey(name, this.columns, null, table, List.of(columns), null, null);
    }

    /** The foreign key referencing {@code columns} of {@code schema.table}. */
    public ForeignKey referencesInSchema(String schema, String table, String... columns) {
      return new ForeignKey(name, this.columns, schema, table, List.of(columns), null, null);
    }
  }

  public static SqlType smallint() {
    return SqlType.smallint();
  }

  public static SqlType integer() {
    return SqlType.integer();
  }

  public static SqlType bigint() {
    return SqlType.bigint();
  }

  public static SqlType real() {
    return SqlType.real();
  }

  public static SqlType doublePrecision() {
    return SqlType.doublePrecision();
  }

  public static SqlType bool() {
    return SqlType.bool();
  }

  public static SqlType text() {
    return SqlType.text();
  }

  public static SqlType bytea() {
    return SqlType.bytea();
  }

  public static SqlType uuid() {
    return SqlType.uuid();
  }

  public static SqlType date() {
    return SqlType.date();
  }

  public static SqlType jsonb() {
    return SqlType.jsonb();
  }

  public static SqlType varchar(int length) {
    return SqlType.varchar(length);
  }

  public static SqlType character(int length) {
    return SqlType.character(length);
  }

  public static SqlType numeric(int precision, int scale) {
    return SqlType.numeric(precision, scale);
  }

  public static SqlType timestamp(int precision) {
    return SqlType.timestamp(precision);
  }

  public static SqlType timestamptz(int precision) {
    return SqlType.timestamptz(precision);
  }

  public static SqlType time(int precision) {
    return SqlType.time(precision);
  }

  /**
   * A type Migrate has no factory for, by its PostgreSQL name, for example {@code type("citext")}.
   */
  public static SqlType type(String name) {
    return SqlType.of(name);
  }
}
