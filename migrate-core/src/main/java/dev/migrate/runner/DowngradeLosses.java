package dev.migrate.runner;

import dev.migrate.dialect.VersionStore;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.Op;
import dev.migrate.ops.OpVisitor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a downgrade destroys, counted before it runs: for every {@link DropColumn} and {@link
 * DropTable} among the downgrade ops of the revisions it reverts, the rows holding values ({@code
 * count(column)} for a column, {@code count(*)} for a table), one count per object that exists now.
 * Objects that do not exist now (created and dropped within the same downgrade, or renamed by an
 * earlier step of it) are not counted. Narrowing type changes are not counted.
 */
final class DowngradeLosses {

  /**
   * One object a downgrade drops and the rows holding values in it.
   *
   * @param revision the revision whose downgrade drops it
   * @param kind {@code column} or {@code table}
   * @param object the qualified name, {@code schema.table.column} or {@code schema.table}
   * @param rows the rows holding values, more than zero
   */
  record Loss(String revision, String kind, String object, long rows) {

    /**
     * For example {@code Downgrade of a1b2c3d4e5f6 drops column shop.customer.phone holding values
     * in 1,234 rows}.
     */
    String describe() {
      return "Downgrade of "
          + revision
          + " drops "
          + kind
          + " "
          + object
          + (kind.equals("table") ? " holding " : " holding values in ")
          + String.format(Locale.ROOT, "%,d", rows)
          + " row"
          + (rows == 1 ? "" : "s");
    }
  }

  /** A drop found among the ops: the schema ({@code null} for the run's), table and column. */
  private record Drop(String schema, String table, String column) {}

  private static final OpVisitor<Optional<Drop>> DROPS =
      new OpVisitor.Partial<>() {
        @Override
        public Optional<Drop> otherwise(Op op) {
          return Optional.empty();
        }

        @Override
        public Optional<Drop> visitDropColumn(DropColumn op) {
          return Optional.of(new Drop(op.schema(), op.table(), op.column().name()));
        }

        @Override
        public Optional<Drop> visitDropTable(DropTable op) {
          return Optional.of(new Drop(op.schema(), op.table().name(), null));
        }
      };

  private DowngradeLosses() {}

  /**
   * The objects the downgrade {@code plan} drops that hold values now, in plan order.
   *
   * @param schema the schema the run works in, for ops without a schema
   */
  static List<Loss> count(Connection c, VersionStore store, String schema, List<RevisionInfo> plan)
      throws SQLException {
    List<Loss> losses = new ArrayList<>();
    for (RevisionInfo revision : plan) {
      for (Op op : revision.ops(Direction.DOWNGRADE)) {
        Optional<Drop> drop = op.accept(DROPS);
        if (drop.isEmpty()) {
          continue;
        }
        Drop d = drop.get();
        String in = d.schema() == null ? schema : d.schema();
        OptionalLong rows = store.valuesHeld(c, in, d.table(), d.column());
        if (rows.isPresent() && rows.getAsLong() > 0) {
          losses.add(
              new Loss(
                  revision.id(),
                  d.column() == null ? "table" : "column",
                  in + "." + d.table() + (d.column() == null ? "" : "." + d.column()),
                  rows.getAsLong()));
        }
      }
    }
    return losses;
  }
}
