package dev.migrate;

import dev.migrate.ops.Op;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Migrate#baseline} did in one schema.
 *
 * @param schema the schema adopted
 * @param file the migration class written
 * @param revisionId the id of the baseline revision, which the schema is now stamped at
 * @param ops the upgrade ops that reproduce the schema, in order
 * @param detected one line per op, as autogen's "Detected" lines
 * @param notReplayed objects of the schema the model does not hold and the revision does not
 *     recreate (views, triggers, functions, ...), each as {@code kind name}; also listed in the
 *     class's header
 */
public record BaselineResult(
    String schema,
    Path file,
    String revisionId,
    List<Op> ops,
    List<String> detected,
    List<String> notReplayed) {

  public BaselineResult {
    ops = List.copyOf(ops);
    detected = List.copyOf(detected);
    notReplayed = List.copyOf(notReplayed);
  }
}
