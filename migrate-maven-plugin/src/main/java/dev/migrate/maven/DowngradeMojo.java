package dev.migrate.maven;

import dev.migrate.Migrate.DowngradeMode;
import dev.migrate.Results;
import dev.migrate.Schemas;
import dev.migrate.runner.RunResult;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reverts revisions down to a target, each in its own transaction; with {@code -Dmigrate.sql},
 * prints the SQL script instead, which needs both ends ({@code -Dmigrate.revision=from:to}) as in
 * Alembic.
 *
 * <pre>mvn migrate:downgrade                        # one step back<br>
 * mvn migrate:downgrade -Dmigrate.revision=base     # everything<br>
 * mvn migrate:downgrade -Dmigrate.schema=user       # one step back in schema group user<br>
 * mvn migrate:downgrade -Dmigrate.schema=tenant_*   # one step back in every matching schema, in parallel<br>
 * mvn migrate:downgrade -Dmigrate.revision=shop@-1  # one step back on the branch labelled shop<br>
 * mvn -q migrate:downgrade -Dmigrate.sql -Dmigrate.revision=head:-1<br>
 * mvn migrate:downgrade -Dmigrate.force=true       # also when it drops columns or tables holding values<br>
 * </pre>
 *
 * <p>Before anything runs, each column and table the downgrade drops is counted, and the goal
 * refuses, naming each one and the rows holding values in it, unless {@code -Dmigrate.force=true}.
 * It refuses in interactive and batch ({@code -B}) runs alike: a goal does not prompt. Applied
 * revisions edited since are refused as {@code upgrade} refuses them.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "migrate")
public class DowngradeMojo extends AbstractRunMojo {

  /**
   * The target, which stays applied: {@code -N}, {@code base}, {@code <label>@-N}, {@code <rev>-N},
   * or a full or unambiguous partial revision id. With {@code -Dmigrate.sql}: {@code from:to}.
   */
  @Parameter(property = "migrate.revision", defaultValue = "-1")
  private String revision;

  /**
   * Drops columns and tables even when they hold values ({@code -Dmigrate.force=true}); each is
   * logged with its row count. Without it the goal refuses and runs nothing.
   */
  @Parameter(property = "migrate.force", defaultValue = "false")
  private boolean force;

  @Override
  protected String direction() {
    return "downgrade";
  }

  @Override
  protected String revision() {
    return revision;
  }

  @Override
  protected DatabaseUse scriptDatabase() {
    return DatabaseUse.IF_CONFIGURED;
  }

  @Override
  protected Results<RunResult> run(Schemas schemas, String revision) {
    return schemas.downgrade(
        revision, force ? DowngradeMode.DROP_VALUES : DowngradeMode.KEEP_VALUES);
  }

  @Override
  protected String script(Schemas schemas, String revision) {
    return schemas.downgradeSql(revision);
  }
}
