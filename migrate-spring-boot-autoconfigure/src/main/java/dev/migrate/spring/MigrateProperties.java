package dev.migrate.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of {@link MigrateAutoConfiguration}, under the prefix {@code migrate} (as Spring
 * Boot reads Flyway's under {@code spring.flyway}), for example in {@code application.properties}:
 *
 * <pre>
 * migrate.target=head
 * migrate.schemas=public
 * migrate.check-on-start=true
 * </pre>
 */
@ConfigurationProperties("migrate")
public class MigrateProperties {

  /** Whether to upgrade the database at start-up; {@code false} leaves it untouched. */
  private boolean enabled = true;

  /**
   * The revision to upgrade to: {@code head} (default), a full or partial revision id, {@code
   * <label>@head}, {@code +N}; see the README's "Targets".
   */
  private String target = "head";

  /**
   * The schemas to upgrade, as {@code -Dmigrate.schema} takes them: one name (default {@code
   * public}), a list ({@code dev,prod}) or a pattern ({@code tenant_*}) that runs the chain in each
   * matching schema; with schema groups in the model, the groups to upgrade (default all).
   */
  private String schemas;

  /**
   * The package of the migration classes, for example {@code com.acme.db.migrations}, as the Maven
   * plugin's {@code <migrationsPackage>}: only {@code @Revision} classes in it or its sub-packages
   * run, and schema groups take theirs from {@code <package>.<alias>}. Default: none, every
   * migration class listed on the class path (by the model processor's revisions index) runs; a
   * model with schema groups needs it.
   */
  private String migrationsPackage;

  /**
   * Whether to fail start-up, after the upgrade, when the database and the entity model disagree
   * (the live check: the model compiled into {@code META-INF/migrate/model.json} against the
   * upgraded schema). Default {@code false}.
   */
  private boolean checkOnStart;

  /**
   * How long a statement of a revision waits for a table lock (PostgreSQL's {@code lock_timeout})
   * before the revision is rolled back and tried again; default 5 seconds, as the Maven goals.
   */
  private Duration lockTimeout = Duration.ofSeconds(5);

  /**
   * How long to wait for another instance's migration lock on the same schema (the session advisory
   * lock); default 60 seconds.
   */
  private Duration lockWait = Duration.ofSeconds(60);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getSchemas() {
    return schemas;
  }

  public void setSchemas(String schemas) {
    this.schemas = schemas;
  }

  public String getMigrationsPackage() {
    return migrationsPackage;
  }

  public void setMigrationsPackage(String migrationsPackage) {
    this.migrationsPackage = migrationsPackage;
  }

  public boolean isCheckOnStart() {
    return checkOnStart;
  }

  public void setCheckOnStart(boolean checkOnStart) {
    this.checkOnStart = checkOnStart;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public Duration getLockWait() {
    return lockWait;
  }

  public void setLockWait(Duration lockWait) {
    this.lockWait = lockWait;
  }
}
