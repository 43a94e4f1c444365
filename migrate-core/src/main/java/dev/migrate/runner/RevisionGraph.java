package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The revisions of one project, linked by their down revisions ({@code revises}) and dependencies
 * ({@code dependsOn}), validated once: Alembic's revision map, with Alembic's words.
 *
 * <ul>
 *   <li>A <b>base</b> revises nothing; there may be several (independent branches, usually
 *       labelled).
 *   <li>A <b>head</b> is a revision that no other revision revises; several heads mean the graph
 *       has branches that are not merged yet.
 *   <li>A <b>branch point</b> is revised by two or more revisions; a <b>merge point</b> revises two
 *       or more.
 *   <li>A <b>dependency</b> ({@code dependsOn}) must be applied before the revision that names it,
 *       but is not its down revision: it does not join the two branches.
 *   <li>A <b>branch label</b> declared on a revision applies, as in Alembic, to that revision, all
 *       its descendants, and its ancestors up to the preceding branch point; {@code <label>@head}
 *       is the head carrying it.
 * </ul>
 *
 * <p>Every walk over the graph is iterative (work lists, Kahn's algorithm), so chains of any length
 * and any shape are handled without recursion. The database side follows Alembic's version table:
 * it holds the applied revisions that no other applied revision revises or depends on, one row each
 * ({@link #headsAfter}).
 *
 * <p>This class holds the links and their queries. What can be wrong with the links (duplicate ids
 * and labels, missing down revisions and dependencies, cycles) is checked in {@link
 * RevisionGraphValidation}; the upgrade and downgrade plans and the heads after each step are built
 * in {@link RevisionPlans}; the target grammar lives in {@link RevisionTargets}.
 */
public final class RevisionGraph {

  /**
   * Every revision, parents before children; among revisions ready at the same time, one branch is
   * finished first.
   */
  private final List<RevisionInfo> order;

  private final Map<String, RevisionInfo> byId;
  private final Map<String, Integer> position = new HashMap<>();

  /** Down revisions plus resolved dependencies, per revision. */
  private final Map<String, List<String>> parents = new HashMap<>();

  /** Revisions that revise it, per revision (sorted ids). */
  private final Map<String, List<String>> children = new HashMap<>();

  /** Revisions that revise it or depend on it, per revision. */
  private final Map<String, List<String>> dependents = new HashMap<>();

  /** The revision that declares each label. */
  private final Map<String, String> labelOwners = new TreeMap<>();

  /** The labels each revision carries, declared or propagated. */
  private final Map<String, Set<String>> labels = new HashMap<>();

  private final List<String> heads;
  private final List<String> bases;

  private RevisionGraph(List<RevisionInfo> revisions) {
    byId = RevisionGraphValidation.byId(revisions);
    RevisionGraphValidation.collectLabels(revisions, byId, labelOwners);
    for (RevisionInfo r : revisions) {
      children.put(r.id(), new ArrayList<>());
      dependents.put(r.id(), new ArrayList<>());
    }
    for (RevisionInfo r : revisions) {
      List<String> up = new ArrayList<>();
      for (String down : r.revises()) {
        RevisionGraphValidation.requireDownRevision(r, down, byId);
        addOnce(up, down);
        children.get(down).add(r.id());
      }
      for (String dependency : r.dependsOn()) {
        addOnce(up, RevisionGraphValidation.dependencyId(r, dependency, byId, labelOwners));
      }
      parents.put(r.id(), List.copyOf(up));
      for (String p : up) {
        dependents.get(p).add(r.id());
      }
    }
    children.values().forEach(list -> list.sort(null));
    dependents.values().forEach(list -> list.sort(null));
    order = RevisionGraphValidation.topologicalOrder(revisions, byId, parents, dependents);
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).id(), i);
    }
    List<String> h = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (RevisionInfo r : order) {
      if (children.get(r.id()).isEmpty()) {
        h.add(r.id());
      }
      if (r.revises().isEmpty()) {
        b.add(r.id());
      }
    }
    h.sort(null);
    b.sort(null);
    heads = List.copyOf(h);
    bases = List.copyOf(b);
    propagateLabels();
  }

  /**
   * Links {@code revisions} (in any order) into a graph.
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_GRAPH}) naming the revisions and their
   *     class files when two revisions share an id, a down revision or dependency is missing or
   *     ambiguous, a branch label is declared twice, or the revisions form a cycle
   */
  public static RevisionGraph of(List<RevisionInfo> revisions) {
    return new RevisionGraph(revisions);
  }

  private static void addOnce(List<String> list, String id) {
    if (!list.contains(id)) {
      list.add(id);
    }
  }

  /**
   * Labels go to the declaring revision, its descendants, and its ancestors up to the preceding
   * branch point.
   */
  private void propagateLabels() {
    for (RevisionInfo r : order) {
      labels.put(r.id(), new TreeSet<>());
    }
    for (Map.Entry<String, String> e : labelOwners.entrySet()) {
      String label = e.getKey();
      Deque<String> work = new ArrayDeque<>(List.of(e.getValue()));
      while (!work.isEmpty()) {
        String id = work.pop();
        if (labels.get(id).add(label)) {
          work.addAll(children.get(id));
        }
      }
      RevisionInfo r = byId.get(e.getValue());
      while (r.revises().size() == 1) {
        String down = r.revises().get(0);
        if (children.get(down).size() != 1) {
          break;
        }
        labels.get(down).add(label);
        r = byId.get(down);
      }
    }
  }

  static MigrateException targetError(String message) {
    return new MigrateException(ErrorCode.TARGET, message);
  }

  // ------------------------------------------------------------------------------------------------- queries

  /** Every revision, parents (down revisions and dependencies) before children. */
  public List<RevisionInfo> revisions() {
    return order;
  }

  /** Whether the graph has no revisions. */
  public boolean isEmpty() {
    return order.isEmpty();
  }

  /** Whether {@code id} is the full id of a revision. */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * The revision with the full id {@code id}.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if there is none
   */
  public RevisionInfo get(String id) {
    RevisionInfo r = byId.get(id);
    if (r == null) {
      throw notFound(id);
    }
    return r;
  }

  /** The head ids (revisions no other revision revises), sorted. */
  public List<String> heads() {
    return heads;
  }

  /** The base ids (revisions that revise nothing), sorted. */
  public List<String> bases() {
    return bases;
  }

  /**
   * The one head, or empty when there are no revisions.
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_GRAPH}) "Multiple heads are present: ..."
   *     when the graph has several heads
   */
  public Optional<RevisionInfo> head() {
    if (heads.size() > 1) {
      throw multipleHeads(heads, RevisionGraphValidation.graphError(""));
    }
    return heads.isEmpty() ? Optional.empty() : Optional.of(byId.get(heads.get(0)));
  }

  static MigrateException multipleHeads(List<String> ids, MigrateException kind) {
    return new MigrateException(
        kind.code(),
        "Multiple heads are present: "
            + String.join(", ", ids)
            + "; run `mvn migrate:merge -Dmessage=...` or target one head (-Dmigrate.revision=<id> or <label>@head, or heads"
            + " for all).");
  }

  /** The ids of the revisions that revise {@code id}, sorted. */
  public List<String> children(String id) {
    get(id);
    return List.copyOf(children.get(id));
  }

  /** The down revisions and resolved dependencies of {@code id}. */
  public List<String> parents(String id) {
    get(id);
    return parents.get(id);
  }

  /** The dependencies of {@code id} as full ids. */
  public List<String> dependencies(String id) {
    List<String> all = new ArrayList<>(parents(id));
    all.removeAll(byId.get(id).revises());
    return all;
  }

  /** Whether two or more revisions revise {@code id}. */
  public boolean isBranchPoint(String id) {
    return children(id).size() > 1;
  }

  /** Whether {@code id} revises two or more revisions. */
  public boolean isMergePoint(String id) {
    return get(id).revises().size() > 1;
  }

  /** The branch points, parents first. */
  public List<String> branchPoints() {
    return order.stream().map(RevisionInfo::id).filter(this::isBranchPoint).toList();
  }

  /** The branch labels {@code id} carries, declared on it or propagated to it, sorted. */
  public Set<String> labels(String id) {
    get(id);
    return Set.copyOf(labels.get(id));
  }

  /** The labels {@code id} declares itself. */
  public List<String> declaredLabels(String id) {
    return get(id).branchLabels();
  }

  /**
   * {@code ids} and every revision they revise or depend on, directly or not: the revisions a
   * database whose version table holds {@code ids} has applied.
   */
  public Set<String> ancestorsOrSelf(Collection<String> ids) {
    Set<String> seen = new HashSet<>();
    Deque<String> work = new ArrayDeque<>(ids);
    while (!work.isEmpty()) {
      String id = work.pop();
      if (seen.add(id)) {
        work.addAll(parents(id));
      }
    }
    return seen;
  }

  /** {@code ids} and every revision that revises or depends on them, directly or not. */
  public Set<String> descendantsOrSelf(Collection<String> ids) {
    Set<String> seen = new HashSet<>();
    Deque<String> work = new ArrayDeque<>(ids);
    while (!work.isEmpty()) {
      String id = work.pop();
      get(id);
      if (seen.add(id)) {
        work.addAll(dependents.get(id));
      }
    }
    return seen;
  }

  /** The revisions {@code ids}, parents first (the graph's order). */
  List<RevisionInfo> inOrder(Collection<String> ids) {
    List<RevisionInfo> list = new ArrayList<>(ids.size());
    ids.forEach(id -> list.add(byId.get(id)));
    list.sort(Comparator.comparingInt(r -> position.get(r.id())));
    return list;
  }

  /** {@code ids} sorted parents first (the graph's order). */
  public List<String> sorted(Collection<String> ids) {
    return inOrder(ids).stream().map(RevisionInfo::id).toList();
  }

  // -------------------------------------------------------------------------------------------------- lookup

  /**
   * The revision a full id, an unambiguous prefix of one, or a branch label names (a label names
   * the revision that declares it).
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if none matches ("Revision '9z' not found")
   *     or several do ("Revision 'a1' is ambiguous: a1b2c3..., a1f09e...")
   */
  public RevisionInfo find(String ident) {
    RevisionInfo exact = byId.get(ident);
    if (exact != null) {
      return exact;
    }
    String owner = labelOwners.get(ident);
    if (owner != null) {
      return byId.get(owner);
    }
    List<String> matches =
        byId.keySet().stream().filter(id -> id.startsWith(ident)).sorted().toList();
    if (matches.isEmpty()) {
      throw notFound(ident);
    }
    if (matches.size() > 1) {
      throw targetError(
          "Revision '"
              + ident
              + "' is ambiguous: "
              + String.join(", ", matches)
              + ". Give more characters of the id.");
    }
    return byId.get(matches.get(0));
  }

  private MigrateException notFound(String ident) {
    return targetError(
        "Revision '"
            + ident
            + "' not found. Run `mvn migrate:history` to list the revisions"
            + (labelOwners.isEmpty()
                ? ""
                : " (branch labels: " + String.join(", ", labelOwners.keySet()) + ")")
            + ".");
  }

  // ------------------------------------------------------------------------------------------------- targets

  /**
   * Resolves a target to the revisions it names, as the set of heads the database should end at
   * (empty for base), parents first.
   *
   * <p>Targets, as in Alembic: {@code head} (the one head; an error when there are several), {@code
   * heads}, {@code base}, a full or unambiguous partial revision id or a branch label, {@code +N}
   * and {@code -N} (relative to the database's current head), {@code head-N}, {@code <rev>+N} and
   * {@code <rev>-N}, and the branch forms {@code <label>@head}, {@code <label>@heads}, {@code
   * <label>@+N}, {@code <label>@-N}, {@code <label>@head-N} (a revision id works in place of the
   * label).
   *
   * @param current the revisions in the version table (empty at base)
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the target is malformed, unknown,
   *     ambiguous, names several heads where one is needed, or steps out of the graph
   */
  public List<String> resolve(String target, Collection<String> current) {
    return new RevisionTargets(this).resolve(target, current);
  }

  // -------------------------------------------------------------------------------------------------- plans

  /**
   * The revisions to apply, parents first, so that a database whose version table holds {@code
   * current} includes {@code target}: every ancestor of the target (by down revision or dependency)
   * that is not applied yet. Branches the target does not need are left alone.
   *
   * @param target a resolved target ({@link #resolve})
   * @param targetText the target as the user typed it, for messages
   * @throws MigrateException ({@link ErrorCode#TARGET}) if a target revision is applied already but
   *     is not current (it lies behind the database: a downgrade reaches it)
   * @see RevisionPlans#upgradePlan
   */
  public List<RevisionInfo> upgradePlan(
      Collection<String> current, List<String> target, String targetText) {
    return new RevisionPlans(this).upgradePlan(current, target, targetText);
  }

  /**
   * The revisions to revert, children first, so that the database keeps {@code target} and drops
   * what was applied on top of it: every applied revision that revises a target revision, directly
   * or not, and every applied revision that revises or depends on one of those (for base: every
   * applied revision). Branches that merely depend on the target are left alone.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if a target revision is not applied (it
   *     lies ahead)
   * @see RevisionPlans#downgradePlan
   */
  public List<RevisionInfo> downgradePlan(
      Collection<String> current, List<String> target, String targetText) {
    return new RevisionPlans(this).downgradePlan(current, target, targetText);
  }

  /**
   * The version table after applying ({@link Direction#UPGRADE}) or reverting {@code revision} on a
   * database at {@code heads}: Alembic's rule that the table holds the applied revisions no other
   * applied revision revises or depends on.
   *
   * @return the new heads, parents first
   * @see RevisionPlans#headsAfter
   */
  public List<String> headsAfter(
      Collection<String> heads, RevisionInfo revision, Direction direction) {
    return new RevisionPlans(this).headsAfter(heads, revision, direction);
  }

  /**
   * The revisions between {@code lower} and {@code upper}, both included, newest first: Alembic's
   * {@code history -r lower:upper}. An empty lower means from base, an empty upper means up to the
   * heads.
   */
  public List<RevisionInfo> range(Collection<String> lower, Collection<String> upper) {
    Set<String> in = new HashSet<>(upper.isEmpty() ? byId.keySet() : ancestorsOrSelf(upper));
    if (!lower.isEmpty()) {
      in.retainAll(descendantsOrSelf(lower));
    }
    List<RevisionInfo> list = inOrder(in);
    Collections.reverse(list);
    return list;
  }

  /** Whether {@code name} is a branch label some revision declares. */
  boolean isLabel(String name) {
    return labelOwners.containsKey(name);
  }

  /** The ids of the revisions that carry {@code label}, declared or propagated. */
  Set<String> carrying(String label) {
    Set<String> ids = new HashSet<>();
    labels.forEach(
        (id, carried) -> {
          if (carried.contains(label)) {
            ids.add(id);
          }
        });
    return ids;
  }

  /**
   * Ids grouped by the labels carried, for {@code migrate:branches}: label → its revisions, parents
   * first.
   */
  public Map<String, List<String>> branchesByLabel() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String label : labelOwners.keySet()) {
      map.put(
          label,
          order.stream()
              .map(RevisionInfo::id)
              .filter(id -> labels.get(id).contains(label))
              .toList());
    }
    return map;
  }
}
