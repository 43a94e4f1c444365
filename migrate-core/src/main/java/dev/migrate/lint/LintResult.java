package dev.migrate.lint;

import java.util.List;

/**
 * What {@code migrate:lint} found in a range of revisions.
 *
 * @param revisions the revisions linted, oldest first
 */
public record LintResult(List<RevisionLint> revisions) {

  public LintResult {
    revisions = List.copyOf(revisions);
  }

  /**
   * The findings that fail a lint at {@code failOn} ({@code null}: none), each as {@code "<revision
   * id> (<file>): <finding>"}.
   */
  public List<String> failures(Severity failOn) {
    return revisions.stream()
        .flatMap(
            r -> r.findings().stream().filter(f -> f.severity().fails(failOn)).map(f -> line(r, f)))
        .toList();
  }

  /** Whether a finding fails a lint at {@code failOn}. */
  public boolean failed(Severity failOn) {
    return !failures(failOn).isEmpty();
  }

  /**
   * The report as {@code migrate:lint} prints it: one line per finding with its severity, then a
   * summary, and with {@code failOn} what to do.
   */
  public String report(Severity failOn) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (RevisionLint r : revisions) {
      for (Finding f : r.findings()) {
        out.append(f.severity().word()).append(": ").append(line(r, f)).append('\n');
        count++;
      }
    }
    List<String> failures = failures(failOn);
    out.append("Linted ")
        .append(revisions.size())
        .append(" revision(s): ")
        .append(count)
        .append(" finding(s), ")
        .append(failures.size())
        .append(" at or above ")
        .append(failOn == null ? "none (-Dmigrate.lintFailOn=none)" : failOn.word())
        .append('.');
    if (!failures.isEmpty()) {
      out.append(
          "\nFix: write the safe form each finding names (autogen writes it for existing tables"
              + " unless <safeForms>false</safeForms>), or accept the rule on the revision with"
              + " @AcceptedHazards({\"<rule id>\"}) after review.");
    }
    return out.toString();
  }

  private static String line(RevisionLint r, Finding f) {
    return r.revision() + " (" + r.sourceFile() + "): " + f.describe();
  }
}
