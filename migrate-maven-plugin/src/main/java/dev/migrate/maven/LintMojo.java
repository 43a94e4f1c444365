package dev.migrate.maven;

import dev.migrate.Migrate;
import dev.migrate.lint.LintResult;
import dev.migrate.lint.Severity;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Names the hazards of revisions, hand-written ones included (Atlas's {@code migrate lint},
 * squawk): data loss, table rewrites, locks that block reads or writes (with the PostgreSQL lock
 * level), scans under a lock, changes that break the running application; each with its rule id and
 * its safe form. Only tables that exist before a revision count. Raw SQL ({@code op.execute}) is
 * read statement by statement where its shape is known and otherwise reported as {@code
 * unchecked-sql}. Fails when a finding reaches {@code -Dmigrate.lintFailOn} (default {@code
 * error}); a revision accepts a rule with {@code @AcceptedHazards({"rule-id"})}. Needs no database.
 *
 * <pre>mvn migrate:lint                                      # every revision<br>
 * mvn migrate:lint -Dmigrate.revision=3f2a9c1d7b04:head  # a range, as history reads it<br>
 * mvn migrate:lint -Dmigrate.lintFailOn=warning<br></pre>
 *
 * <p>Compiles first (the revisions are compiled classes).
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class LintMojo extends AbstractMigrateMojo {

  /**
   * The revisions to lint, {@code from:to} (either side a revision, a branch label or empty for
   * base or the heads); default every revision.
   */
  @Parameter(property = "migrate.revision")
  private String revision;

  /**
   * {@code error} (the default), {@code warning} or {@code none}: the level that fails the goal.
   */
  @Parameter(property = "migrate.lintFailOn", defaultValue = "error")
  private String lintFailOn;

  @Override
  protected void run(ClassLoader projectClasses) throws MojoFailureException {
    Severity failOn = Severity.failOn(lintFailOn);
    Migrate migrate = chain(projectClasses, DatabaseUse.IF_CONFIGURED);
    LintResult result = migrate.lint(revision);
    String report = result.report(failOn);
    if (result.failed(failOn)) {
      throw new MojoFailureException(report);
    }
    report.lines().forEach(this::answer);
  }
}
