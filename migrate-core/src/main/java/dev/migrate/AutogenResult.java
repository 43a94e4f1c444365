package dev.migrate;

import dev.migrate.ops.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code autogenerate} found and wrote.
 *
 * @param file the migration class written, empty when no change was detected
 * @param revisionId the new revision's id, {@code null} when nothing was written
 * @param ops the ops of the new revision's upgrade, in order; empty when no change was detected
 * @param detected one line per op, for example {@code "added column customer.phone"}
 * @param warnings one line per destructive op, for example {@code "drops column customer.fax and its data"}
 */
public record AutogenResult(Optional<Path> file, String revisionId, List<Op> ops, List<String> detected,
    List<String> warnings) {

  public AutogenResult {
    ops = List.copyOf(ops);
    detected = List.copyOf(detected);
    warnings = List.copyOf(warnings);
  }

  /** Whether the model and the database were equivalent. */
  public boolean noChanges() {
    return ops.isEmpty();
  }
}
