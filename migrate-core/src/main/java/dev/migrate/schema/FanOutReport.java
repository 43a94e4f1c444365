package dev.migrate.schema;

import dev.migrate.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a goal run over several schemas: one {@link SchemaOutcome} per schema, in the
 * order the schemas were given.
 *
 * @param goal the goal, for example {@code upgrade}
 * @param outcomes one per schema
 * @param threads how many schemas ran at once
 * @param durationMillis the whole fan-out, in milliseconds
 */
public record FanOutReport(
    String goal, List<SchemaOutcome> outcomes, int threads, long durationMillis) {

  /**
   * Goals that run revisions, after which a failed schema is at the last revision that committed.
   */
  private static final java.util.Set<String> RUNS =
      java.util.Set.of("upgrade", "downgrade", "reset");

  public FanOutReport {
    outcomes = List.copyOf(outcomes);
  }

  /** The schemas that failed, in order. */
  public List<SchemaOutcome> failures() {
    return outcomes.stream().filter(SchemaOutcome::failed).toList();
  }

  /**
   * The summary table, one line per schema after a header, then a totals line:
   *
   * <pre>
   * schema     from          to            revisions  duration  outcome
   * tenant_01  &lt;base&gt;        3f2a9c1d7b04         20    118 ms  ok
   * tenant_13  &lt;base&gt;        9b1e4c2a7d10          3     41 ms  FAILED
   * upgrade: 2 schema(s) in 0.2 s on 2 thread(s): 1 ok, 1 failed
   * </pre>
   */
  public List<String> summary() {
    int width =
        Math.max(
            "schema".length(),
            outcomes.stream().mapToInt(o -> o.schema().length()).max().orElse(0));
    int idWidth =
        Math.max(
            12,
            outcomes.stream()
                .mapToInt(o -> Math.max(revision(o.from()).length(), revision(o.to()).length()))
                .max()
                .orElse(0));
    String format = "%-" + width + "s  %-" + idWidth + "s  %-" + idWidth + "s  %9s  %8s  %s";
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
                Locale.ROOT, format, "schema", "from", "to", "revisions", "duration", "outcome")
            .stripTrailing());
    for (SchemaOutcome o : outcomes) {
      lines.add(
          String.format(
              Locale.ROOT,
              format,
              o.schema(),
              revision(o.from()),
              revision(o.to()),
              o.revisions(),
              o.durationMillis() + " ms",
              o.failed() ? "FAILED" : "ok"));
    }
    int failed = failures().size();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s: %d schema(s) in %.1f s on %d thread(s): %d ok, %d failed",
            goal,
            outcomes.size(),
            durationMillis / 1000.0,
            threads,
            outcomes.size() - failed,
            failed));
    return lines;
  }

  /**
   * Does nothing when every schema succeeded; otherwise throws one error listing every failed
   * schema with its error.
   *
   * @throws FanOutFailedException with this report and {@link ErrorCode#MIGRATION_FAILED} if any
   *     failure is one the user must fix (a failed revision, a bad target), else the code the
   *     failures share (for example {@link ErrorCode#CONNECTION})
   */
  public void throwIfFailed() {
    List<SchemaOutcome> failures = failures();
    if (failures.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    message
        .append(goal)
        .append(" failed in ")
        .append(failures.size())
        .append(" of ")
        .append(outcomes.size())
        .append(" schema(s); the others ")
        .append(outcomes.size() - failures.size() == 0 ? "(none) " : "")
        .append("completed")
        .append(
            RUNS.contains(goal) ? ", and each failed schema stays at its last good revision" : "")
        .append(':');
    for (SchemaOutcome o : failures) {
      message
          .append("\n  ")
          .append(o.schema())
          .append(" (at ")
          .append(revision(o.to()))
          .append("): ")
          .append(o.error().replace("\n", "\n    "));
    }
    message.append(
        "\nFix the cause and run the goal again: schemas already done have nothing left to do.");
    boolean userMustFix =
        failures.stream().anyMatch(o -> o.errorCode() == null || o.errorCode().userMustFix());
    ErrorCode code = userMustFix ? ErrorCode.MIGRATION_FAILED : failures.get(0).errorCode();
    throw new FanOutFailedException(code, message.toString(), this);
  }

  private static String revision(String id) {
    return id == null ? "<base>" : id;
  }
}
