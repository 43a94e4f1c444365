package dev.migrate.spring;

import dev.migrate.MigrateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MigrateException} that stopped start-up into Spring Boot's "APPLICATION FAILED TO
 * START" report: the facade's message as the description (for a failed revision: the revision, the
 * statement and the database's error), and what to do next as the action.
 */
public class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
    return new FailureAnalysis(
        "Migrate could not bring the database to the configured target at start-up:\n"
            + cause.getMessage(),
        action(cause),
        cause);
  }

  private static String action(MigrateException cause) {
    return switch (cause.code()) {
      case MIGRATION_FAILED ->
          "Fix the revision named above (or the data it trips over) and start again: that"
              + " revision was rolled back, the revisions before it stay applied. To start without"
              + " migrating, set migrate.enabled=false.";
      case LOCKED ->
          "A session holds a lock the migration needs (the blocking sessions are named above):"
              + " end it or let it finish and start again, or raise migrate.lock-timeout (table"
              + " locks) or migrate.lock-wait (another instance's migration lock).";
      case CONNECTION ->
          "Check that the database named above is reachable with the spring.datasource.* settings.";
      case NOT_AT_HEAD ->
          "Write the missing migration (mvn migrate:autogen -Dmessage=... in the project), or set"
              + " migrate.check-on-start=false.";
      default ->
          "Fix what the message names, or set migrate.enabled=false to start without migrating.";
    };
  }
}
