package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The next step of a message in an application's words (facade calls) and in Maven's (goals). */
class ApplicationAdviceTest {

  @Revision(id = "aaaaaaaaaaa1", message = "first")
  public static class First implements Migration {
    @Override
    public void upgrade(Operations op) {}

    @Override
    public void downgrade(Operations op) {}
  }

  @Test
  void goalsBecomeFacadeCalls() {
    assertThat(
            ApplicationAdvice.rewrite(
                "Revision 'zz' not found. Run `mvn migrate:history` to list the revisions."))
        .isEqualTo("Revision 'zz' not found. Run `Migrate#history()` to list the revisions.");
    assertThat(
            ApplicationAdvice.rewrite(
                "... or, if the schema is at another revision, run `mvn migrate:stamp"
                    + " -Dmigrate.revision=<rev> -Dmigrate.purge`."))
        .isEqualTo(
            "... or, if the schema is at another revision, run"
                + " `Migrate#stamp(\"<rev>\", StampMode.PURGE)`.");
    assertThat(
            ApplicationAdvice.rewrite(
                "Use `mvn migrate:downgrade -Dmigrate.revision=abc` to go back."))
        .isEqualTo("Use `Migrate#downgrade(\"abc\")` to go back.");
    assertThat(
            ApplicationAdvice.rewrite(
                "Multiple heads are present: a, b; run `mvn migrate:merge -Dmessage=...` or target"
                    + " one head (-Dmigrate.revision=<id> or <label>@head, or heads for all)."))
        .isEqualTo(
            "Multiple heads are present: a, b; run"
                + " `Migrate#merge(message, List.of(), sourceRoot, packageName)` or target one"
                + " head (target <id> or <label>@head, or heads for all).");
    assertThat(
            ApplicationAdvice.rewrite(
                "revert it first: mvn migrate:downgrade -Dmigrate.schema=billing"
                    + " -Dmigrate.revision=base"))
        .isEqualTo("revert it first: `Migrate#inSchema(\"billing\").downgrade(\"base\")`");
    assertThat(
            ApplicationAdvice.rewrite(
                "run `mvn migrate:stamp -Dmigrate.revision=<that revision>`; or accept it with"
                    + " `mvn migrate:repair -Dmigrate.revision=c0ffee000002`."))
        .isEqualTo(
            "run `Migrate#stamp(\"<that revision>\", StampMode.KEEP)`; or accept it with"
                + " `Migrate#repair(\"c0ffee000002\")`.");
    assertThat(ApplicationAdvice.rewrite("Name one, for example -Dmigrate.schema=dev."))
        .isEqualTo("Name one, for example Configuration#schema(\"dev\").");
  }

  @Test
  void theFacadeNamesCallsForAnApplicationAndGoalsForMaven() {
    Configuration configuration = Migrate.configure().migrations(List.of(First.class));
    assertThatThrownBy(() -> configuration.load().show("zz"))
        .isExactlyInstanceOf(MigrateException.class)
        .hasMessage("Revision 'zz' not found. Run `Migrate#history()` to list the revisions.");
    assertThatThrownBy(() -> configuration.caller(Caller.MAVEN).load().show("zz"))
        .hasMessage("Revision 'zz' not found. Run `mvn migrate:history` to list the revisions.");
  }
}
