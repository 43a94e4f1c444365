package dev.migrate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
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
 * <p>{@link #toString()} and {@link #describe()} never contain the password.
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
   * Parses a JDBC or libpq URL; credentials in a libpq URL move to {@code user}/{@code password}.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the URL is neither
   */
  public static ConnectionSettings parse(String url) {
    String u = url.trim();
    if (u.startsWith("jdbc:")) {
      return new ConnectionSettings(u, null, null);
    }
    if (u.startsWith("postgresql://") || u.startsWith("postgres://")) {
      try {
        URI uri = new URI(u);
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
          int colon = userInfo.indexOf(':');
          user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
          password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
          host = "[" + host + "]";
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path =
            uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new ConnectionSettings(
            "jdbc:postgresql://" + host + port + path + query, user, password);
      } catch (URISyntaxException e) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "The database URL is malformed at index "
                + e.getIndex()
                + ": "
                + e.getReason()
                + ". Expected postgresql://user:password@host:5432/db (percent-encode special"
                + " characters of the password) or jdbc:postgresql://host:5432/db.");
      }
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION,
        "The database URL "
            + mask(u)
            + " is neither a JDBC URL"
            + " (jdbc:postgresql://host:5432/db) nor a libpq URL (postgresql://user:password@host:5432/db).");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
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
   * {@code url} with the value of any {@code password=} parameter and any {@code user:password@}
   * replaced.
   */
  static String mask(String url) {
    return PASSWORD_PARAMETER
        .matcher(url.replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@"))
        .replaceAll("$1***");
  }

  /**
   * The database for messages: {@code jdbc:postgresql://host:5432/db (user app)}, without any
   * password.
   */
  public String describe() {
    return mask(url) + (user == null ? "" : " (user " + user + ")");
  }

  @Override
  public String toString() {
    return describe();
  }
}
