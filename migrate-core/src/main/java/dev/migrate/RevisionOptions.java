package dev.migrate;

import java.util.List;

/**
 * Options of {@code migrate:revision}, as Alembic's {@code revision --head --splice --branch-label
 * --depends-on}.
 *
 * @param head what the new revision revises: {@code head} (the one head), {@code base} (a new base,
 *     usually with a branch label), or any target naming revisions ({@code <label>@head}, an id)
 * @param splice allow {@code head} to name a revision that is not a head, starting a new branch
 *     from it
 * @param branchLabels labels the new revision declares
 * @param dependsOn revisions (ids, partial ids, labels) it depends on
 */
public record RevisionOptions(
    String head, boolean splice, List<String> branchLabels, List<String> dependsOn) {

  /** {@code head}, no splice, no labels, no dependencies. */
  public static final RevisionOptions DEFAULT =
      new RevisionOptions("head", false, List.of(), List.of());

  public RevisionOptions {
    head = head == null || head.isBlank() ? "head" : head.strip();
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
  }
}
