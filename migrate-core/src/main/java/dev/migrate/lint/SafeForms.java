package dev.migrate.lint;

import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.Op;
import dev.migrate.ops.OpVisitor;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites one revision's ops into their safe forms, for the tables that exist before the revision
 * (autogen does this unless {@code <safeForms>false</safeForms>}):
 *
 * <ul>
 *   <li>{@code CREATE INDEX} → {@code CREATE INDEX CONCURRENTLY} ({@link
 *       Rule#REQUIRE_CONCURRENT_INDEX_CREATION});
 *   <li>{@code ADD CONSTRAINT ... FOREIGN KEY} → the same {@code NOT VALID}, then {@code VALIDATE
 *       CONSTRAINT} ({@link Rule#ADDING_FOREIGN_KEY_CONSTRAINT});
 *   <li>{@code ADD CONSTRAINT ... CHECK} → the same {@code NOT VALID}, then {@code VALIDATE
 *       CONSTRAINT} ({@link Rule#ADDING_CHECK_CONSTRAINT});
 *   <li>{@code SET NOT NULL} → through a validated check ({@link
 *       AlterColumn#notNullThroughCheck()}, {@link Rule#ADDING_NOT_NULLABLE_FIELD}).
 * </ul>
 *
 * Each of these runs outside a transaction ({@link Op#runsInTransaction()}), so a revision that
 * holds one is written {@code @Revision(transactional = false)}: the runner commits each statement
 * on its own, which is what puts each {@code VALIDATE} in a transaction of its own. The ops replay
 * into the same model as the plain ones, so a second autogen finds nothing.
 *
 * <p>Pure; thread-safe.
 */
public final class SafeForms {

  private SafeForms() {}

  /** {@code ops} with the safe form of each op on a table that exists before them. */
  public static List<Op> apply(List<Op> ops) {
    NewTables created = new NewTables();
    List<Op> safe = new ArrayList<>(ops.size());
    for (Op op : ops) {
      safe.addAll(op.accept(new Rewriter(created)));
    }
    return List.copyOf(safe);
  }

  /** One op as its safe form (one or two ops), tracking which tables the ops create. */
  private record Rewriter(NewTables created) implements OpVisitor.Partial<List<Op>> {

    @Override
    public List<Op> otherwise(Op op) {
      return List.of(op);
    }

    @Override
    public List<Op> visitCreateTable(CreateTable op) {
      created.created(op.table().schema(), op.table().name());
      return List.of(op);
    }

    @Override
    public List<Op> visitDropTable(DropTable op) {
      created.dropped(op.table().schema(), op.table().name());
      return List.of(op);
    }

    @Override
    public List<Op> visitRenameTable(RenameTable op) {
      created.renamed(op.schema(), op.from(), op.to());
      return List.of(op);
    }

    @Override
    public List<Op> visitCreateIndex(CreateIndex op) {
      return created.existing(op.schema(), op.table()) && !op.concurrently()
          ? List.of(new CreateIndex(op.schema(), op.table(), op.index(), true))
          : List.of(op);
    }

    @Override
    public List<Op> visitAddForeignKey(AddForeignKey op) {
      return created.existing(op.schema(), op.table()) && !op.notValid()
          ? List.of(
              new AddForeignKey(op.schema(), op.table(), op.foreignKey(), true),
              new ValidateConstraint(op.schema(), op.table(), op.foreignKey().name()))
          : List.of(op);
    }

    @Override
    public List<Op> visitAddCheckConstraint(AddCheckConstraint op) {
      return created.existing(op.schema(), op.table()) && !op.notValid()
          ? List.of(
              new AddCheckConstraint(op.schema(), op.table(), op.constraint(), true),
              new ValidateConstraint(op.schema(), op.table(), op.constraint().name()))
          : List.of(op);
    }

    @Override
    public List<Op> visitAlterColumn(AlterColumn op) {
      return created.existing(op.schema(), op.table()) && op.setsNotNull()
          ? List.of(new AlterColumn(op.schema(), op.table(), op.from(), op.to(), true))
          : List.of(op);
    }
  }
}
