package dev.migrate;

import dev.migrate.runner.RevisionGraph;
import java.util.List;
import java.util.Optional;

/**
 * Where one schema is, for {@code migrate:current}.
 *
 * @param revisions the revision ids the version table holds, sorted; empty at base
 * @param heads the heads of the schema's chain, sorted
 * @param unknown the ids of {@code revisions} that no migration class of the chain has (the class
 *     was deleted, or the code that has it was not pulled yet), sorted; empty normally
 */
public record Current(List<String> revisions, List<String> heads, List<String> unknown) {

  /** What {@code migrate:current} appends to a revision the code does not know. */
  public static final String UNKNOWN_NOTE =
      "(unknown to the code: not in the migrations package; was it deleted or not yet pulled?)";

  public Current {
    revisions = List.copyOf(revisions);
    heads = List.copyOf(heads);
    unknown = List.copyOf(unknown);
  }

  /** Where a schema is, with no revision unknown. */
  public Current(List<String> revisions, List<String> heads) {
    this(revisions, heads, List.of());
  }

  /** The schema at {@code revisions}, against the chain {@code graph}. */
  static Current of(List<String> revisions, RevisionGraph graph) {
    return new Current(
        revisions, graph.heads(), revisions.stream().filter(id -> !graph.contains(id)).toList());
  }

  /**
   * When the schema is at revisions the code does not know, why {@code goal} cannot go on and what
   * works instead: pulling the code that has them, or stamping a known revision. Running {@code
   * upgrade} would not help: it refuses an unknown revision too.
   *
   * @param goal the goal that stops, for example {@code autogen}
   * @return empty when every revision is known
   */
  Optional<String> unknownAdvice(String schema, String database, String goal) {
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Schema "
            + schema
            + " of "
            + database
            + " is at revision "
            + String.join(", ", unknown)
            + ", which the code does not know: no migration class in the migrations package has"
            + " that id (was it deleted, or is it on a branch not pulled yet?). migrate:"
            + goal
            + " needs the schema at a revision of the code, and migrate:upgrade refuses an unknown"
            + " revision too. Pull or check out the code that has revision "
            + unknown.get(0)
            + " (git log --all -S "
            + unknown.get(0)
            + "), or, if the schema really matches a revision of the code, record that one:"
            + " mvn migrate:stamp -Dmigrate.revision=<revision> -Dmigrate.purge"
            + (heads.isEmpty() ? "" : " (the head is " + String.join(", ", heads) + ")")
            + ".");
  }

  /**
   * The revisions joined with {@code separator}, or {@code null} at base (as a {@code RunResult}
   * writes base).
   */
  String joined(String separator) {
    return revisions.isEmpty() ? null : String.join(separator, revisions);
  }
}
