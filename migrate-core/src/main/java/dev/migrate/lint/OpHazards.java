package dev.migrate.lint;

import dev.migrate.dialect.Dialect;
import dev.migrate.model.Column;
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
import dev.migrate.ops.OpVisitor;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import dev.migrate.ops.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The findings of each op kind. Every op kind has its method (a new op does not compile until its
 * hazards are decided here); ops that take no lock worth naming, or only for an instant on catalog
 * rows ({@code COMMENT}, {@code CREATE SEQUENCE}, dropping a constraint), return nothing.
 */
final class OpHazards implements OpVisitor<List<Finding>> {

  /**
   * Functions whose {@code provolatile} is {@code 'v'} in PostgreSQL 15 that column defaults use; a
   * default calling one makes {@code ADD COLUMN} rewrite the table (PostgreSQL docs, ALTER TABLE:
   * "Adding a column with a volatile DEFAULT ... will require the entire table and its indexes to
   * be rewritten"). {@code now()} and {@code current_timestamp} are stable and do not.
   */
  private static final Pattern VOLATILE_CALL =
      Pattern.compile(
          "\\b(random|gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4"
              + "|clock_timestamp|timeofday|nextval|txid_current|setseed)\\s*\\(",
          Pattern.CASE_INSENSITIVE);

  private final Dialect dialect;
  private final NewTables created;

  OpHazards(Dialect dialect, NewTables created) {
    this.dialect = dialect;
    this.created = created;
  }

  private boolean existing(String schema, String table) {
    return created.existing(schema, table);
  }

  private static String table(String schema, String table) {
    return NewTables.key(schema, table);
  }

  private static String column(String schema, String table, String column) {
    return table(schema, table) + "." + column;
  }

  /** Whether a column default is volatile, so that adding the column fills it row by row. */
  static boolean volatileDefault(String expression) {
    return expression != null && VOLATILE_CALL.matcher(expression.toLowerCase(Locale.ROOT)).find();
  }

  @Override
  public List<Finding> visitCreateTable(CreateTable op) {
    created.created(op.table().schema(), op.table().name());
    return List.of();
  }

  @Override
  public List<Finding> visitDropTable(DropTable op) {
    String schema = op.table().schema();
    String name = op.table().name();
    boolean existing = existing(schema, name);
    created.dropped(schema, name);
    return existing ? List.of(Finding.of(Rule.BAN_DROP_TABLE, table(schema, name))) : List.of();
  }

  @Override
  public List<Finding> visitAddColumn(AddColumn op) {
    if (!existing(op.schema(), op.table())) {
      return List.of();
    }
    Column c = op.column();
    String where = column(op.schema(), op.table(), c.name());
    List<Finding> findings = new ArrayList<>();
    if (c.identity() != null || volatileDefault(c.defaultValue())) {
      findings.add(Finding.of(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, where));
    } else if (!c.nullable() && c.defaultValue() == null) {
      findings.add(Finding.of(Rule.ADDING_REQUIRED_FIELD, where));
    }
    return findings;
  }

  @Override
  public List<Finding> visitDropColumn(DropColumn op) {
    return existing(op.schema(), op.table())
        ? List.of(
            Finding.of(Rule.BAN_DROP_COLUMN, column(op.schema(), op.table(), op.column().name())))
        : List.of();
  }

  @Override
  public List<Finding> visitAlterColumn(AlterColumn op) {
    if (!existing(op.schema(), op.table())) {
      return List.of();
    }
    String where = column(op.schema(), op.table(), op.to().name());
    List<Finding> findings = new ArrayList<>();
    var from = op.from().type();
    var to = op.to().type();
    if (dialect.rewritesTable(from, to)) {
      findings.add(Finding.of(Rule.CHANGING_COLUMN_TYPE, where));
    }
    if (!dialect.keepsEveryValue(from, to)) {
      findings.add(Finding.of(Rule.NARROWING_COLUMN_TYPE, where));
    }
    if (op.setsNotNull()) {
      findings.add(
          op.notNullThroughCheck()
              ? Finding.safe(Rule.ADDING_NOT_NULLABLE_FIELD, where)
              : Finding.of(Rule.ADDING_NOT_NULLABLE_FIELD, where));
    }
    return findings;
  }

  @Override
  public List<Finding> visitAddPrimaryKey(AddPrimaryKey op) {
    return existing(op.schema(), op.table())
        ? List.of(
            Finding.of(
                Rule.ADDING_PRIMARY_KEY_CONSTRAINT,
                "primary key " + op.primaryKey().name() + " on " + table(op.schema(), op.table())))
        : List.of();
  }

  @Override
  public List<Finding> visitDropPrimaryKey(DropPrimaryKey op) {
    return List.of();
  }

