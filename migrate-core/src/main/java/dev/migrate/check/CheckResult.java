package dev.migrate.check;

import java.util.List;

/**
 * What {@code migrate:check} found.
 *
 * @param mode how the migrations were turned into a schema
 * @param problems one line per problem, each naming the object or revision and what is wrong, for
 *     example {@code "customer.phone: column in the model, no migration adds it"}; empty when the
 *     check passes
 * @param notes what the check could not decide and said so instead of guessing (tables touched by
 *     raw SQL in offline mode), one line each; notes never fail the check
 * @param fix the next command to run when the model and the migrations differ, or {@code null}
 */
public record CheckResult(CheckMode mode, List<String> problems, List<String> notes, String fix) {

  /** The fix for a model that the migrations do not reach. */
  public static final String AUTOGEN_FIX =
      "run `mvn migrate:autogen -Dmessage=...` to write the missing migration,"
          + " review it and commit it with the entity change";

  public CheckResult {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** Whether the model and the migrations agree and nothing else is wrong. */
  public boolean passed() {
    return problems.isEmpty();
  }

  /**
   * The report as the goal prints it (and the failure message): a title, one problem a line, the
   * fix.
   */
  public String report() {
    if (passed()) {
      return "The model and the migrations agree (check mode " + mode + ").";
    }
    StringBuilder report =
        new StringBuilder("The model and the migrations disagree (check mode " + mode + "):");
    problems.forEach(p -> report.append("\n  - ").append(p));
    if (fix != null) {
      report.append("\nFix: ").append(fix).append('.');
    }
    return report.toString();
  }
}
