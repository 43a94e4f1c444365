package dev.migrate.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which names of one namespace (the tables of a schema, the columns of a table)
 * {@code @RenamedFrom} hints rename, and in which order the renames can run.
 *
 * <p>Which: a wanted name that the namespace lacks, or whose holder another rename takes away, is
 * renamed from the first of its hints (newest first) that the namespace has and no other rename has
 * taken. A hint wins over a name match: with {@code b @RenamedFrom("a")} and a new {@code a} in the
 * model, the {@code a} of the database becomes {@code b} and the model's {@code a} is new. Found by
 * repeating passes until one changes nothing (each pass only adds renames, so this ends); no
 * recursion.
 *
 * <p>Order: a rename runs once its new name is free (PostgreSQL refuses a name in use), so {@code a
 * -> b} runs before {@code z -> a}. Swapped names ({@code b @RenamedFrom("a")} and {@code
 * a @RenamedFrom("b")} with both in the database) are not renamed: that state is the same as both
 * renames applied long ago (hints stay in the model), so the name match wins there.
 */
final class RenamePlan {

  /** A wanted name and its earlier names, newest first. */
  record Wanted(String name, List<String> hints) {}

  /** One rename step. */
  record Step(String from, String to) {}

  private RenamePlan() {}

  /**
   * The rename steps, in an order that can run top to bottom, that take {@code existing} (the names
   * the namespace has) towards {@code wanted}.
   */
  static List<Step> plan(Set<String> existing, List<Wanted> wanted) {
    Map<String, String> from = new LinkedHashMap<>();
    Set<String> claimed = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Wanted w : wanted) {
        if (from.containsKey(w.name())
            || existing.contains(w.name()) && !claimed.contains(w.name())) {
          continue;
        }
        for (String hint : w.hints()) {
          if (!hint.equals(w.name()) && existing.contains(hint) && !claimed.contains(hint)) {
            from.put(w.name(), hint);
            claimed.add(hint);
            changed = true;
            break;
          }
        }
      }
    }

    Set<String> state = new LinkedHashSet<>(existing);
    List<Step> pending = new ArrayList<>();
    from.forEach((to, old) -> pending.add(new Step(old, to)));
    List<Step> steps = new ArrayList<>();
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (int i = 0; i < pending.size(); i++) {
        Step step = pending.get(i);
        if (!state.contains(step.to())) {
          steps.add(step);
          state.remove(step.from());
          state.add(step.to());
          pending.remove(i--);
          progress = true;
        }
      }
      if (!progress) {
        // unreachable: a rename is only planned when its new name is missing or planned away, and
        // the chain of
        // names planned away ends in a missing one (a cycle would need a first rename into a name
        // not yet free)
        throw new IllegalStateException("renames form a cycle: " + pending);
      }
    }
    return steps;
  }
}
