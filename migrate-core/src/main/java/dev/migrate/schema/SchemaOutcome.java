package dev.migrate.schema;

import dev.migrate.ErrorCode;
import java.util.Objects;

/**
 * What a goal did in one schema of a fan-out.
 *
 * @param schema the schema
 * @param from the revision it was at before, {@code null} for base (or unknown when the run failed
 *     before reading it)
 * @param to the revision it is at now, {@code null} for base; for a failed run the last revision
 *     that committed
 * @param revisions how many revisions were applied or reverted
 * @param durationMillis how long the schema took, lock wait included, in milliseconds
 * @param error the error, as Migrate reports it; {@code null} when the schema succeeded
 * @param errorCode the kind of error; {@code null} when the schema succeeded
 */
public record SchemaOutcome(
    String schema,
    String from,
    String to,
    int revisions,
    long durationMillis,
    String error,
    ErrorCode errorCode) {

  public SchemaOutcome {
    Objects.requireNonNull(schema, "schema");
  }

  /** Whether the goal failed in this schema. */
  public boolean failed() {
    return error != null;
  }
}
