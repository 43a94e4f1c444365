package dev.migrate;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the database is: a JDBC URL, a user and a password, resolved from the places a user may
 * have put them.
 *
 * <p>Precedence, highest first (DESIGN.md §1.1): {@code -D} properties ({@code migrate.url}, {@code
 * migrate.user}, {@code migrate.password}); the environment ({@code MIGRATE_URL}, then {@code
 * DATABASE_URL}; {@code MIGRATE_USER}, {@code MIGRATE_PASSWORD}); the user and password written
 * into the chosen URL; the plugin configuration. A URL may be JDBC ({@code
 * jdbc:postgresql://host:5432/db?sslmode=require}) or libpq ({@code
 * postgresql://user:password@host:5432/db?sslmode=require}, also {@code postgres://}), as Heroku,
 * Render and docker-compose set {@code DATABASE_URL}.
 *
 * <p>A URL that cannot be read whole is an error naming the part at fault, never a fallback to
 * another host ({@link #parse}). {@link #toString()} and {@link #describe()} never contain the
 * password.
 *
 * @param url the JDBC URL, without credentials taken from a libpq URL
 * @param user the user, or {@code null} to let the driver decide
 * @param password the password, or {@code null}
 */
public record ConnectionSettings(String url, String user, String password) {

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");

  public ConnectionSettings {
    Objects.requireNonNull(url, "url");
  }

  /**
   * Resolves the settings.
   *
   * @param properties the {@code -D} properties of the invocation (Maven's user properties)
   * @param environment the process environment
   * @param configured the plugin configuration's url, user and password, each possibly {@code null}
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if no URL is set anywhere, saying
   *     how to set one, or if a URL is malformed
   */
  public static ConnectionSettings resolve(
      Map<String, String> properties,
      Map<String, String> environment,
      String configuredUrl,
      String configuredUser,
      String configuredPassword) {
    String rawUrl =
        first(
            properties.get("migrate.url"),
            environment.get("MIGRATE_URL"),
            environment.get("DATABASE_URL"),
            configuredUrl);
    if (rawUrl == null) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "No database configured. Set one of:\n"
              + "  - the environment variable DATABASE_URL=postgresql://user:password@localhost:5432/mydb\n"
              + "  - -Dmigrate.url=jdbc:postgresql://localhost:5432/mydb -Dmigrate.user=... -Dmigrate.password=...\n"
              + "  - <url>, <user>, <password> in the configuration of migrate-maven-plugin");
    }
    ConnectionSettings fromUrl = parse(rawUrl);
    return new ConnectionSettings(
        fromUrl.url(),
        first(
            properties.get("migrate.user"),
            environment.get("MIGRATE_USER"),
            fromUrl.user(),
            configuredUser),
        first(
            properties.get("migrate.password"),
            environment.get("MIGRATE_PASSWORD"),
            fromUrl.password(),
            configuredPassword));
  }

  /**
   * Reads a JDBC or libpq URL whole; credentials in a libpq URL move to {@code user}/{@code
   * password}. A libpq URL becomes a {@code jdbc:postgresql://} URL with every host and its port
   * (see {@link LibpqUrl}); a {@code jdbc:postgresql:} URL must be one pgjdbc reads ({@code
   * org.postgresql.Driver.parseURL}); other {@code jdbc:} URLs are taken as they are.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) naming the part that cannot be read
   *     (an unencoded {@code @}, {@code #}, {@code /} or {@code ?} in the password, a port that is
   *     not a number, a host that is not a host name, an unknown parameter, a missing database),
   *     showing the URL with its password masked
   */
  public static ConnectionSettings parse(String url) {
    String u = url.trim();
    if (LibpqUrl.isLibpq(u)) {
      ConnectionSettings settings = LibpqUrl.toJdbc(u);
      requireReadable(settings.url(), u);
      return settings;
    }
    if (u.startsWith("jdbc:")) {
      if (u.startsWith(JDBC_POSTGRESQL)) {
        requireReadable(u, u);
      }
      return new ConnectionSettings(u, null, null);
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION,
        "The database URL "
            + mask(u)
            + " is neither a JDBC URL"
            + " (jdbc:postgresql://host:5432/db) nor a libpq URL (postgresql://user:password@host:5432/db).");
  }

  private static final String JDBC_POSTGRESQL = "jdbc:postgresql:";

  /** pgjdbc's reading of {@code jdbc}; throws naming {@code given} when it has none. */
  private static Properties requireReadable(String jdbc, String given) {
    Properties properties = org.postgresql.Driver.parseURL(jdbc, null);
    if (properties == null) {
      throw LibpqUrl.unreadable(
          given,
          "pgjdbc cannot parse it (org.postgresql.Driver.parseURL); check that each port is a"
              + " number from 1 to 65535 and that the host list is host:port,host:port");
    }
    return properties;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /**
   * {@code url} with the value of any {@code password=} parameter and the password of any {@code
   * user:password@} replaced by {@code ***}; also for a URL that cannot be read (the password is
   * taken to run from the first {@code :} after {@code //} to the last {@code @}).
   */
  static String mask(String url) {
    String masked = url;
    int start = url.indexOf("//");
    int at = url.lastIndexOf('@');
    if (start >= 0 && at > start) {
      int colon = url.indexOf(':', start + 2);
      if (colon >= 0 && colon < at) {
        masked = url.substring(0, colon + 1) + "***" + url.substring(at);
      }
    }
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
  }

  /**
   * Where the URL points, for the line every goal prints: {@code host:port/database}, every host of
   * a multi-host URL ({@code h1:5432,h2:5433/app}); the masked URL when it is not a pgjdbc URL.
   */
  public String target() {
    if (!url.startsWith(JDBC_POSTGRESQL)) {
      return mask(url);
    }
    Properties properties = requireReadable(url, url);
    String[] hosts = properties.getProperty("PGHOST", "").split(",");
    String[] ports = properties.getProperty("PGPORT", "").split(",");
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < hosts.length; i++) {
      target.append(i == 0 ? "" : ",").append(hosts[i]);
      if (i < ports.length && !ports[i].isEmpty()) {
        target.append(':').append(ports[i]);
      }
    }
    return target.append('/').append(properties.getProperty("PGDBNAME", "")).toString();
  }

  /**
   * The database for messages: {@code host:5432/db as app}, without any password; the user is the
   * one set here or in the URL's {@code user=} parameter, left out when neither says.
   */
  public String describe() {
    String who = user;
    if (who == null && url.startsWith(JDBC_POSTGRESQL)) {
      who = requireReadable(url, url).getProperty("user");
    }
    return target() + (who == null ? "" : " as " + who);
  }

  @Override
  public String toString() {
    return describe();
  }
}
