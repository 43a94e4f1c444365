package dev.migrate.ops;

import java.util.Optional;

/**
 * An op that acts on one table (Alembic's {@code AlterTableOp}): creating, dropping or renaming it,
 * or changing one of its columns, constraints, indexes or its comment. Consumers that only need to
 * know which table an op changes (the offline check skipping tables raw SQL touched, schema groups
 * finding cross-schema tables) ask {@link Op#onTable()} instead of inspecting each record.
 *
 * <p>A new table-scoped op implements this interface and is listed in its {@code permits} clause.
 */
public sealed interface TableOp extends Op
    permits CreateTable,
        DropTable,
        RenameTable,
        SetTableComment,
        AddColumn,
        DropColumn,
        AlterColumn,
        RenameColumn,
        AddPrimaryKey,
        DropPrimaryKey,
        AddUniqueConstraint,
        DropUniqueConstraint,
        AddCheckConstraint,
        DropCheckConstraint,
        CreateIndex,
        DropIndex,
        AddForeignKey,
        DropForeignKey {

  /** The table's schema, {@code null} for the schema the migration runs in. */
  String schema();

  /** The name of the table the op acts on; for {@link RenameTable} its name before the rename. */
  String tableName();

  /** The table as {@code schema.name}, or {@code name} when {@link #schema()} is {@code null}. */
  default String qualifiedTableName() {
    return schema() == null ? tableName() : schema() + "." + tableName();
  }

  /** This op. */
  @Override
  default Optional<TableOp> onTable() {
    return Optional.of(this);
  }
}
