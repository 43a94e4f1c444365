package dev.migrate.schema;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code -Dmigrate.schema} (or {@code MIGRATE_SCHEMA}) selects: a comma-separated list of
 * names and patterns, as the user typed it, for example {@code dev}, {@code user,message} or {@code
 * tenant_*}.
 *
 * <p>A pattern holds {@code *} (any run of characters, also none) or {@code ?} (exactly one
 * character) and is matched against the schemas that exist; everything else in a name must follow
 * {@link SchemaNames}. Items are trimmed, empty items are ignored, and duplicates keep their first
 * place.
 *
 * @param items the names and patterns in the order given, without duplicates; never empty
 */
public record SchemaSelection(List<String> items) {

  public SchemaSelection {
    items = List.copyOf(new LinkedHashSet<>(items));
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a schema selection needs at least one name or pattern");
    }
  }

  /**
   * Parses {@code -Dmigrate.schema}.
   *
   * @param source where the text came from, for messages ({@code "-Dmigrate.schema"})
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the text holds no name, or a name
   *     (without the pattern characters) that is not valid
   */
  public static SchemaSelection parse(String text, String source) {
    List<String> items = new ArrayList<>();
    for (String part : (text == null ? "" : text).split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      SchemaNames.requireValid(
          isPattern(item) ? item.replace("*", "x").replace("?", "x") : item, source);
      items.add(item);
    }
    if (items.isEmpty()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          source
              + " is empty: name a schema, for example "
              + source
              + "=dev, "
              + source
              + "=user,message or "
              + source
              + "=tenant_*");
    }
    return new SchemaSelection(items);
  }

  /**
   * What the user selected, from the places a selection may come from, highest first: the {@code
   * schema} property ({@code -Dmigrate.schema}), the environment variable {@code MIGRATE_SCHEMA},
   * the plugin's {@code <schema>}. Blank values count as not given.
   *
   * @param properties the {@code -D} properties of the invocation
   * @param environment the process environment
   * @param configured the plugin configuration's {@code <schema>}, possibly {@code null}
   * @return the selection, empty when none is given anywhere
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if a name in the chosen text is not
   *     valid
   */
  public static Optional<SchemaSelection> fromSettings(
      Map<String, String> properties, Map<String, String> environment, String configured) {
    String fromProperty = properties.get("migrate.schema");
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(parse(fromProperty, "-Dmigrate.schema"));
    }
    String fromEnvironment = environment.get("MIGRATE_SCHEMA");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(parse(fromEnvironment, "MIGRATE_SCHEMA"));
    }
    if (configured != null && !configured.isBlank()) {
      return Optional.of(parse(configured, "<schema>"));
    }
    return Optional.empty();
  }

  /** Whether {@code item} is a pattern rather than a name. */
  public static boolean isPattern(String item) {
    return item.indexOf('*') >= 0 || item.indexOf('?') >= 0;
  }

  /**
   * Whether this selection names exactly one schema, without patterns: the single-schema case of
   * every goal.
   */
  public boolean isSingle() {
    return items.size() == 1 && !isPattern(items.get(0));
  }

  /** Whether any item is a pattern. */
  public boolean hasPattern() {
    return items.stream().anyMatch(SchemaSelection::isPattern);
  }

  /**
   * The schemas this selection names, in its order: a name as it is (it need not exist yet: upgrade
   * creates it), a pattern as the {@code existing} schemas it matches, sorted. System schemas
   * ({@code pg_*}, {@code information_schema}) never match a pattern.
   *
   * @param existing the schemas of the database
   * @param database the database, for messages
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if a pattern matches no schema,
   *     listing the schemas that exist
   */
  public List<String> resolve(Collection<String> existing, String database) {
    List<String> candidates =
        existing.stream()
            .filter(s -> !s.startsWith("pg_") && !s.equals("information_schema"))
            .sorted()
            .toList();
    Set<String> schemas = new LinkedHashSet<>();
    for (String item : items) {
      if (!isPattern(item)) {
        schemas.add(item);
        continue;
      }
      Pattern pattern = toRegex(item);
      List<String> matches = candidates.stream().filter(s -> pattern.matcher(s).matches()).toList();
      if (matches.isEmpty()) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "-Dmigrate.schema pattern '"
                + item
                + "' matches no schema of "
                + database
                + ". Existing schemas: "
                + (candidates.isEmpty() ? "none" : String.join(", ", candidates))
                + ". Create the schemas first, or name them one by one (a named schema is created on upgrade).");
      }
      schemas.addAll(matches);
    }
    return List.copyOf(schemas);
  }

  /** {@code tenant_*} as the regular expression {@code \Qtenant_\E.*}. */
  static Pattern toRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return String.join(",", items);
  }
}
