package dev.migrate.maven;

import dev.migrate.runner.RunResult;
import org.apache.maven.plugin.logging.Log;

/** Log lines for run results, shared by the goals that run revisions. */
final class RunLines {

  private RunLines() {}

  static void log(Log log, String direction, RunResult result) {
    String from = result.from() == null ? "<base>" : result.from();
    String to = result.to() == null ? "<base>" : result.to();
    if (result.revisions().isEmpty()) {
      log.info("Schema " + result.schema() + " is at " + to + "; nothing to " + direction);
      return;
    }
    log.info(
        String.format(
            "Schema %s: %s -> %s, %d revision(s) in %d ms",
            result.schema(), from, to, result.revisions().size(), result.durationMillis()));
  }
}
