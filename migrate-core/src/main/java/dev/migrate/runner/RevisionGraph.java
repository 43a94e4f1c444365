package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The revisions of one chain, linked by their down revisions, validated once. This version supports one linear
 * chain (one base, one head, no merge points); a later version widens it to Alembic's branches, merges and labels.
 */
public final class RevisionGraph {

  private final List<RevisionInfo> chain;
  private final Map<String, Integer> positions = new HashMap<>();

  private RevisionGraph(List<RevisionInfo> chain) {
    this.chain = List.copyOf(chain);
    for (int i = 0; i < chain.size(); i++) {
      positions.put(chain.get(i).id(), i);
    }
  }

  /**
   * Links {@code revisions} (in any order) into a chain.
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_GRAPH}) naming the revisions and classes involved when two
   *     revisions share an id, a down revision is missing, a revision has several down revisions, there are several
   *     bases or heads, or the revisions form a cycle
   */
  public static RevisionGraph of(List<RevisionInfo> revisions) {
    Map<String, RevisionInfo> byId = new HashMap<>();
    for (RevisionInfo r : revisions) {
      RevisionInfo twin = byId.putIfAbsent(r.id(), r);
      if (twin != null) {
        throw graphError("Revision id " + r.id() + " is used by both " + twin.type().getName() + " and "
            + r.type().getName() + ". Give one of them a new id (any 12 hex digits) and fix the revises of its"
            + " successor.");
      }
    }
    Map<String, RevisionInfo> childOf = new HashMap<>();
    List<RevisionInfo> bases = new ArrayList<>();
    for (RevisionInfo r : revisions) {
      if (r.revises().size() > 1) {
        throw graphError("Revision " + r.id() + " (" + r.type().getName() + ") revises " + r.revises()
            + ": merge points are not supported yet. Keep the chain linear.");
      }
      if (r.revises().isEmpty()) {
        bases.add(r);
        continue;
      }
      String down = r.revises().get(0);
      if (!byId.containsKey(down)) {
        throw graphError("Revision " + r.id() + " (" + r.type().getName() + ") revises '" + down + "', which is not"
            + " in the chain. Restore the migration class of " + down + ", or correct `revises` in "
            + r.type().getSimpleName() + ".");
      }
      RevisionInfo sibling = childOf.putIfAbsent(down, r);
      if (sibling != null) {
        throw graphError("Multiple heads are present: revisions " + sibling.id() + " (" + sibling.type().getName()
            + ") and " + r.id() + " (" + r.type().getName() + ") both revise " + down + ". Branches are not supported"
            + " yet: make one of them revise the other.");
      }
    }
    if (revisions.isEmpty()) {
      return new RevisionGraph(List.of());
    }
    if (bases.size() != 1) {
      if (bases.isEmpty()) {
        throw graphError("The revisions form a cycle: none of them is a base (a revision without `revises`)."
            + " Classes: " + names(revisions));
      }
      throw graphError("Multiple bases are present: " + names(bases) + ". Make all but one of them revise another"
          + " revision.");
    }
    List<RevisionInfo> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (RevisionInfo r = bases.get(0); r != null && seen.add(r.id()); r = childOf.get(r.id())) {
      chain.add(r);
    }
    if (chain.size() != revisions.size()) {
      List<RevisionInfo> stray = new ArrayList<>(revisions);
      stray.removeIf(r -> seen.contains(r.id()));
      throw graphError("The revisions " + names(stray) + " form a cycle that no base leads to. Correct their"
          + " `revises`.");
    }
    return new RevisionGraph(chain);
  }

  private static String names(List<RevisionInfo> revisions) {
    List<String> names = new ArrayList<>();
    revisions.forEach(r -> names.add(r.id() + " (" + r.type().getName() + ")"));
    Collections.sort(names);
    return String.join(", ", names);
  }

  private static MigrateException graphError(String message) {
    return new MigrateException(ErrorCode.REVISION_GRAPH, message);
  }

  /** The revisions from base to head. */
  public List<RevisionInfo> chain() {
    return chain;
  }

  /** The head revision, or empty when there are no revisions. */
  public Optional<RevisionInfo> head() {
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
  }

  /**
   * The position of {@code id} in {@link #chain()}, {@code -1} for {@code null} (base).
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the id is not in the chain
   */
  public int position(String id) {
    if (id == null) {
      return -1;
    }
    Integer position = positions.get(id);
    if (position == null) {
      throw new MigrateException(ErrorCode.TARGET, "Revision '" + id + "' not found in the migrations"
          + (chain.isEmpty() ? " (there are none)" : " (head is " + head().orElseThrow().id() + ")") + ".");
    }
    return position;
  }

  /**
   * The revision a full or partial id names.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if none matches ("Revision '9z' not found") or several do
   *     ("Revision 'a1' is ambiguous: a1b2c3..., a1f09e...")
   */
  public RevisionInfo find(String idOrPrefix) {
    Integer exact = positions.get(idOrPrefix);
    if (exact != null) {
      return chain.get(exact);
    }
    List<RevisionInfo> matches = chain.stream().filter(r -> r.id().startsWith(idOrPrefix)).toList();
    if (matches.isEmpty()) {
      throw new MigrateException(ErrorCode.TARGET, "Revision '" + idOrPrefix + "' not found. Run `mvn"
          + " migrate:history` to list the revisions.");
    }
    if (matches.size() > 1) {
      throw new MigrateException(ErrorCode.TARGET, "Revision '" + idOrPrefix + "' is ambiguous: "
          + String.join(", ", matches.stream().map(RevisionInfo::id).sorted().toList())
          + ". Give more characters of the id.");
    }
    return matches.get(0);
  }

  /**
   * Resolves a target to a position in {@link #chain()} ({@code -1} is base).
   *
   * <p>Targets, as in Alembic: {@code head}, {@code base}, {@code +N} and {@code -N} (relative to {@code current}),
   * {@code head-N}, and a full or unambiguous partial revision id.
   *
   * @param current the position the database is at, {@code -1} for base
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the target is malformed, unknown, ambiguous or out of range
   */
  public int resolve(String target, int current) {
    String t = target.trim();
    int last = chain.size() - 1;
    if (t.equals("head") || t.equals("heads")) {
      return last;
    }
    if (t.equals("base")) {
      return -1;
    }
    if (t.startsWith("head-")) {
      return inRange(t, last - steps(t, t.substring(5)));
    }
    if (t.startsWith("+")) {
      return inRange(t, current + steps(t, t.substring(1)));
    }
    if (t.startsWith("-")) {
      return inRange(t, current - steps(t, t.substring(1)));
    }
    return position(find(t).id());
  }

  private static int steps(String target, String digits) {
    try {
      int n = Integer.parseInt(digits);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MigrateException(ErrorCode.TARGET, "Target '" + target + "' is not a revision: use head, base, +N,"
        + " -N, head-N, or a full or partial revision id.");
  }

  private int inRange(String target, int position) {
    if (position < -1 || position >= chain.size()) {
      throw new MigrateException(ErrorCode.TARGET, "Target '" + target + "' is out of range: the chain has "
          + chain.size() + " revision(s) between base and head.");
    }
    return position;
  }
}
