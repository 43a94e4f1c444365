package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Target resolution for a {@link RevisionGraph} (see {@link RevisionGraph#resolve}): Alembic's
 * target grammar ({@code head}, {@code heads}, {@code base}, ids, labels, {@code +N}/{@code -N},
 * {@code head-N}, {@code <rev>+N}, {@code <label>@head}) over the graph's public queries.
 */
final class RevisionTargets {

  private static final Pattern RELATIVE = Pattern.compile("(.*?)([+-])(\\d+)");

  private final RevisionGraph graph;

  RevisionTargets(RevisionGraph graph) {
    this.graph = graph;
  }

  /** See {@link RevisionGraph#resolve}; {@link ErrorCode#TARGET} errors as documented there. */
  List<String> resolve(String target, Collection<String> current) {
    String t = target.trim();
    if (t.isEmpty()) {
      throw malformed(target);
    }
    if (graph.contains(t) || graph.isLabel(t)) {
      return List.of(graph.find(t).id());
    }
    int at = t.indexOf('@');
    if (at >= 0) {
      String scopeName = t.substring(0, at);
      Scope scope = scope(scopeName);
      return resolveIn(t, t.substring(at + 1), scope, current);
    }
    return resolveIn(t, t, null, current);
  }

  /** What {@code <label>@} or {@code <rev>@} narrows a target to. */
  private record Scope(String name, Set<String> members) {}

  private Scope scope(String name) {
    if (name.isEmpty()) {
      throw malformed(name + "@");
    }
    Set<String> members = new HashSet<>();
    if (graph.isLabel(name)) {
      members.addAll(graph.carrying(name));
    } else {
      String id = graph.find(name).id();
      Deque<String> work = new ArrayDeque<>(List.of(id));
      while (!work.isEmpty()) {
        String next = work.pop();
        if (members.add(next)) {
          work.addAll(graph.children(next));
        }
      }
      members.addAll(graph.ancestorsOrSelf(List.of(id)));
    }
    return new Scope(name, members);
  }

  private List<String> resolveIn(String whole, String t, Scope scope, Collection<String> current) {
    List<String> scopedHeads =
        scope == null
            ? graph.heads()
            : graph.heads().stream().filter(scope.members()::contains).toList();
    switch (t) {
      case "heads":
        return graph.sorted(scopedHeads);
      case "head":
        return List.of(oneHead(whole, scopedHeads));
      case "base":
        return List.of();
      default:
        break;
    }
    if (t.startsWith("head-") || t.startsWith("head+")) {
      int n = steps(whole, t.substring(5));
      String head = oneHead(whole, scopedHeads);
      return t.charAt(4) == '-' ? walkDown(whole, head, n) : walkUp(whole, head, n, scope);
    }
    Matcher relative = RELATIVE.matcher(t);
    if (relative.matches()) {
      String from = relative.group(1);
      boolean up = relative.group(2).equals("+");
      int n = steps(whole, relative.group(3));
      String start;
      if (from.isEmpty()) {
        List<String> here =
            current.stream().filter(id -> scope == null || scope.members().contains(id)).toList();
        if (here.size() > 1) {
          throw RevisionGraph.targetError(
              "Relative target '"
                  + whole
                  + "' is ambiguous: the database is at several heads ("
                  + String.join(", ", graph.sorted(here))
                  + "). Name the branch: <rev>"
                  + relative.group(2)
                  + n
                  + " or <label>@"
                  + relative.group(2)
                  + n
                  + ".");
        }
        start = here.isEmpty() ? null : here.get(0);
      } else {
        start = graph.find(from).id();
      }
      if (up) {
        return walkUp(whole, start, n, scope);
      }
      if (start == null) {
        throw RevisionGraph.targetError(
            "Target '"
                + whole
                + "' is out of range: the database is at base, there is nothing"
                + " below it.");
      }
      return walkDown(whole, start, n);
    }
    if (scope != null) {
      throw malformed(whole);
    }
    return List.of(graph.find(t).id());
  }

  private String oneHead(String target, List<String> candidates) {
    if (candidates.isEmpty()) {
      throw RevisionGraph.targetError(
          "Target '" + target + "' names no head: there are no revisions yet.");
    }
    if (candidates.size() > 1) {
      throw RevisionGraph.multipleHeads(candidates, RevisionGraph.targetError(""));
    }
    return candidates.get(0);
  }

  /**
   * {@code n} steps up from {@code start} ({@code null}: base), each step to the one revision that
   * revises it.
   */
  private List<String> walkUp(String target, String start, int n, Scope scope) {
    String at = start;
    for (int i = 1; i <= n; i++) {
      List<String> next = at == null ? graph.bases() : graph.children(at);
      if (scope != null) {
        next = next.stream().filter(scope.members()::contains).toList();
      }
      if (next.isEmpty()) {
        throw RevisionGraph.targetError(
            "Target '"
                + target
                + "' is out of range: "
                + (at == null ? "there are no revisions" : at + " is a head")
                + ", "
                + (n - i + 1)
                + " step(s) short.");
      }
      if (next.size() > 1) {
        throw RevisionGraph.targetError(
            "Relative target '"
                + target
                + "' is ambiguous: "
                + (at == null ? "there are several" + " bases" : at + " is a branch point")
                + " ("
                + String.join(", ", next)
                + "). Name the branch:"
                + " <label>@+N, or a revision id.");
      }
      at = next.get(0);
    }
    return at == null ? List.of() : List.of(at);
  }

  /**
   * {@code n} steps down from {@code start}: its down revisions after the last step (both sides of
   * a merge point), the one down revision at each step before.
   */
  private List<String> walkDown(String target, String start, int n) {
    String at = start;
    if (n == 0) {
      return List.of(at);
    }
    for (int i = 1; ; i++) {
      List<String> down = graph.get(at).revises();
      if (i == n) {
        return graph.sorted(down);
      }
      if (down.isEmpty()) {
        throw RevisionGraph.targetError(
            "Target '"
                + target
                + "' is out of range: "
                + at
                + " is a base, "
                + (n - i)
                + " step(s) short.");
      }
      if (down.size() > 1) {
        throw RevisionGraph.targetError(
            "Relative target '"
                + target
                + "' is ambiguous: "
                + at
                + " is a merge point of "
                + String.join(", ", down)
                + ". Name a revision below it: <rev>-N.");
      }
      at = down.get(0);
    }
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
    throw malformed(target);
  }

  private static MigrateException malformed(String target) {
    return RevisionGraph.targetError(
        "Target '"
            + target
            + "' is not a revision: use head, heads, base, +N, -N, head-N, a full"
            + " or partial revision id, <rev>+N, <rev>-N, or <label>@head.");
  }

  /**
   * The revision a relative downward target steps from, or {@code null} when the target is not one.
   */
  String relativeDownStart(String text, Collection<String> current) {
    String t = text.trim();
    Scope scope = null;
    int at = t.indexOf('@');
    if (at > 0 && !graph.contains(t) && !graph.isLabel(t)) {
      scope = scope(t.substring(0, at));
      t = t.substring(at + 1);
    }
    Matcher m = RELATIVE.matcher(t);
    if (graph.contains(t)
        || graph.isLabel(t)
        || !m.matches()
        || !m.group(2).equals("-")
        || m.group(1).equals("head")) {
      return null;
    }
    if (!m.group(1).isEmpty()) {
      return graph.find(m.group(1)).id();
    }
    Scope s = scope;
    List<String> here =
        current.stream().filter(id -> s == null || s.members().contains(id)).toList();
    return here.size() == 1 ? here.get(0) : null;
  }
}
