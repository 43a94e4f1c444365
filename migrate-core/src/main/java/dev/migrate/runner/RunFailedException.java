package dev.migrate.runner;

import dev.migrate.MigrateException;
import java.util.Objects;

/**
 * An upgrade or downgrade that stopped: the error of the revision that failed (its message and
 * {@link #code()} unchanged), and what the run did before it, so that a report can say where the
 * schema stayed.
 */
public final class RunFailedException extends MigrateException {

  private static final long serialVersionUID = 1L;

  private final transient RunResult partial;

  /**
   * @param cause the error that stopped the run; its code and message become this exception's
   * @param partial the revisions that committed before it; {@link RunResult#to()} is where the
   *     schema stays
   */
  public RunFailedException(MigrateException cause, RunResult partial) {
    super(cause.code(), cause.getMessage(), cause);
    this.partial = Objects.requireNonNull(partial, "partial");
  }

  /** What the run did before it stopped. */
  public RunResult partial() {
    return partial;
  }
}
