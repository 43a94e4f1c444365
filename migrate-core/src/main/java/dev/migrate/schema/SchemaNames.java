package dev.migrate.schema;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rule for schema names that Migrate accepts from the user ({@code -Dmigrate.schema}, {@code
 * MIGRATE_SCHEMA}, {@code <schema>}, {@code <schemas>}, {@code @Table(schema)}).
 *
 * <p>A valid name is 1 to 63 bytes of UTF-8 (PostgreSQL's {@code NAMEDATALEN - 1}; a longer name
 * would be truncated silently), made of letters, digits, {@code _}, {@code -} and {@code $},
 * starting with a letter, a digit or {@code _}, not starting with {@code pg_} (reserved for system
 * schemas such as {@code pg_catalog} and {@code pg_toast}, "unacceptable schema name" in
 * PostgreSQL's {@code CREATE SCHEMA}) and not {@code information_schema} (the SQL standard's
 * catalog views, which PostgreSQL creates in every database and which a migration must never
 * change). Such a name is always written through the dialect's quoting, so {@code tenant-1}, {@code
 * Prod} and key words such as {@code user} work; what the rule keeps out (quotes, spaces, dots,
 * semicolons, control characters, the pattern characters {@code *} and {@code ?}, the list
 * separator {@code ,}) never reaches SQL text.
 */
public final class SchemaNames {

  /** Longest identifier PostgreSQL keeps, in bytes. */
  public static final int MAX_BYTES = 63;

  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_$-]*");

  private SchemaNames() {}

  /** Whether {@code name} follows the rule above. */
  public static boolean isValid(String name) {
    return name != null
        && VALID.matcher(name).matches()
        && name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
        && !isSystemSchema(name);
  }

  /**
   * Whether {@code name} is a system schema of PostgreSQL: {@code pg_*} ({@code pg_catalog}, {@code
   * pg_toast}, {@code pg_temp_N}, ...) or {@code information_schema}.
   */
  public static boolean isSystemSchema(String name) {
    return name.startsWith("pg_") || name.equals(INFORMATION_SCHEMA);
  }

  /** The SQL standard's catalog schema. */
  private static final String INFORMATION_SCHEMA = "information_schema";

  /**
   * {@code name}, if it is valid.
   *
   * @param source where the name came from, for messages, for example {@code "-Dmigrate.schema"}
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) naming the schema, the source, the
   *     rule and the fix
   */
  public static String requireValid(String name, String source) {
    if (isValid(name)) {
      return name;
    }
    String why;
    if (name == null || name.isEmpty()) {
      why = "it is empty";
    } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      why = "it is longer than " + MAX_BYTES + " bytes, and PostgreSQL would cut it short";
    } else if (isSystemSchema(name)) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "Schema name '"
              + name
              + "' (from "
              + source
              + ") is not valid: it is a system schema of PostgreSQL or a name reserved for one:"
              + " pg_catalog, pg_toast, information_schema and"
              + " every name starting with pg_ belong to the server, and Migrate never creates or"
              + " changes anything there. Name the application's schema instead, for example public.");
    } else {
      why =
          "only letters, digits, '_', '-' and '$' are allowed, starting with a letter, a digit or '_'";
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION,
        "Schema name '"
            + printable(name)
            + "' (from "
            + source
            + ") is not valid: "
            + why
            + ". Names that need quoting, such as tenant-1, Prod or user, are fine:"
            + " Migrate quotes them.");
  }

  /**
   * {@code name} with control characters shown as {@code \\uXXXX}, so that a message stays on one
   * line.
   */
  private static String printable(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
