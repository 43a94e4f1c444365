package dev.migrate;

import dev.migrate.dialect.VersionStore;
import dev.migrate.runner.HistoryEntry;
import java.util.List;

/**
 * The revision history of one schema's chain, for {@code migrate:history}.
 *
 * @param revisions the revisions of the range, newest first, marked current when a database was
 *     configured
 * @param graphEmpty whether the chain has no revisions at all (as opposed to none in the range)
 * @param runs the rows of {@code migrate_history}, oldest first, when {@link
 *     Detail#REVISIONS_AND_RUNS} was asked and a database is configured; empty otherwise
 */
public record History(
    List<HistoryEntry> revisions, boolean graphEmpty, List<VersionStore.HistoryRow> runs) {

  /** How much {@link Schemas#history} reads. */
  public enum Detail {
    /** The revisions only. */
    REVISIONS,
    /** The revisions, and the runs recorded in the database when one is configured. */
    REVISIONS_AND_RUNS
  }

  public History {
    revisions = List.copyOf(revisions);
    runs = List.copyOf(runs);
  }
}
