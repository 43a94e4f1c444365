package dev.migrate.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * One schema change, as the diff finds it, as a migration class states it ({@code op.addColumn(...)} rebuilds the
 * very record) and as a dialect executes it (Alembic's {@code operations/ops.py}). Every op is reversible:
 * {@link #reverse()} is the op that undoes it, so a downgrade is the reversed list of reversed ops.
 *
 * <p>{@code schema} components are {@code null} for the schema the migration runs in (target schema).
 */
public sealed interface Op
    permits CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, AddPrimaryKey, DropPrimaryKey,
        AddUniqueConstraint, DropUniqueConstraint, AddCheckConstraint, DropCheckConstraint, CreateIndex, DropIndex,
        AddForeignKey, DropForeignKey, CreateSequence, DropSequence, ExecuteSql, SetTableComment,
        RenameTable, RenameColumn, AlterSequence, CreateSchema, DropSchema, CreateEnumType, DropEnumType,
        AddEnumValue, DropEnumValue {

  /**
   * The op that undoes this one.
   *
   * @throws IrreversibleOpException for {@link ExecuteSql} without reverse SQL
   */
  Op reverse();

  /**
   * The ops that undo {@code ops}: each op reversed, in reverse order (Alembic's {@code reverse_into}); this is how
   * a downgrade is derived from an upgrade.
   *
   * @throws IrreversibleOpException if an op cannot be reversed
   */
  static List<Op> reverseAll(List<Op> ops) {
    List<Op> reversed = new ArrayList<>(ops.size());
    for (int i = ops.size() - 1; i >= 0; i--) {
      reversed.add(ops.get(i).reverse());
    }
    return List.copyOf(reversed);
  }

  /**
   * Whether PostgreSQL can run this op inside a transaction block; {@code false} for {@code CREATE INDEX
   * CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}, which need a revision marked
   * {@code @Revision(transactional = false)}.
   */
  default boolean runsInTransaction() {
    return true;
  }

  /** Calls the {@code visitor} method for this op's record type and returns its result. */
  <R> R accept(OpVisitor<R> visitor);
}
