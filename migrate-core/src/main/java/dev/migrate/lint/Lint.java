package dev.migrate.lint;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The safety lint of one revision's ops: for each op, the {@link Finding}s of the {@link Rule}s it
 * hits. Only tables that exist before the revision count: a table the same ops create (or a created
 * table renamed) has no rows, so nothing on it is a hazard. Raw SQL ({@code op.execute}) is read
 * statement by statement ({@link SqlHazards}); what cannot be read is reported as {@link
 * Rule#UNCHECKED_SQL}.
 *
 * <pre>{@code
 * new Lint(new PostgresDialect()).findings(ops)
 * // [require-concurrent-index-creation on index orders_at_idx on orders: lock, SHARE (blocks writes); ...]
 * }</pre>
 *
 * <p>Pure: no I/O; thread-safe.
 */
public final class Lint {

  private final Dialect dialect;

  /**
   * A lint that asks {@code dialect} which type changes rewrite the table ({@link
   * Dialect#rewritesTable}) and keep every value ({@link Dialect#keepsEveryValue}).
   */
  public Lint(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** The findings of {@code ops}, one revision's upgrade, in op order. */
  public List<Finding> findings(List<Op> ops) {
    NewTables created = new NewTables();
    OpHazards hazards = new OpHazards(dialect, created);
    List<Finding> findings = new ArrayList<>();
    for (Op op : ops) {
      findings.addAll(op.accept(hazards));
    }
    return List.copyOf(findings);
  }
}