  @Override
  public List<Finding> visitAddUniqueConstraint(AddUniqueConstraint op) {
    return existing(op.schema(), op.table())
        ? List.of(
            Finding.of(
                Rule.DISALLOWED_UNIQUE_CONSTRAINT,
                "unique constraint "
                    + op.constraint().name()
                    + " on "
                    + table(op.schema(), op.table())))
        : List.of();
  }

  @Override
  public List<Finding> visitDropUniqueConstraint(DropUniqueConstraint op) {
    return List.of();
  }

  @Override
  public List<Finding> visitAddCheckConstraint(AddCheckConstraint op) {
    if (!existing(op.schema(), op.table())) {
      return List.of();
    }
    String where = "check " + op.constraint().name() + " on " + table(op.schema(), op.table());
    return List.of(
        op.notValid()
            ? Finding.safe(Rule.ADDING_CHECK_CONSTRAINT, where)
            : Finding.of(Rule.ADDING_CHECK_CONSTRAINT, where));
  }

  @Override
  public List<Finding> visitDropCheckConstraint(DropCheckConstraint op) {
    return List.of();
  }

  @Override
  public List<Finding> visitCreateIndex(CreateIndex op) {
    if (!existing(op.schema(), op.table())) {
      return List.of();
    }
    String where = "index " + op.index().name() + " on " + table(op.schema(), op.table());
    return List.of(
        op.concurrently()
            ? Finding.safe(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, where)
            : Finding.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, where));
  }

  @Override
  public List<Finding> visitDropIndex(DropIndex op) {
    if (!existing(op.schema(), op.table())) {
      return List.of();
    }
    String where = "index " + op.index().name() + " on " + table(op.schema(), op.table());
    return List.of(
        op.concurrently()
            ? Finding.safe(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, where)
            : Finding.of(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, where));
  }

  /**
   * A foreign key on a new table scans nothing (the table is empty), though it briefly locks the
   * referenced table.
   */
  @Override
  public List<Finding> visitAddForeignKey(AddForeignKey op) {
    if (!existing(op.schema(), op.table())) {
      return List.of();
    }
    String where =
        "foreign key " + op.foreignKey().name() + " on " + table(op.schema(), op.table());
    return List.of(
        op.notValid()
            ? Finding.safe(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, where)
            : Finding.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, where));
  }

  @Override
  public List<Finding> visitDropForeignKey(DropForeignKey op) {
    return List.of();
  }

  /** The second half of a safe form: it scans under a lock that blocks neither reads nor writes. */
  @Override
  public List<Finding> visitValidateConstraint(ValidateConstraint op) {
    return List.of();
  }

  @Override
  public List<Finding> visitCreateSequence(CreateSequence op) {
    return List.of();
  }

  @Override
  public List<Finding> visitDropSequence(DropSequence op) {
    return List.of();
  }

  @Override
  public List<Finding> visitExecuteSql(ExecuteSql op) {
    return SqlHazards.findings(op.sql(), created);
  }

  @Override
  public List<Finding> visitSetTableComment(SetTableComment op) {
    return List.of();
  }

  @Override
  public List<Finding> visitRenameTable(RenameTable op) {
    boolean existing = existing(op.schema(), op.from());
    created.renamed(op.schema(), op.from(), op.to());
    return existing
        ? List.of(
            Finding.of(
                Rule.RENAMING_TABLE, table(op.schema(), op.from()) + " (to " + op.to() + ")"))
        : List.of();
  }

  @Override
  public List<Finding> visitRenameColumn(RenameColumn op) {
    return existing(op.schema(), op.table())
        ? List.of(
            Finding.of(
                Rule.RENAMING_COLUMN,
                column(op.schema(), op.table(), op.from()) + " (to " + op.to() + ")"))
        : List.of();
  }

  @Override
  public List<Finding> visitAlterSequence(AlterSequence op) {
    return List.of();
  }

  @Override
  public List<Finding> visitCreateSchema(CreateSchema op) {
    return List.of();
  }

  @Override
  public List<Finding> visitDropSchema(DropSchema op) {
    return List.of();
  }

  @Override
  public List<Finding> visitCreateEnumType(CreateEnumType op) {
    return List.of();
  }

  @Override
  public List<Finding> visitDropEnumType(DropEnumType op) {
    return List.of();
  }

  /**
   * {@code ALTER TYPE ... ADD VALUE} changes the catalog only (PostgreSQL 12+ in a transaction).
   */
  @Override
  public List<Finding> visitAddEnumValue(AddEnumValue op) {
    return List.of();
  }

  @Override
  public List<Finding> visitDropEnumValue(DropEnumValue op) {
    return List.of(
        Finding.of(
            Rule.REMOVING_ENUM_VALUE,
            "value '" + op.value() + "' of enum type " + table(op.schema(), op.type())));
  }
}
