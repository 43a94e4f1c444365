package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.List;
import java.util.Optional;

/**
 * A range of revisions as the user types it: {@code lower:upper} for {@code history} (Alembic's
 * {@code history -r}), {@code from:to} or {@code to} alone for offline SQL (Alembic's {@code
 * upgrade --sql}).
 *
 * @param from the text before the colon, stripped; empty when there is no colon or nothing before
 *     it
 * @param to the text after the colon (or the whole text without a colon), stripped
 * @param hasColon whether the text had a colon
 */
public record RevisionRange(String from, String to, boolean hasColon) {

  /**
   * Parses {@code from:to} or {@code to}; {@code null} or blank reads as {@code defaultTo}.
   *
   * @param defaultTo what an empty range means, for example {@code head}
   */
  public static RevisionRange parse(String text, String defaultTo) {
    String t = text == null || text.isBlank() ? defaultTo : text.strip();
    int colon = t.indexOf(':');
    if (colon < 0) {
      return new RevisionRange("", t, false);
    }
    return new RevisionRange(t.substring(0, colon).strip(), t.substring(colon + 1).strip(), true);
  }

  /**
   * The revisions of a history range, newest first; {@code ""} or {@code null} for everything.
   *
   * @param range {@code lower:upper}, either side empty for base or the heads, each side a target
   *     ({@link RevisionGraph#resolve}) or {@code current}
   * @param current the revisions the database is at (empty when it was not asked)
   * @throws MigrateException ({@link ErrorCode#TARGET}) if the range has no colon or a side cannot
   *     be resolved
   */
  public static List<RevisionInfo> history(
      RevisionGraph graph, String range, List<String> current) {
    if (range == null || range.isBlank()) {
      return graph.range(List.of(), List.of());
    }
    if (range.indexOf(':') < 0) {
      throw new MigrateException(
          ErrorCode.TARGET,
          "History range '"
              + range
              + "' has no colon: use lower:upper,"
              + " for example -Dmigrate.range=base:head, -Dmigrate.range=current: or -Dmigrate.range=:3f2a9c");
    }
    RevisionRange parsed = parse(range, "");
    return graph.range(side(graph, parsed.from(), current), side(graph, parsed.to(), current));
  }

  private static List<String> side(RevisionGraph graph, String text, List<String> current) {
    if (text.isEmpty()) {
      return List.of();
    }
    return text.equals("current") ? current : graph.resolve(text, current);
  }

  /**
   * The revisions an offline script starts from: {@code from} resolved, or empty when the range
   * gives no start (then the database's revisions are the start).
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) if {@code from} cannot be resolved
   */
  public Optional<List<String>> start(RevisionGraph graph) {
    return hasColon ? Optional.of(graph.resolve(from, List.of())) : Optional.empty();
  }
}
