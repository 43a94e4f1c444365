package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as users type them: PostgreSQL's units, no bare numbers. */
class DurationSettingTest {

  @Test
  void readsPostgresUnits() {
    assertThat(DurationSetting.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationSetting.parse(" 5s ", "x")).isEqualTo(Duration.ofSeconds(5));
    assertThat(DurationSetting.parse("2min", "x")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationSetting.parse("1h", "x")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationSetting.parse("0", "x")).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesABareNumberAndOtherForms() {
    assertThatThrownBy(() -> DurationSetting.parse("60", "-Dmigrate.lockTimeout"))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "-Dmigrate.lockTimeout=60 has no unit: write a whole number and a unit, ms, s, min or"
                + " h, for example 60s or 60ms.");
    assertThatThrownBy(() -> DurationSetting.parse("5 seconds", "-Dmigrate.lockWait"))
        .hasMessage(
            "-Dmigrate.lockWait=5 seconds is not a duration: write a whole number and a unit, ms,"
                + " s, min or h, for example 500ms, 5s or 2min.");
  }
}
