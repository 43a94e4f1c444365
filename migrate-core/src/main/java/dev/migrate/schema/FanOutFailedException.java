package dev.migrate.schema;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.Objects;

/**
 * A fan-out in which one or more schemas failed: the message lists each failed schema with its
 * error (see {@link FanOutReport#throwIfFailed()}), and {@link #report()} holds every schema's
 * outcome, the ones that succeeded included.
 */
public final class FanOutFailedException extends MigrateException {

  private static final long serialVersionUID = 1L;

  private final transient FanOutReport report;

  FanOutFailedException(ErrorCode code, String message, FanOutReport report) {
    super(code, message);
    this.report = Objects.requireNonNull(report, "report");
  }

  /** Every schema's outcome, in the order the schemas were given. */
  public FanOutReport report() {
    return report;
  }
}
