package dev.migrate.runner;

import java.util.List;

/**
 * One revision as {@code migrate:history}, {@code heads} and {@code show} list it.
 *
 * @param id the revision id
 * @param revises its down revisions; empty for a base
 * @param dependsOn the revisions it depends on (full ids); empty for none
 * @param labels the branch labels it carries, sorted
 * @param message its message
 * @param head whether no revision revises it
 * @param branchPoint whether two or more revisions revise it
 * @param current whether it is in the database's version table ({@code false} when the database was
 *     not asked)
 * @param sourceFile its class file relative to the source root
 */
public record HistoryEntry(
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> labels,
    String message,
    boolean head,
    boolean branchPoint,
    boolean current,
    String sourceFile) {

  public HistoryEntry {
    revises = List.copyOf(revises);
    dependsOn = List.copyOf(dependsOn);
    labels = List.copyOf(labels);
  }

  /** The entry of revision {@code id} of {@code graph}. */
  public static HistoryEntry of(RevisionGraph graph, String id, boolean current) {
    RevisionInfo r = graph.get(id);
    return new HistoryEntry(
        id,
        r.revises(),
        graph.dependencies(id),
        List.copyOf(graph.labels(id)).stream().sorted().toList(),
        r.message(),
        graph.children(id).isEmpty(),
        graph.isBranchPoint(id),
        current,
        r.sourceFile());
  }

  /** Whether it revises two or more revisions. */
  public boolean mergePoint() {
    return revises.size() > 1;
  }

  /**
   * Alembic's format: {@code 9b1e4c2a7d10 -> 3f2a9c1d7b04 (shop) (head) (current), add phone}; a
   * merge lists its down revisions ({@code a1, b2 -> m3 (head) (mergepoint), merge}); a base has
   * {@code <base>}.
   */
  @Override
  public String toString() {
    return (revises.isEmpty() ? "<base>" : String.join(", ", revises))
        + " -> "
        + id
        + (labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")")
        + (head ? " (head)" : "")
        + (current ? " (current)" : "")
        + (branchPoint ? " (branchpoint)" : "")
        + (mergePoint() ? " (mergepoint)" : "")
        + ", "
        + message;
  }
}
