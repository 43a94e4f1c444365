package dev.migrate.runner;

/**
 * One revision as {@code migrate:history} lists it.
 *
 * @param id the revision id
 * @param downRevision the revision it revises, {@code null} for base
 * @param message its message
 * @param head whether it is the head of the chain
 * @param current whether the database is at it ({@code false} when the database was not asked)
 */
public record HistoryEntry(String id, String downRevision, String message, boolean head, boolean current) {

  /** Alembic's format: {@code 9b1e4c2a7d10 -> 3f2a9c1d7b04 (head) (current), add phone}. */
  @Override
  public String toString() {
    return (downRevision == null ? "<base>" : downRevision) + " -> " + id + (head ? " (head)" : "")
        + (current ? " (current)" : "") + ", " + message;
  }
}
