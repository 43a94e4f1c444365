package dev.migrate.dialect.postgres;

import static dev.migrate.dialect.postgres.PostgresDialect.quoteIdentifier;

import dev.migrate.diff.Normalizer;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.ReferentialAction;
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
import dev.migrate.ops.OpVisitor;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import dev.migrate.ops.ValidateConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements for each op: upper-case key words, no trailing semicolons, every
 * identifier through {@link PostgresDialect#quoteIdentifier}. A {@code null} schema renders the
 * name unqualified, so that it resolves through the search path the runner sets to the target
 * schema. Syntax as in PostgreSQL's docs, SQL Commands: CREATE TABLE, ALTER TABLE, CREATE INDEX,
 * CREATE SEQUENCE.
 *
 * <p>Tables, columns, constraints and indexes are written here; enum types in {@link
 * PostgresEnumStatements}, sequences in {@link PostgresSequenceStatements}, and the {@code USING}
 * cast of a type change by {@link PostgresCasts}.
 */
final class PostgresStatements implements OpVisitor<List<String>> {

  private static final String INDENT = "    ";

  /**
   * Compares defaults in {@link #visitAlterColumn}, so that a re-spelt but equal default changes
   * nothing.
   */
  private final Normalizer normalizer;

  PostgresStatements(Normalizer normalizer) {
    this.normalizer = normalizer;
  }

  // ----------------------------------------------------------------------------------------------
  // tables

  @Override
  public List<String> visitCreateTable(CreateTable op) {
    Table table = op.table();
    String name = qualified(table.schema(), table.name());
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      lines.add(columnDefinition(column));
    }
    if (table.primaryKey() != null) {
      lines.add(
          "CONSTRAINT "
              + quoteIdentifier(table.primaryKey().name())
              + " PRIMARY KEY "
              + columnList(table.primaryKey().columns()));
    }
    // CREATE TABLE keeps one of several key constraints over the same columns in the same order and
    // drops the
    // others silently (parse_utilcmd.c, transformIndexConstraints: "prior index" with equal
    // indexParams); ALTER
    // TABLE ... ADD CONSTRAINT keeps each. So a unique constraint that repeats the primary key or
    // an earlier unique
    // constraint is added after the table, and the table reads back with every constraint of the
    // model.
    List<List<String>> keys = new ArrayList<>();
    if (table.primaryKey() != null) {
      keys.add(table.primaryKey().columns());
    }
    List<UniqueConstraint> repeated = new ArrayList<>();
    for (UniqueConstraint unique : table.uniqueConstraints()) {
      if (keys.contains(unique.columns())) {
        repeated.add(unique);
      } else {
        keys.add(unique.columns());
        lines.add(
            "CONSTRAINT "
                + quoteIdentifier(unique.name())
                + " UNIQUE "
                + columnList(unique.columns()));
      }
    }
    for (CheckConstraint check : table.checkConstraints()) {
      lines.add(
          "CONSTRAINT " + quoteIdentifier(check.name()) + " CHECK (" + check.expression() + ")");
    }
    List<String> statements = new ArrayList<>();
    statements.add(
        "CREATE TABLE " + name + " (\n" + INDENT + String.join(",\n" + INDENT, lines) + "\n)");
    for (UniqueConstraint unique : repeated) {
      statements.addAll(
          visitAddUniqueConstraint(new AddUniqueConstraint(table.schema(), table.name(), unique)));
    }
    // A Table may carry what one CREATE TABLE cannot say; the diff normally emits these as their
    // own ops.
    for (Index index : table.indexes()) {
      statements.add(createIndex(table.schema(), table.name(), index));
    }
    for (ForeignKey foreignKey : table.foreignKeys()) {
      statements.add(addForeignKey(name, foreignKey));
    }
    if (table.comment() != null) {
      statements.add(tableComment(table.schema(), table.name(), table.comment()));
    }
    for (Column column : table.columns()) {
      if (column.comment() != null) {
        statements.add(columnComment(table.schema(), table.name(), column));
      }
    }
    return statements;
  }

  // ----------------------------------------------------------------------------------------------
  // schemas, types

  @Override
  public List<String> visitCreateSchema(CreateSchema op) {
    return List.of("CREATE SCHEMA " + quoteIdentifier(op.name()));
  }

  /** Without {@code CASCADE}: PostgreSQL refuses a schema that still holds objects. */
  @Override
  public List<String> visitDropSchema(DropSchema op) {
    return List.of("DROP SCHEMA " + quoteIdentifier(op.name()));
  }

  @Override
  public List<String> visitCreateEnumType(CreateEnumType op) {
    return PostgresEnumStatements.createType(op);
  }

  @Override
  public List<String> visitDropEnumType(DropEnumType op) {
    return PostgresEnumStatements.dropType(op);
  }

  @Override
  public List<String> visitAddEnumValue(AddEnumValue op) {
    return PostgresEnumStatements.addValue(op);
  }

  @Override
  public List<String> visitDropEnumValue(DropEnumValue op) {
    return PostgresEnumStatements.dropValue(op);
  }

  @Override
  public List<String> visitRenameTable(RenameTable op) {
    return List.of(alterTable(op.schema(), op.from()) + " RENAME TO " + quoteIdentifier(op.to()));
  }

  @Override
  public List<String> visitRenameColumn(RenameColumn op) {
    return List.of(
        alterTable(op.schema(), op.table())
            + " RENAME COLUMN "
            + quoteIdentifier(op.from())
            + " TO "
            + quoteIdentifier(op.to()));
  }

  @Override
  public List<String> visitSetTableComment(SetTableComment op) {
    return List.of(tableComment(op.schema(), op.table(), op.to()));
  }

  @Override
  public List<String> visitDropTable(DropTable op) {
    return List.of("DROP TABLE " + qualified(op.table().schema(), op.table().name()));
  }

  // ----------------------------------------------------------------------------------------------
  // columns

  @Override
  public List<String> visitAddColumn(AddColumn op) {
    String add =
        alterTable(op.schema(), op.table()) + " ADD COLUMN " + columnDefinition(op.column());
    return op.column().comment() == null
        ? List.of(add)
        : List.of(add, columnComment(op.schema(), op.table(), op.column()));
  }

  @Override
  public List<String> visitDropColumn(DropColumn op) {
    return List.of(
        alterTable(op.schema(), op.table())
            + " DROP COLUMN "
            + quoteIdentifier(op.column().name()));
  }

  /**
   * The name of the temporary check of {@code SET NOT NULL} through a validated check: {@code
   * <table>_<column>_not_null_check}, cut to PostgreSQL's 63 bytes (NAMEDATALEN - 1) as PostgreSQL
   * cuts names. Not {@code <table>_<column>_not_null}, the name PostgreSQL 18 gives the {@code NOT
   * NULL} constraint itself.
   */
  static String notNullCheckName(String table, String column) {
    String name = table + "_" + column + "_not_null_check";
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 63) {
      return name;
    }
    // cut at a character boundary no later than byte 63
    int end = 0;
    int length = 0;
    while (end < name.length()) {
      int next = name.offsetByCodePoints(end, 1);
      int size = name.substring(end, next).getBytes(StandardCharsets.UTF_8).length;
      if (length + size > 63) {
        break;
      }
      length += size;
      end = next;
    }
    return name.substring(0, end);
  }

  /**
   * One statement per changed aspect, in an order PostgreSQL accepts: identity dropped before the
   * type or nullability can change; type; {@code NOT NULL} (which an identity needs before it is
   * added); default; identity added or switched. When both the type and the default change, or the
   * type change needs {@code USING}, the old default is dropped before the type change (PostgreSQL
   * would otherwise cast it with an assignment cast, and fail for example for {@code 'x'} to {@code
   * integer}, or {@code 'a'::text} to an enum type) and the new one set after it.
   */
  @Override
  public List<String> visitAlterColumn(AlterColumn op) {
    Column from = op.from();
    Column to = op.to();
    String alter =
        alterTable(op.schema(), op.table()) + " ALTER COLUMN " + quoteIdentifier(to.name());
    List<String> statements = new ArrayList<>();
    boolean typeChanges = !normalizer.sameType(from.type(), to.type());
    boolean defaultChanges =
        !Objects.equals(
            normalizer.normalizeDefault(from.defaultValue()),
            normalizer.normalizeDefault(to.defaultValue()));
    String using = typeChanges ? PostgresCasts.using(to.name(), from.type(), to.type()) : "";
    // ALTER TABLE docs: the USING expression is not applied to the default, which is converted with
    // an assignment
    // cast; where USING is needed there is none, so the default is dropped first and set again
    // after
    boolean defaultDroppedEarly =
        typeChanges && from.defaultValue() != null && (defaultChanges || !using.isEmpty());

    if (from.identity() != null && to.identity() == null) {
      statements.add(alter + " DROP IDENTITY");
    }
    if (defaultDroppedEarly) {
      statements.add(alter + " DROP DEFAULT");
    }
    if (typeChanges) {
      statements.add(alter + " TYPE " + PostgresTypes.render(to.type()) + using);
    }
    if (op.notNullThroughCheck() && op.setsNotNull()) {
      String check = quoteIdentifier(notNullCheckName(op.table(), to.name()));
      String table = alterTable(op.schema(), op.table());
      statements.add(
          table
              + " ADD CONSTRAINT "
              + check
              + " CHECK ("
              + quoteIdentifier(to.name())
              + " IS NOT NULL) NOT VALID");
      statements.add(table + " VALIDATE CONSTRAINT " + check);
      statements.add(alter + " SET NOT NULL");
      statements.add(table + " DROP CONSTRAINT " + check);
    } else if (from.nullable() != to.nullable()) {
      statements.add(alter + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
    }
    if (defaultChanges || defaultDroppedEarly) {
      if (to.defaultValue() != null) {
        statements.add(alter + " SET DEFAULT " + to.defaultValue());
      } else if (!defaultDroppedEarly) {
        statements.add(alter + " DROP DEFAULT");
      }
    }
    if (to.identity() != null && from.identity() == null) {
      statements.add(alter + " ADD " + identity(to));
    } else if (to.identity() != null && to.identity() != from.identity()) {
      statements.add(alter + " SET GENERATED " + generated(to));
    }
    if (!Objects.equals(from.comment(), to.comment())) {
      statements.add(columnComment(op.schema(), op.table(), to));
    }
    return statements;
  }

  // ----------------------------------------------------------------------------------------------
  // constraints

  @Override
  public List<String> visitAddPrimaryKey(AddPrimaryKey op) {
    return List.of(
        alterTable(op.schema(), op.table())
            + " ADD CONSTRAINT "
            + quoteIdentifier(op.primaryKey().name())
            + " PRIMARY KEY "
            + columnList(op.primaryKey().columns()));
  }

  @Override
  public List<String> visitDropPrimaryKey(DropPrimaryKey op) {
    return List.of(dropConstraint(op.schema(), op.table(), op.primaryKey().name()));
  }

  @Override
  public List<String> visitAddUniqueConstraint(AddUniqueConstraint op) {
    return List.of(
        alterTable(op.schema(), op.table())
            + " ADD CONSTRAINT "
            + quoteIdentifier(op.constraint().name())
            + " UNIQUE "
            + columnList(op.constraint().columns()));
  }

  @Override
  public List<String> visitDropUniqueConstraint(DropUniqueConstraint op) {
    return List.of(dropConstraint(op.schema(), op.table(), op.constraint().name()));
  }

  @Override
  public List<String> visitAddCheckConstraint(AddCheckConstraint op) {
    return List.of(
        alterTable(op.schema(), op.table())
            + " ADD CONSTRAINT "
            + quoteIdentifier(op.constraint().name())
            + " CHECK ("
            + op.constraint().expression()
            + ")"
            + (op.notValid() ? " NOT VALID" : ""));
  }

  @Override
  public List<String> visitDropCheckConstraint(DropCheckConstraint op) {
    return List.of(dropConstraint(op.schema(), op.table(), op.constraint().name()));
  }

  @Override
  public List<String> visitAddForeignKey(AddForeignKey op) {
    String add = addForeignKey(qualified(op.schema(), op.table()), op.foreignKey());
    return List.of(op.notValid() ? add + " NOT VALID" : add);
  }

  @Override
  public List<String> visitValidateConstraint(ValidateConstraint op) {
    return List.of(
        alterTable(op.schema(), op.table()) + " VALIDATE CONSTRAINT " + quoteIdentifier(op.name()));
  }

  @Override
  public List<String> visitDropForeignKey(DropForeignKey op) {
    return List.of(dropConstraint(op.schema(), op.table(), op.foreignKey().name()));
  }

  // ----------------------------------------------------------------------------------------------
  // indexes

  @Override
  public List<String> visitCreateIndex(CreateIndex op) {
    String sql = createIndex(op.schema(), op.table(), op.index());
    return List.of(op.concurrently() ? sql.replaceFirst(" INDEX ", " INDEX CONCURRENTLY ") : sql);
  }

  /**
   * {@code DROP INDEX}: an index lives in its table's schema, so it is qualified with the op's
   * schema.
   */
  @Override
  public List<String> visitDropIndex(DropIndex op) {
    return List.of(
        "DROP INDEX "
            + (op.concurrently() ? "CONCURRENTLY " : "")
            + qualified(op.schema(), op.index().name()));
  }

  // ----------------------------------------------------------------------------------------------
  // sequences

  @Override
  public List<String> visitCreateSequence(CreateSequence op) {
    return PostgresSequenceStatements.create(op);
  }

  @Override
  public List<String> visitAlterSequence(AlterSequence op) {
    return PostgresSequenceStatements.alter(op);
  }

  @Override
  public List<String> visitDropSequence(DropSequence op) {
    return PostgresSequenceStatements.drop(op);
  }

  @Override
  public List<String> visitExecuteSql(ExecuteSql op) {
    return List.of(op.sql());
  }

  // ----------------------------------------------------------------------------------------------
  // pieces

  /**
   * {@code DO $migrate$body$migrate$}, the dollar quote's tag numbered when {@code body} contains
   * it.
   */
  static String doBlock(String body) {
    String tag = "$migrate$";
    for (int n = 1; body.contains(tag); n++) {
      tag = "$migrate" + n + "$";
    }
    return "DO " + tag + body + tag;
  }

  /** {@code name type [GENERATED ... AS IDENTITY] [DEFAULT expr] [NOT NULL]}. */
  static String columnDefinition(Column column) {
    StringBuilder sql =
        new StringBuilder(quoteIdentifier(column.name()))
            .append(' ')
            .append(PostgresTypes.render(column.type()));
    if (column.identity() != null) {
      sql.append(' ').append(identity(column));
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(column.defaultValue());
    }
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    return sql.toString();
  }

  private static String identity(Column column) {
    return "GENERATED " + generated(column) + " AS IDENTITY";
  }

  private static String generated(Column column) {
    switch (column.identity()) {
      case ALWAYS:
        return "ALWAYS";
      case BY_DEFAULT:
        return "BY DEFAULT";
      default:
        throw new IllegalStateException("identity " + column.identity());
    }
  }

  private static String createIndex(String schema, String table, Index index) {
    StringBuilder sql =
        new StringBuilder("CREATE ")
            .append(index.unique() ? "UNIQUE " : "")
            .append("INDEX ")
            .append(quoteIdentifier(index.name()))
            .append(" ON ")
            .append(qualified(schema, table));
    if (!index.method().equals(Index.BTREE)) {
      sql.append(" USING ").append(index.method());
    }
    StringJoiner keys = new StringJoiner(", ", " (", ")");
    for (IndexKey key : index.keys()) {
      String text =
          key.column() != null ? quoteIdentifier(key.column()) : "(" + key.expression() + ")";
      keys.add(key.descending() ? text + " DESC" : text);
    }
    sql.append(keys);
    if (!index.include().isEmpty()) {
      sql.append(" INCLUDE ").append(columnList(index.include()));
    }
    if (index.where() != null) {
      sql.append(" WHERE ").append(index.where());
    }
    return sql.toString();
  }

  private static String addForeignKey(String qualifiedTable, ForeignKey foreignKey) {
    StringBuilder sql =
        new StringBuilder("ALTER TABLE ")
            .append(qualifiedTable)
            .append(" ADD CONSTRAINT ")
            .append(quoteIdentifier(foreignKey.name()))
            .append(" FOREIGN KEY ")
            .append(columnList(foreignKey.columns()))
            .append(" REFERENCES ")
            .append(qualified(foreignKey.referencedSchema(), foreignKey.referencedTable()))
            .append(' ')
            .append(columnList(foreignKey.referencedColumns()));
    if (foreignKey.onDelete() != ReferentialAction.NO_ACTION) {
      sql.append(" ON DELETE ").append(foreignKey.onDelete().sql());
    }
    if (foreignKey.onUpdate() != ReferentialAction.NO_ACTION) {
      sql.append(" ON UPDATE ").append(foreignKey.onUpdate().sql());
    }
    if (foreignKey.deferrable()) {
      sql.append(foreignKey.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
    }
    return sql.toString();
  }

  /**
   * {@code COMMENT ON TABLE t IS 'text'}, or {@code IS NULL} to remove it (PostgreSQL docs,
   * COMMENT).
   */
  private static String tableComment(String schema, String table, String comment) {
    return "COMMENT ON TABLE " + qualified(schema, table) + " IS " + literalOrNull(comment);
  }

  private static String columnComment(String schema, String table, Column column) {
    return "COMMENT ON COLUMN "
        + qualified(schema, table)
        + "."
        + quoteIdentifier(column.name())
        + " IS "
        + literalOrNull(column.comment());
  }

  /**
   * {@code text} as a SQL string constant, quotes doubled ({@code standard_conforming_strings} is
   * on, PostgreSQL's default since 9.1, so backslashes are ordinary characters); {@code NULL} for
   * {@code null}.
   */
  static String literalOrNull(String text) {
    return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
  }

  private static String dropConstraint(String schema, String table, String constraint) {
    return alterTable(schema, table) + " DROP CONSTRAINT " + quoteIdentifier(constraint);
  }

  private static String alterTable(String schema, String table) {
    return "ALTER TABLE " + qualified(schema, table);
  }

  /**
   * {@code schema.name}, each part quoted when needed; just {@code name} when {@code schema} is
   * {@code null}.
   */
  static String qualified(String schema, String name) {
    return schema == null
        ? quoteIdentifier(name)
        : quoteIdentifier(schema) + "." + quoteIdentifier(name);
  }

  private static String columnList(List<String> columns) {
    return columns.stream()
        .map(PostgresDialect::quoteIdentifier)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
