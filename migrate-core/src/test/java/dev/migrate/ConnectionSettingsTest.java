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
        .isEqualTo("jdbc:postgresql://localhost:5432/app");
  }

  @Test
  void propertiesBeatEnvironmentBeatsUrlCredentialsBeatConfiguration() {
    Map<String, String> env =
        Map.of("DATABASE_URL", "postgresql://envuser:envpw@h/db", "MIGRATE_USER", "migrator");
    ConnectionSettings s =
        ConnectionSettings.resolve(Map.of(), env, "jdbc:postgresql://cfg/db", "cfguser", "cfgpw");
    assertThat(s)
        .isEqualTo(new ConnectionSettings("jdbc:postgresql://h:5432/db", "migrator", "envpw"));

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
    assertThat(s.toString()).doesNotContain("hunter2").isEqualTo("h:5432/db as a");
    assertThat(ConnectionSettings.mask(s.url())).doesNotContain("hunter2").contains("password=***");
    assertThatThrownBy(() -> ConnectionSettings.parse("mysql://a:hunter2@h/db"))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void hostWithUnderscoreIsKept() {
    ConnectionSettings s = ConnectionSettings.parse("postgresql://app:secret@my_db:5432/shop");
    assertThat(s)
        .isEqualTo(new ConnectionSettings("jdbc:postgresql://my_db:5432/shop", "app", "secret"));
    assertThat(s.describe()).isEqualTo("my_db:5432/shop as app");
  }

  @Test
  void multiHostKeepsEveryHostAndPort() {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "postgresql://app@db1:5432,db2:5433,db3/shop?target_session_attrs=read-write");
    assertThat(s.url())
        .isEqualTo("jdbc:postgresql://db1:5432,db2:5433,db3:5432/shop?targetServerType=primary");
    assertThat(s.describe()).isEqualTo("db1:5432,db2:5433,db3:5432/shop as app");
  }

  @Test
  void ipv6HostInBrackets() {
    ConnectionSettings s = ConnectionSettings.parse("postgres://app@[::1]:6543/shop");
    assertThat(s.url()).isEqualTo("jdbc:postgresql://[::1]:6543/shop");
    assertThat(s.describe()).isEqualTo("[::1]:6543/shop as app");
    assertThat(ConnectionSettings.parse("postgres://[2001:db8::7]/shop").url())
        .isEqualTo("jdbc:postgresql://[2001:db8::7]:5432/shop");
  }

  @Test
  void encodedCharactersAreDecoded() {
    ConnectionSettings s =
        ConnectionSettings.parse("postgresql://us%2Ber:p%40ss%23w%2Fo%3Frd+%25@h/my%20db");
    assertThat(s.user()).isEqualTo("us+er");
    assertThat(s.password()).isEqualTo("p@ss#w/o?rd+%");
    assertThat(s.url()).isEqualTo("jdbc:postgresql://h:5432/my+db");
    assertThat(s.describe()).isEqualTo("h:5432/my db as us+er");
  }

  @Test
  void queryParametersAreTranslatedToPgjdbcNames() {
    ConnectionSettings s =
        ConnectionSettings.parse(
            "postgresql://h/db?sslmode=verify-full&application_name=my%20app&connect_timeout=5"
                + "&user=app&password=pw&currentSchema=sales");
    assertThat(s)
        .isEqualTo(
            new ConnectionSettings(
                "jdbc:postgresql://h:5432/db?sslmode=verify-full&ApplicationName=my+app"
                    + "&connectTimeout=5&currentSchema=sales",
                "app",
                "pw"));
  }

  @Test
  void unencodedCharactersInThePasswordAreErrorsThatMaskIt() {
    assertUnreadable("postgresql://app:p@ss@h:5432/db", "more than one '@'", "%40");
    assertUnreadable("postgresql://app:pa#ss@h:5432/db", "unencoded '#'", "%23");
    assertUnreadable("postgresql://app:pa/ss@h:5432/db", "unencoded '/'", "%2F");
    assertUnreadable("postgresql://app:pa?ss@h:5432/db", "unencoded '?'", "%3F");
    assertUnreadable("postgresql://app:100%@h:5432/db", "the password has a '%'", "%25");
  }

  @Test
  void badPortsHostsAndParametersAreErrorsNamingThePart() {
    assertUnreadable("postgresql://app:pw@h:54x2/db", "the port '54x2' of host 'h'", "1 to 65535");
    assertUnreadable("postgresql://app:pw@h:70000/db", "the port '70000'", "1 to 65535");
    assertUnreadable("postgresql://app:pw@bad!host/db", "the host 'bad!host'", "host name");
    assertUnreadable("postgresql://app:pw@h1,,h2/db", "empty entry", "h1,,h2");
    assertUnreadable("postgresql://app:pw@/db", "names no host", "localhost:5432");
    assertUnreadable("postgresql://app:pw@h:5432", "names no database", "/<database>");
    assertUnreadable("postgresql://app:pw@h/db?sslmdoe=require", "'sslmdoe'", "sslmode");
    assertUnreadable("postgresql://app:pw@h/db?target_session_attrs=rw", "rw", "read-write");
    assertUnreadable("jdbc:postgresql://h:abc/db?password=pw", "pgjdbc cannot parse", "port");
  }

  @Test
  void jdbcUrlsAreDescribedByPgjdbcsReading() {
    assertThat(new ConnectionSettings("jdbc:postgresql://h/db?user=x", null, null).describe())
        .isEqualTo("h:5432/db as x");
    assertThat(new ConnectionSettings("jdbc:postgresql:app", "u", "pw").describe())
        .isEqualTo("localhost:5432/app as u");
  }

  private static void assertUnreadable(String url, String part, String fix) {
    assertThatThrownBy(() -> ConnectionSettings.parse(url))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("cannot be read whole")
        .hasMessageContaining(part)
        .hasMessageContaining(fix)
        .hasMessageNotContaining(":pw@")
        .hasMessageNotContaining(":p@ss")
        .hasMessageNotContaining(":pa#ss")
        .hasMessageNotContaining(":pa/ss")
        .hasMessageNotContaining(":pa?ss")
        .hasMessageNotContaining(":100%")
        .hasMessageNotContaining("=pw")
        .hasMessageNotContaining("localhost/");
  }
}
