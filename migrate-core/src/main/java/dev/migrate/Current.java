package dev.migrate;

import java.util.List;

/**
 * Where one schema is, for {@code migrate:current}.
 *
 * @param revisions the revision ids the version table holds, sorted; empty at base
 * @param heads the heads of the schema's chain, sorted
 */
public record Current(List<String> revisions, List<String> heads) {

  public Current {
    revisions = List.copyOf(revisions);
    heads = List.copyOf(heads);
  }

  /**
   * The revisions joined with {@code separator}, or {@code null} at base (as a {@code RunResult}
   * writes base).
   */
  String joined(String separator) {
    return revisions.isEmpty() ? null : String.join(separator, revisions);
  }
}
