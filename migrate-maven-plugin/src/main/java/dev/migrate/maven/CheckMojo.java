package dev.migrate.maven;

import dev.migrate.Configuration;
import dev.migrate.Results;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.lint.Severity;
import dev.migrate.model.Database;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the model and the migrations disagree (Alembic's {@code check}, Django's
 * {@code makemigrations --check}), listing each missing change ("customer.phone: column in the
 * model, no migration adds it") and the fix; also when the graph has several heads, and when a
 * revision applied to the database was edited since (checksum in {@code migrate_history}). Bound to
 * {@code verify}: add an execution of the goal and {@code mvn verify} runs it.
 *
 * <p>Modes ({@code -Dmigrate.check}): {@code replay} (the default when a database is configured:
 * applies every revision in a throwaway schema of that server, compares, drops it), {@code live}
 * (compares the configured schema, which must be at head) and {@code offline} (the default without
 * a database: replays the ops in memory; tables changed by raw SQL are reported as unknown).
 *
 * <p>The goal does not compile: in {@code mvn verify} the lifecycle compiled already. Run alone, it
 * checks the model of the last compile, and fails when a source is newer than the compiled classes
 * or the model snapshot ("the model is older than the sources"): run {@code mvn compile
 * migrate:check}.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractMigrateMojo {

  /**
   * {@code replay}, {@code live} or {@code offline}; default {@code replay} with a database, else
   * offline.
   */
  @Parameter(property = "migrate.check")
  private String mode;

  /**
   * {@code text} (log lines) or {@code json} (one JSON document on standard output, {@code outcome}
   * {@code ok} or {@code failed}).
   */
  @Parameter(property = "migrate.format", defaultValue = "text")
  private String format;

  /**
   * The severity of safety-lint findings, in the revisions not yet applied (offline: every
   * revision), that fails the check: {@code error}, {@code warning} or {@code none} (the default:
   * findings are listed as warnings without failing). Rules a revision accepts with
   * {@code @AcceptedHazards} never fail.
   */
  @Parameter(property = "migrate.lintFailOn", defaultValue = "none")
  private String lintFailOn;

  @Override
  protected Configuration configure(Configuration configuration) {
    return configuration.lintFailOn(Severity.failOn(lintFailOn));
  }

  /** Skips the check (as {@code migrate.skip} skips every goal). */
  @Parameter(property = "migrate.check.skip", defaultValue = "false")
  private boolean skipCheck;

  @Override
  protected boolean json() {
    return OutputFormat.parse(format) == OutputFormat.JSON;
  }

  /**
   * Fails on a stale model rather than forking {@code compile}. A Mojo cannot fork the lifecycle
   * only when run alone: {@code @Execute} is static, so forking would compile twice in {@code mvn
   * verify}; and where the goal came from ({@code MojoExecution.getSource()}, {@code CLI} or {@code
   * LIFECYCLE}) does not say whether {@code compile} ran ({@code mvn compile migrate:check} is a
   * CLI execution after a compile, {@code mvn verify -Dmaven.main.skip} a lifecycle one without
   * it). The timestamps of the sources, the classes and the snapshot say exactly that, in every
   * case, in milliseconds.
   */
  @Override
  protected Freshness freshness() {
    return skipCheck ? Freshness.COMPILED_FIRST : Freshness.FAIL_IF_STALE;
  }

  @Override
  protected void run(ClassLoader projectClasses) throws MojoFailureException {
    if (skipCheck) {
      getLog().info("Skipping the check (migrate.check.skip)");
      return;
    }
    CheckMode chosen =
        mode == null || mode.isBlank()
            ? (databaseConfigured() ? CheckMode.REPLAY : CheckMode.OFFLINE)
            : CheckMode.parse(mode.strip());
    Database model = completeModel("migrate:check");
    Results<CheckResult> results =
        schemas(projectClasses, DatabaseUse.requiredWhen(chosen.needsDatabase()))
            .check(chosen, model);
    if (json()) {
      boolean passed = results.values().stream().allMatch(CheckResult::passed);
      printJson(JsonOutput.of("check", passed ? "ok" : "failed", results, JsonOutput::check));
      if (!passed) {
        throw new MojoFailureException("The check failed: see the JSON document");
      }
      return;
    }
    List<String> failed = new ArrayList<>();
    logEach(
        results,
        outcome -> {
          CheckResult result = outcome.value();
          String group = outcome.group().map(g -> "Schema group " + g.alias() + ": ").orElse("");
          result.notes().forEach(note -> getLog().warn(group + note));
          if (result.passed()) {
            getLog().info(group + result.report());
          } else {
            failed.add(
                outcome
                        .group()
                        .map(g -> "Schema group " + g.alias() + " (" + g.schema() + "): ")
                        .orElse("")
                    + result.report());
          }
        });
    if (!failed.isEmpty()) {
      throw new MojoFailureException(String.join("\n", failed));
    }
  }
}
