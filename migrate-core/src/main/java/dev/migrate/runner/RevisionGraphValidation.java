package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks {@link RevisionGraph#of} makes while it links the revisions, each failing with an
 * {@link ErrorCode#REVISION_GRAPH} error that names the revisions and their class files: duplicate
 * ids, branch labels declared twice or equal to a revision id, missing down revisions, missing,
 * ambiguous or self dependencies, and cycles (found while ordering the revisions parents first). It
 * is kept apart from the graph so that the graph holds the validated links and their queries, and
 * this class what can be wrong with them and how the user fixes it.
 */
final class RevisionGraphValidation {

  private RevisionGraphValidation() {}

  /**
   * The revisions by id.
   *
   * @throws MigrateException if two revisions share an id
   */
  static Map<String, RevisionInfo> byId(List<RevisionInfo> revisions) {
    Map<String, RevisionInfo> byId = new HashMap<>();
    for (RevisionInfo r : revisions) {
      RevisionInfo twin = byId.putIfAbsent(r.id(), r);
      if (twin != null) {
        throw graphError(
            "Revision id "
                + r.id()
                + " is used by both "
                + twin.sourceFile()
                + " and "
                + r.sourceFile()
                + ". Give one of them a new id (any 12 hex digits) and fix the revises of its"
                + " successors.");
      }
    }
    return byId;
  }

  /**
   * Puts the revision declaring each branch label into {@code labelOwners}.
   *
   * @throws MigrateException if a label is declared twice or is also a revision id
   */
  static void collectLabels(
      List<RevisionInfo> revisions,
      Map<String, RevisionInfo> byId,
      Map<String, String> labelOwners) {
    for (RevisionInfo r : revisions) {
      for (String label : r.branchLabels()) {
        String owner = labelOwners.putIfAbsent(label, r.id());
        if (owner != null) {
          throw graphError(
              "Branch label '"
                  + label
                  + "' is declared by both "
                  + owner
                  + " ("
                  + byId.get(owner).sourceFile()
                  + ") and "
                  + r.id()
                  + " ("
                  + r.sourceFile()
                  + "). A label names one"
                  + " branch: rename one of them.");
        }
        if (byId.containsKey(label)) {
          throw graphError(
              "Branch label '"
                  + label
                  + "' of "
                  + r.id()
                  + " ("
                  + r.sourceFile()
                  + ") is also a"
                  + " revision id. Choose another label.");
        }
      }
    }
  }

  /**
   * Checks that {@code down}, a down revision of {@code r}, is among the revisions.
   *
   * @throws MigrateException if it is not
   */
  static void requireDownRevision(RevisionInfo r, String down, Map<String, RevisionInfo> byId) {
    if (!byId.containsKey(down)) {
      throw graphError(
          "Revision "
              + r.id()
              + " ("
              + r.sourceFile()
              + ") revises '"
              + down
              + "', which is"
              + " not among the migrations. Restore the migration class of "
              + down
              + ", or correct `revises` in "
              + r.sourceFile()
              + ".");
    }
  }

  /**
   * The full id of the revision a dependency of {@code r} names: a full id, a branch label (the
   * revision declaring it) or an unambiguous prefix.
   *
   * @throws MigrateException if it names nothing, several revisions, or {@code r} itself
   */
  static String dependencyId(
      RevisionInfo r,
      String dependency,
      Map<String, RevisionInfo> byId,
      Map<String, String> labelOwners) {
    String id = resolveDependency(r, dependency, byId, labelOwners);
    if (id.equals(r.id())) {
      throw graphError(
          "Revision "
              + r.id()
              + " ("
              + r.sourceFile()
              + ") depends on itself. Remove '"
              + dependency
              + "' from its dependsOn.");
    }
    return id;
  }

  private static String resolveDependency(
      RevisionInfo r,
      String dependency,
      Map<String, RevisionInfo> byId,
      Map<String, String> labelOwners) {
    if (byId.containsKey(dependency)) {
      return dependency;
    }
    if (labelOwners.containsKey(dependency)) {
      return labelOwners.get(dependency);
    }
    List<String> matches =
        byId.keySet().stream().filter(id -> id.startsWith(dependency)).sorted().toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw graphError(
        "Revision "
            + r.id()
            + " ("
            + r.sourceFile()
            + ") depends on '"
            + dependency
            + "', which "
            + (matches.isEmpty()
                ? "is neither a revision nor a branch label"
                : "is ambiguous: " + String.join(", ", matches))
            + ". Correct `dependsOn` in "
            + r.sourceFile()
            + ".");
  }

  /**
   * Kahn's algorithm over down revisions and dependencies. Ready revisions go on a stack in reverse
   * id order, so a branch is followed to its end before the next one starts and the order is the
   * same on every run.
   */
  static List<RevisionInfo> topologicalOrder(
      List<RevisionInfo> revisions,
      Map<String, RevisionInfo> byId,
      Map<String, List<String>> parents,
      Map<String, List<String>> dependents) {
    Map<String, Integer> waiting = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    List<String> roots = new ArrayList<>();
    for (RevisionInfo r : revisions) {
      waiting.put(r.id(), parents.get(r.id()).size());
      if (parents.get(r.id()).isEmpty()) {
        roots.add(r.id());
      }
    }
    roots.sort(Comparator.reverseOrder());
    roots.forEach(ready::push);
    List<RevisionInfo> sorted = new ArrayList<>(revisions.size());
    while (!ready.isEmpty()) {
      String id = ready.pop();
      sorted.add(byId.get(id));
      List<String> next = dependents.get(id);
      for (int i = next.size() - 1; i >= 0; i--) {
        String child = next.get(i);
        if (waiting.merge(child, -1, Integer::sum) == 0) {
          ready.push(child);
        }
      }
    }
    if (sorted.size() != revisions.size()) {
      Set<String> done = new HashSet<>();
      sorted.forEach(r -> done.add(r.id()));
      List<String> stray = new ArrayList<>();
      for (RevisionInfo r : revisions) {
        if (!done.contains(r.id())) {
          stray.add(r.id() + " (" + r.sourceFile() + ")");
        }
      }
      stray.sort(null);
      throw graphError(
          "The revisions "
              + String.join(", ", stray)
              + " form a cycle (or descend from one):"
              + " following `revises` and `dependsOn` from them leads back to them. Correct `revises` or `dependsOn`"
              + " in those classes.");
    }
    return List.copyOf(sorted);
  }

  static MigrateException graphError(String message) {
    return new MigrateException(ErrorCode.REVISION_GRAPH, message);
  }
}
