package dev.migrate.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One schema change, as the diff finds it, as a migration class states it ({@code
 * op.addColumn(...)} rebuilds the very record) and as a dialect executes it (Alembic's {@code
 * operations/ops.py}). Every op is reversible: {@link #reverse()} is the op that undoes it, so a
 * downgrade is the reversed list of reversed ops.
 *
 * <p>{@code schema} components are {@code null} for the schema the migration runs in (target
 * schema). Ops that alter one existing table by name implement {@link TableOp}; {@link CreateTable}
 * and {@link DropTable}, which carry the whole table, are listed here.
 *
 * <p>A new op kind is a record listed in {@code permits} here (or in {@link TableOp}'s) with a
 * method in {@link OpVisitor}; the compiler then names every consumer that must handle it: the
 * model replay, each dialect's statements, the code generator and its descriptions. The runtime
 * {@code Operations} gets the method that migration classes call.
 */
public sealed interface Op
    permits TableOp,
        CreateTable,
        DropTable,
        CreateSequence,
        DropSequence,
        AlterSequence,
        CreateSchema,
        DropSchema,
        CreateEnumType,
        DropEnumType,
        AddEnumValue,
        DropEnumValue,
        ExecuteSql {

  /**
   * The op that undoes this one.
   *
   * @throws IrreversibleOpException for {@link ExecuteSql} without reverse SQL
   */
  Op reverse();

  /**
   * Whether a downgrade runs this op's {@link #reverse()}: {@code true} except where undoing is
   * doing nothing. {@link ValidateConstraint} is such an op: a constraint stays validated, the
   * reverse of its {@code ADD ... NOT VALID} drops it just after, and validating it again would
   * only take a {@code SHARE UPDATE EXCLUSIVE} lock for nothing.
   */
  default boolean undoneInDowngrade() {
    return true;
  }

  /**
   * The ops that undo {@code ops}: each op reversed, in reverse order (Alembic's {@code
   * reverse_into}), leaving out the ops a downgrade need not undo ({@link #undoneInDowngrade()});
   * this is how a downgrade is derived from an upgrade.
   *
   * @throws IrreversibleOpException if an op cannot be reversed
   */
  static List<Op> reverseAll(List<Op> ops) {
    List<Op> reversed = new ArrayList<>(ops.size());
    for (int i = ops.size() - 1; i >= 0; i--) {
      if (ops.get(i).undoneInDowngrade()) {
        reversed.add(ops.get(i).reverse());
      }
    }
    return List.copyOf(reversed);
  }

  /**
   * Whether PostgreSQL can run this op inside a transaction block; {@code false} for {@code CREATE
   * INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}, which need a revision marked
   * {@code @Revision(transactional = false)}.
   */
  default boolean runsInTransaction() {
    return true;
  }

  /**
   * This op as an op on one named table ({@link TableOp}), or empty for ops on other objects
   * (sequences, schemas, enum types), for raw SQL and for {@link CreateTable} and {@link
   * DropTable}, which carry the whole {@link dev.migrate.model.Table} rather than a table name.
   */
  default Optional<TableOp> onTable() {
    return Optional.empty();
  }

  /** Calls the {@code visitor} method for this op's record type and returns its result. */
  <R> R accept(OpVisitor<R> visitor);
}
