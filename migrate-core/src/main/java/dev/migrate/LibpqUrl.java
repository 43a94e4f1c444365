package dev.migrate;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.postgresql.PGProperty;

/**
 * A libpq connection URI ({@code postgresql://user:password@host:5432/db?sslmode=require}, also
 * {@code postgres://}) read whole, or rejected naming the part at fault: never a partial reading
 * that falls back to localhost.
 *
 * <p>The grammar is libpq's (PostgreSQL docs, 34.1.1.2 "Connection URIs"): {@code
 * postgresql://[userspec@][hostspec][/dbname][?paramspec]}, where {@code userspec} is {@code
 * user[:password]}, percent-encoded, and {@code hostspec} is a comma list of {@code host[:port]}
 * ({@code [::1]:5432} for IPv6). Host names may contain {@code _} (docker-compose service names).
 * Query parameters with a libpq name pgjdbc spells differently are renamed ({@code
 * application_name}, {@code connect_timeout}, {@code target_session_attrs}); others must be
 * pgjdbc's own ({@link PGProperty}), so a misspelt parameter is an error rather than ignored.
 */
final class LibpqUrl {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  /** libpq parameter names pgjdbc spells differently (pgjdbc docs, "Connection Parameters"). */
  private static final Map<String, String> RENAMED =
      Map.of(
          "application_name", "ApplicationName",
          "connect_timeout", "connectTimeout",
          "target_session_attrs", "targetServerType");

  /** libpq's {@code target_session_attrs} values as pgjdbc's {@code targetServerType}. */
  private static final Map<String, String> TARGET_SERVER_TYPES =
      Map.of(
          "any", "any",
          "read-write", "primary",
          "primary", "primary",
          "read-only", "secondary",
          "standby", "secondary",
          "prefer-standby", "preferSecondary");

  private LibpqUrl() {}

  /** Whether {@code url} has a libpq scheme. */
  static boolean isLibpq(String url) {
    return url.startsWith("postgresql://") || url.startsWith("postgres://");
  }

  /**
   * The JDBC URL, user and password of a libpq URL.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) naming the part that cannot be read
   *     and showing the URL with its password masked
   */
  static ConnectionSettings toJdbc(String url) {
    String body = url.substring(url.indexOf("://") + 3);
    if (body.indexOf('#') >= 0) {
      throw unreadable(
          url,
          "it contains an unencoded '#', which would end the URL there; write it as %23 (in a"
              + " password: postgresql://user:pa%23ss@host:5432/db)");
    }
    int at = body.lastIndexOf('@');
    if (at >= 0 && body.indexOf('@') != at) {
      throw unreadable(
          url,
          "it contains more than one '@'; an '@' in the user or password must be written as %40");
    }
    String user = null;
    String password = null;
    String rest = body;
    if (at >= 0) {
      String userInfo = body.substring(0, at);
      rest = body.substring(at + 1);
      for (char c : new char[] {'/', '?'}) {
        if (userInfo.indexOf(c) >= 0) {
          throw unreadable(
              url,
              "the user or password contains an unencoded '"
                  + c
                  + "'; write it as "
                  + encodedForm(c));
        }
      }
      int colon = userInfo.indexOf(':');
      user = decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon), "the user");
      password = colon < 0 ? null : decode(url, userInfo.substring(colon + 1), "the password");
      if (user.isEmpty()) {
        user = null;
      }
    }
    int query = rest.indexOf('?');
    String hostAndPath = query < 0 ? rest : rest.substring(0, query);
    int slash = hostAndPath.indexOf('/');
    String hostSpec = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String database =
        slash < 0 ? "" : decode(url, hostAndPath.substring(slash + 1), "the database name");
    if (database.isEmpty()) {
      throw unreadable(
          url, "it names no database; end it with /<database>, for example host:5432/app");
    }
    List<String> hosts = hosts(url, hostSpec);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query >= 0 && query < rest.length() - 1) {
      for (String pair : rest.substring(query + 1).split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = decode(url, eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
        String value = eq < 0 ? "" : decode(url, pair.substring(eq + 1), "parameter " + name);
        switch (name) {
          case "user" -> user = value;
          case "password" -> password = value;
          default -> parameters.put(name, value);
        }
      }
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
    jdbc.append(String.join(",", hosts)).append('/').append(encode(database));
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = jdbcName(url, parameter.getKey());
      String value = parameter.getValue();
      if (name.equals("targetServerType")) {
        value = TARGET_SERVER_TYPES.get(value);
        if (value == null) {
          throw unreadable(
              url,
              "target_session_attrs="
                  + parameter.getValue()
                  + " is not one of "
                  + String.join(", ", TARGET_SERVER_TYPES.keySet()));
        }
      }
      jdbc.append(separator).append(name).append('=').append(encode(value));
      separator = '&';
    }
    return new ConnectionSettings(jdbc.toString(), user, password);
  }

  /** Each {@code host:port} of the host list, the port defaulting to 5432. */
  private static List<String> hosts(String url, String hostSpec) {
    if (hostSpec.isEmpty()) {
      throw unreadable(
          url,
          "it names no host (a libpq URL without one means a local socket, which pgjdbc cannot"
              + " use); write the host, for example postgresql://user@localhost:5432/db");
    }
    List<String> hosts = new ArrayList<>();
    for (String entry : hostSpec.split(",", -1)) {
      String host = entry;
      String port = "5432";
      int colon =
          entry.startsWith("[") ? entry.indexOf(':', entry.indexOf(']')) : entry.indexOf(':');
      if (colon >= 0) {
        host = entry.substring(0, colon);
        port = entry.substring(colon + 1);
        if (!PORT.matcher(port).matches()
            || Integer.parseInt(port) < 1
            || Integer.parseInt(port) > 65535) {
          throw unreadable(
              url,
              "the port '" + port + "' of host '" + host + "' is not a number from 1 to 65535");
        }
      }
      if (!HOST.matcher(host).matches()) {
        throw unreadable(
            url,
            host.isEmpty()
                ? "the host list '" + hostSpec + "' has an empty entry"
                : "the host '"
                    + host
                    + "' is not a host name (letters, digits, '.', '-', '_') nor an IPv6 address in"
                    + " brackets ([::1])");
      }
      hosts.add(host + ":" + port);
    }
    return hosts;
  }

  /**
   * pgjdbc's name of a libpq query parameter.
   *
   * @throws MigrateException when pgjdbc knows neither the name nor a rename of it
   */
  private static String jdbcName(String url, String name) {
    String renamed = RENAMED.getOrDefault(name, name);
    if (PGProperty.forName(renamed) == null) {
      throw unreadable(
          url,
          "the parameter '"
              + name
              + "' is neither a libpq parameter Migrate translates (sslmode, sslcert, sslkey,"
              + " sslrootcert, sslpassword, application_name, connect_timeout, options,"
              + " target_session_attrs, user, password) nor a pgjdbc connection property");
    }
    return renamed;
  }

  private static String decode(String url, String part, String what) {
    try {
      // '+' is a plus sign in a URI's authority and path, not a space
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unreadable(
          url, what + " has a '%' that does not start a %XX escape; write a literal '%' as %25");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String encodedForm(char c) {
    return "%" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
  }

  static MigrateException unreadable(String url, String why) {
    return new MigrateException(
        ErrorCode.CONFIGURATION,
        "The database URL "
            + ConnectionSettings.mask(url)
            + " cannot be read whole: "
            + why
            + ". Expected postgresql://user:password@host:5432/database?sslmode=require (user and"
            + " password percent-encoded) or jdbc:postgresql://host:5432/database.");
  }
}
