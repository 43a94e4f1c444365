package dev.migrate.ops;

import java.util.Optional;

/**
 * An op that alters one existing table by name (Alembic's {@code AlterTableOp}): renaming it, or
 * changing one of its columns, constraints, indexes or its comment. Consumers that only need to
 * know which table an op changes ask {@link Op#onTable()} instead of inspecting each record.
 *
 * <p>Its records have {@code schema} and {@code table} components whose accessors implement {@link
 * #schema()} and {@link #table()}; {@link RenameTable}, whose components are {@code from} and
 * {@code to}, implements {@link #table()} as its name before the rename. {@link CreateTable} and
 * {@link DropTable} are not table ops: their {@code table} component is the whole {@link
 * dev.migrate.model.Table}, so they are listed in {@link Op}'s {@code permits} instead, and {@link
 * Op#onTable()} is empty for them.
 *
 * <p>A new op on one named table has {@code schema} and {@code table} components, implements this
 * interface and is listed in its {@code permits} clause.
 */
public sealed interface TableOp extends Op
    permits RenameTable,
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
        DropForeignKey,
        ValidateConstraint {

  /** The table's schema, {@code null} for the schema the migration runs in. */
  String schema();

  /** The name of the table the op acts on; for {@link RenameTable} its name before the rename. */
  String table();

  /** The table as {@code schema.name}, or {@code name} when {@link #schema()} is {@code null}. */
  default String qualifiedTableName() {
    return schema() == null ? table() : schema() + "." + table();
  }

  /** This op. */
  @Override
  default Optional<TableOp> onTable() {
    return Optional.of(this);
  }
}
