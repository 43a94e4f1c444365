package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What runs, in which order, between two sets of heads of one {@link RevisionGraph}: the revisions
 * an upgrade applies and a downgrade reverts, and the version table after each step (Alembic's
 * {@code RevisionMap} walks behind {@code upgrade}/{@code downgrade}). It only reads the graph; it
 * is kept apart so that the graph holds the links and their queries, and this class the plans built
 * from them. {@link RevisionGraph#upgradePlan}, {@link RevisionGraph#downgradePlan} and {@link
 * RevisionGraph#headsAfter} delegate here.
 */
final class RevisionPlans {

  private final RevisionGraph graph;

  RevisionPlans(RevisionGraph graph) {
    this.graph = graph;
  }

  private String currentText(Collection<String> current) {
    if (current.isEmpty()) {
      return "revision <base>";
    }
    return (current.size() == 1 ? "revision " : "revisions ")
        + String.join(", ", graph.sorted(current));
  }

  /**
   * The revisions to apply, parents first, so that a database whose version table holds {@code
   * current} includes {@code target}: every ancestor of the target (by down revision or dependency)
   * that is not applied yet. Branches the target does not need are left alone.
   *
   * @param target a resolved target ({@link RevisionGraph#resolve})
   * @param targetText the target as the user typed it, for messages
   * @throws MigrateException ({@link ErrorCode#TARGET}) if a target revision is applied already but
   *     is not current (it lies behind the database: a downgrade reaches it)
   */
  List<RevisionInfo> upgradePlan(
      Collection<String> current, List<String> target, String targetText) {
    Set<String> applied = graph.ancestorsOrSelf(current);
    for (String t : target) {
      if (applied.contains(t) && !current.contains(t)) {
        throw RevisionGraph.targetError(
            "Target '"
                + targetText
                + "' ("
                + t
                + ") is behind the current "
                + currentText(current)
                + ". Use `mvn migrate:downgrade -Dmigrate.revision="
                + targetText
                + "` to go back.");
      }
    }
    Set<String> needed = graph.ancestorsOrSelf(target);
    needed.removeAll(applied);
    return graph.inOrder(needed);
  }

  /**
   * The revisions to revert, children first, so that the database keeps {@code target} and drops
   * what was applied on top of it: every applied revision that revises a target revision, directly
   * or not, and every applied revision that revises or depends on one of those (for base: every
   * applied revision). Branches that merely depend on the target are left alone.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if a target revision is not applied (it
   *     lies ahead)
   */
  List<RevisionInfo> downgradePlan(
      Collection<String> current, List<String> target, String targetText) {
    Set<String> applied = graph.ancestorsOrSelf(current);
    for (String t : target) {
      if (!applied.contains(t)) {
        throw RevisionGraph.targetError(
            "Target '"
                + targetText
                + "' ("
                + t
                + ") is ahead of the current "
                + currentText(current)
                + ". Use `mvn migrate:upgrade -Dmigrate.revision="
                + targetText
                + "` to go forward.");
      }
    }
    Set<String> remove = new HashSet<>(applied);
    if (!target.isEmpty()) {
      // what was built on the target along its branches (revises), then whatever still depends on
      // that
      Set<String> above = new HashSet<>();
      Deque<String> work = new ArrayDeque<>();
      target.forEach(t -> work.addAll(graph.children(t)));
      while (!work.isEmpty()) {
        String id = work.pop();
        if (above.add(id)) {
          work.addAll(graph.children(id));
        }
      }
      remove.retainAll(above);
      String start = new RevisionTargets(graph).relativeDownStart(targetText, current);
      if (start != null) {
        // a relative step (-N, <rev>-N, <label>@-N) reverts that branch only, not its siblings
        Set<String> line = new HashSet<>();
        Deque<String> down = new ArrayDeque<>(List.of(start));
        while (!down.isEmpty()) {
          String id = down.pop();
          if (line.add(id)) {
            down.addAll(graph.get(id).revises());
          }
        }
        remove.retainAll(line);
      }
      for (RevisionInfo r : graph.revisions()) {
        if (applied.contains(r.id()) && graph.parents(r.id()).stream().anyMatch(remove::contains)) {
          remove.add(r.id());
        }
      }
      remove.removeAll(graph.ancestorsOrSelf(target));
    }
    List<RevisionInfo> plan = graph.inOrder(remove);
    Collections.reverse(plan);
    return plan;
  }

  /**
   * The version table after applying ({@link Direction#UPGRADE}) or reverting {@code revision} on a
   * database at {@code heads}: Alembic's rule that the table holds the applied revisions no other
   * applied revision revises or depends on. An upgrade replaces the revision's parents among the
   * heads by the revision (a merge collapses rows, a new branch adds one); a downgrade removes it
   * and restores those parents that nothing else applied still builds on.
   *
   * @return the new heads, parents first
   */
  List<String> headsAfter(Collection<String> heads, RevisionInfo revision, Direction direction) {
    Set<String> next = new LinkedHashSet<>(heads);
    if (direction == Direction.UPGRADE) {
      next.removeAll(graph.parents(revision.id()));
      next.add(revision.id());
      return graph.sorted(next);
    }
    next.remove(revision.id());
    Set<String> applied = graph.ancestorsOrSelf(next);
    for (String p : graph.parents(revision.id())) {
      if (!applied.contains(p)) {
        next.add(p); // nothing still applied revises or depends on it: it is a head again
      }
    }
    return graph.sorted(next);
  }
}
