package dev.migrate.runner;

import java.util.List;

/**
 * What an upgrade or downgrade did in one schema.
 *
 * @param schema the schema the chain ran in
 * @param from the revision the database was at before, {@code null} for base
 * @param to the revision it is at now, {@code null} for base
 * @param revisions the revisions applied (upgrade) or reverted (downgrade), in the order they ran
 * @param durationMillis the whole run, lock included, in milliseconds
 */
public record RunResult(
    String schema, String from, String to, List<AppliedRevision> revisions, long durationMillis) {

  public RunResult {
    revisions = List.copyOf(revisions);
  }
}
