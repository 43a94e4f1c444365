package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  @Test
  void libpqUrlBecomesJdbcWithCredentialsTakenOut() {
    ConnectionSettings s =
        ConnectionSettings.parse("postgresql://app:s%40cr%3At@db.local:6543/shop?sslmode=require");
    assertThat(s)
        .isEqualTo(
            new ConnectionSettings(
                "jdbc:postgresql://db.local:6543/shop?sslmode=require", "app", "s@cr:t"));
    assertThat(ConnectionSettings.parse("postgres://localhost/app").url())
        .isEqualTo("jdbc:postgresql://localhost/app");
  }

  @Test
  void propertiesBeatEnvironmentBeatsUrlCredentialsBeatConfiguration() {
    Map<String, String> env =
        Map.of("DATABASE_URL", "postgresql://envuser:envpw@h/db", "MIGRATE_USER", "migrator");
    ConnectionSettings s =
        ConnectionSettings.resolve(Map.of(), env, "jdbc:postgresql://cfg/db", "cfguser", "cfgpw");
    assertThat(s).isEqualTo(new ConnectionSettings("jdbc:postgresql://h/db", "migrator", "envpw"));

    ConnectionSettings d =
        ConnectionSettings.resolve(
            Map.of("migrate.url", "jdbc:postgresql://cli/db", "migrate.password", "clipw"),
            env,
            null,
            "cfguser",
            null);
    assertThat(d)
        .isEqualTo(new ConnectionSettings("jdbc:postgresql://cli/db", "migrator", "clipw"));

    ConnectionSettings c =
        ConnectionSettings.resolve(Map.of(), Map.of(), "jdbc:postgresql://cfg/db", "u", "p");
    assertThat(c).isEqualTo(new ConnectionSettings("jdbc:postgresql://cfg/db", "u", "p"));
  }

  @Test
  void migrateUrlBeatsDatabaseUrl() {
    ConnectionSettings s =
        ConnectionSettings.resolve(
            Map.of(),
            Map.of("DATABASE_URL", "postgresql://a/one", "MIGRATE_URL", "jdbc:postgresql://b/two"),
            null,
            null,
            null);
    assertThat(s.url()).isEqualTo("jdbc:postgresql://b/two");
  }

  @Test
  void noUrlAnywhereSaysHowToConfigureOne() {
    assertThatThrownBy(() -> ConnectionSettings.resolve(Map.of(), Map.of(), null, null, null))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("No database configured")
        .hasMessageContaining("DATABASE_URL=postgresql://")
        .hasMessageContaining("-Dmigrate.url=");
  }

  @Test
  void neverShowsThePassword() {
    ConnectionSettings s =
        new ConnectionSettings(
            "jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true", "a", "hunter2");
    assertThat(s.toString()).doesNotContain("hunter2").contains("password=***");
    assertThatThrownBy(() -> ConnectionSettings.parse("mysql://a:hunter2@h/db"))
        .hasMessageNotContaining("hunter2");
  }
}
