package dev.migrate.runtime;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropCheckConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropEnumType;
import dev.migrate.ops.DropEnumValue;
import dev.migrate.ops.DropForeignKey;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropPrimaryKey;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropUniqueConstraint;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import dev.migrate.ops.ValidateConstraint;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a migration's {@code upgrade} and {@code downgrade} call ({@code op} in the generated code,
 * as in Alembic). Each method builds one {@link Op} record and hands it to the sink the runner
 * chose: execute it through the dialect, append it to an offline SQL script, or replay it into an
 * in-memory model. Build the arguments with the static factories of {@link Ddl}.
 *
 * <p>Table names are unqualified and refer to the schema the migration runs in, unless the calls go
 * through {@link #inSchema(String)}.
 */
public final class Operations {

  private final Consumer<Op> sink;
  private final String schema;

  /**
   * Operations that hand every op to {@code sink}, in call order, for the schema the migration runs
   * in.
   */
  public Operations(Consumer<Op> sink) {
    this(sink, null);
  }

  private Operations(Consumer<Op> sink, String schema) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.schema = schema;
  }

  /**
   * The same operations on tables of {@code schema} instead of the schema the migration runs in.
   */
  public Operations inSchema(String schema) {
    return new Operations(sink, Objects.requireNonNull(schema, "schema"));
  }

  /** Creates {@code table} with its columns, primary key, unique and check constraints. */
  public void createTable(Table table) {
    sink.accept(new CreateTable(table.inSchema(schema)));
  }

  /** Drops {@code table}; the full definition is what the downgrade would recreate. */
  public void dropTable(Table table) {
    sink.accept(new DropTable(table.inSchema(schema)));
  }

  /** Adds {@code column} to {@code table}. */
  public void addColumn(String table, Column column) {
    sink.accept(new AddColumn(schema, table, column));
  }

  /** Drops {@code column} (given in full, so that it can be re-added) from {@code table}. */
  public void dropColumn(String table, Column column) {
    sink.accept(new DropColumn(schema, table, column));
  }

  /**
   * Changes a column of {@code table} from definition {@code from} to {@code to}; both have the
   * same name.
   */
  public void alterColumn(String table, Column from, Column to) {
    sink.accept(new AlterColumn(schema, table, from, to));
  }

  /**
   * Changes a column of {@code table} from {@code from} to {@code to}, with {@code
   * Ddl.notNullThroughCheck()} setting {@code NOT NULL} through a validated check (see {@link
   * AlterColumn}).
   */
  public void alterColumn(String table, Column from, Column to, Ddl.ColumnChangeOption... options) {
    sink.accept(
        new AlterColumn(
            schema,
            table,
            from,
            to,
            List.of(options).contains(Ddl.ColumnChangeOption.NOT_NULL_THROUGH_CHECK)));
  }

  /** Adds {@code primaryKey} to {@code table}. */
  public void addPrimaryKey(String table, PrimaryKey primaryKey) {
    sink.accept(new AddPrimaryKey(schema, table, primaryKey));
  }

  /** Drops {@code primaryKey} from {@code table}. */
  public void dropPrimaryKey(String table, PrimaryKey primaryKey) {
    sink.accept(new DropPrimaryKey(schema, table, primaryKey));
  }

  /** Adds a unique constraint to {@code table}. */
  public void addUniqueConstraint(String table, UniqueConstraint constraint) {
    sink.accept(new AddUniqueConstraint(schema, table, constraint));
  }

  /** Drops a unique constraint from {@code table}. */
  public void dropUniqueConstraint(String table, UniqueConstraint constraint) {
    sink.accept(new DropUniqueConstraint(schema, table, constraint));
  }

  /** Adds a check constraint to {@code table}. */
  public void addCheckConstraint(String table, CheckConstraint constraint) {
    sink.accept(new AddCheckConstraint(schema, table, constraint));
  }

  /**
   * Adds a check constraint to {@code table}; {@code Ddl.notValid()} as an option adds it {@code
   * NOT VALID}, leaving existing rows to {@link #validateConstraint}.
   */
  public void addCheckConstraint(
      String table, CheckConstraint constraint, Ddl.ConstraintOption... options) {
    sink.accept(new AddCheckConstraint(schema, table, constraint, notValid(options)));
  }

  /** Drops a check constraint from {@code table}. */
  public void dropCheckConstraint(String table, CheckConstraint constraint) {
    sink.accept(new DropCheckConstraint(schema, table, constraint));
  }

  /**
   * Creates {@code index} on {@code table}; {@code Ddl.concurrently()} as an option builds it
   * concurrently.
   */
  public void createIndex(String table, Index index, Ddl.IndexOption... options) {
    sink.accept(new CreateIndex(schema, table, index, concurrently(options)));
  }

  /**
   * Drops {@code index} of {@code table}; {@code Ddl.concurrently()} as an option drops it
   * concurrently.
   */
  public void dropIndex(String table, Index index, Ddl.IndexOption... options) {
    sink.accept(new DropIndex(schema, table, index, concurrently(options)));
  }

  private static boolean concurrently(Ddl.IndexOption... options) {
    return List.of(options).contains(Ddl.IndexOption.CONCURRENTLY);
  }

  /** Adds {@code foreignKey} to {@code table}. */
  public void addForeignKey(String table, ForeignKey foreignKey) {
    sink.accept(new AddForeignKey(schema, table, foreignKey));
  }

  /**
   * Adds {@code foreignKey} to {@code table}; {@code Ddl.notValid()} as an option adds it {@code
   * NOT VALID}, leaving existing rows to {@link #validateConstraint}.
   */
  public void addForeignKey(String table, ForeignKey foreignKey, Ddl.ConstraintOption... options) {
    sink.accept(new AddForeignKey(schema, table, foreignKey, notValid(options)));
  }

  private static boolean notValid(Ddl.ConstraintOption... options) {
    return List.of(options).contains(Ddl.ConstraintOption.NOT_VALID);
  }

  /**
   * Checks the existing rows of {@code table} against its foreign key or check constraint {@code
   * name}, added {@code NOT VALID} before ({@code VALIDATE CONSTRAINT}: a scan that blocks neither
   * reads nor writes). It runs outside a transaction, so the revision must be marked
   * {@code @Revision(transactional = false)}; or validate in a later revision of its own.
   */
  public void validateConstraint(String table, String name) {
    sink.accept(new ValidateConstraint(schema, table, name));
  }

  /** Drops {@code foreignKey} from {@code table}. */
  public void dropForeignKey(String table, ForeignKey foreignKey) {
    sink.accept(new DropForeignKey(schema, table, foreignKey));
  }

  /** Creates {@code sequence}. */
  public void createSequence(Sequence sequence) {
    sink.accept(new CreateSequence(sequence.inSchema(schema)));
  }

  /** Drops {@code sequence}. */
  public void dropSequence(Sequence sequence) {
    sink.accept(new DropSequence(sequence.inSchema(schema)));
  }

  /**
   * Changes a sequence from definition {@code from} to {@code to} (same name), keeping its current
   * value.
   */
  public void alterSequence(Sequence from, Sequence to) {
    sink.accept(new AlterSequence(from.inSchema(schema), to.inSchema(schema)));
  }

  /** Creates schema {@code name} (not affected by {@link #inSchema}). */
  public void createSchema(String name) {
    sink.accept(new CreateSchema(name));
  }

  /** Drops schema {@code name}, which must be empty. */
  public void dropSchema(String name) {
    sink.accept(new DropSchema(name));
  }

  /** Creates the enum type {@code type}. */
  public void createEnumType(EnumType type) {
    sink.accept(new CreateEnumType(type.inSchema(schema)));
  }

  /** Drops the enum type {@code type} (given in full, so that it can be re-created). */
  public void dropEnumType(EnumType type) {
    sink.accept(new DropEnumType(type.inSchema(schema)));
  }

  /**
   * Adds {@code value} at the end of enum type {@code type}; the downgrade is {@link
   * #dropEnumValue}.
   */
  public void addEnumValue(String type, String value) {
    sink.accept(new AddEnumValue(schema, type, value, null, null));
  }

  /**
   * Adds {@code value} to enum type {@code type} before the existing {@code before}; the downgrade
   * is {@link #dropEnumValue}.
   */
  public void addEnumValueBefore(String type, String value, String before) {
    sink.accept(new AddEnumValue(schema, type, value, before, null));
  }

  /**
   * Adds {@code value} to enum type {@code type} after the existing {@code after}; the downgrade is
   * {@link #dropEnumValue}.
   */
  public void addEnumValueAfter(String type, String value, String after) {
    sink.accept(new AddEnumValue(schema, type, value, null, after));
  }

  /**
   * Removes {@code value}, the last label of enum type {@code type}, by re-creating the type (see
   * {@link DropEnumValue}); fails, rolling the revision back, while a row holds the label.
   */
  public void dropEnumValue(String type, String value) {
    sink.accept(new DropEnumValue(schema, type, value, null, null));
  }

  /**
   * Removes {@code value}, which stands before {@code before}, from enum type {@code type} (see
   * {@link DropEnumValue}).
   */
  public void dropEnumValueBefore(String type, String value, String before) {
    sink.accept(new DropEnumValue(schema, type, value, before, null));
  }

  /**
   * Removes {@code value}, which stands after {@code after}, from enum type {@code type} (see
   * {@link DropEnumValue}).
   */
  public void dropEnumValueAfter(String type, String value, String after) {
    sink.accept(new DropEnumValue(schema, type, value, null, after));
  }

  /**
   * Renames table {@code from} to {@code to}, keeping its rows; foreign keys that reference it
   * follow it.
   */
  public void renameTable(String from, String to) {
    sink.accept(new RenameTable(schema, from, to));
  }

  /**
   * Renames column {@code from} of {@code table} to {@code to}, keeping its values and constraints.
   */
  public void renameColumn(String table, String from, String to) {
    sink.accept(new RenameColumn(schema, table, from, to));
  }

  /**
   * Changes the comment of {@code table} from {@code from} to {@code to}; {@code null} is no
   * comment.
   */
  public void setTableComment(String table, String from, String to) {
    sink.accept(new SetTableComment(schema, table, from, to));
  }

  /** Runs {@code sql} as written; the op cannot be reversed. */
  public void execute(String sql) {
    sink.accept(new ExecuteSql(sql, null));
  }

  /** Runs {@code sql} as written; {@code reverseSql} undoes it. */
  public void execute(String sql, String reverseSql) {
    sink.accept(new ExecuteSql(sql, reverseSql));
  }
}
