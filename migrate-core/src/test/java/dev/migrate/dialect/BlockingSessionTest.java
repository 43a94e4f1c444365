package dev.migrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a blocking session reads in a message. */
class BlockingSessionTest {

  @Test
  void describesTheSessionOnOneLineWithoutAPassword() {
    BlockingSession session =
        new BlockingSession(
            4711,
            "psql",
            "ops",
            "10.0.0.5",
            "2026-11-21T15:30:12Z",
            "idle in transaction",
            "2026-11-21T15:30:14Z",
            "ALTER ROLE app\n  PASSWORD 'it''s secret'",
            List.of("AccessExclusiveLock on customer"));
    assertThat(session.describe())
        .isEqualTo(
            "pid 4711 (application_name 'psql', user ops, client 10.0.0.5, started"
                + " 2026-11-21T15:30:12Z, state 'idle in transaction' since 2026-11-21T15:30:14Z,"
                + " query 'ALTER ROLE app PASSWORD '***''; holds AccessExclusiveLock on customer)");
  }

  @Test
  void longQueriesAreCutAndNoSessionIsSaidSo() {
    BlockingSession session =
        new BlockingSession(1, "", null, null, null, null, null, "x".repeat(200), List.of());
    assertThat(session.describe())
        .isEqualTo("pid 1 (application_name '', query '" + "x".repeat(120) + "...')");
    assertThat(BlockingSession.describeAll(List.of()))
        .isEqualTo("none found (the lock was released before it could be looked up)");
  }
}
