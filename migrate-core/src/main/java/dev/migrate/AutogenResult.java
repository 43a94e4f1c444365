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
 * @param warnings one line per destructive op, for example {@code "drops column customer.fax and
 *     its data"}
 * @param notes what to review beyond the ops, also written into the class's header: a drop and an
 *     add that look like a rename ({@code "table customer: did you rename fax to phone? annotate
 *     com.acme.Customer.phone (column phone) with @RenamedFrom(\"fax\") ..."}, the field named when
 *     {@link Configuration#modelMembers} knows it)
 * @param infos what autogen left alone on purpose, one line each: tables in the database that the
 *     model lacks and this chain did not create, enum values PostgreSQL cannot remove
 */
public record AutogenResult(
    Optional<Path> file,
    String revisionId,
    List<Op> ops,
    List<String> detected,
    List<String> warnings,
    List<String> notes,
    List<String> infos) {

  public AutogenResult {
    ops = List.copyOf(ops);
    detected = List.copyOf(detected);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
    infos = List.copyOf(infos);
  }

  /** A result without notes and infos. */
  public AutogenResult(
      Optional<Path> file,
      String revisionId,
      List<Op> ops,
      List<String> detected,
      List<String> warnings) {
    this(file, revisionId, ops, detected, warnings, List.of(), List.of());
  }

  /** Whether the model and the database were equivalent. */
  public boolean noChanges() {
    return ops.isEmpty();
  }
}
