package dev.migrate.it.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code pg_dump --schema-only} output into a canonical list of lines, so that two databases
 * holding the same schema compare equal however their objects were created and named.
 *
 * <p>What it removes or rewrites, in order:
 *
 * <ol>
 *   <li>comment lines ({@code --}), psql meta-commands ({@code \restrict} ...), {@code SET} lines,
 *       {@code SELECT pg_catalog.set_config(...)}, {@code ALTER ... OWNER TO} statements and blank
 *       lines;
 *   <li>whitespace: every run of spaces, tabs and newlines becomes one space, so each statement is
 *       one line;
 *   <li>constraint and index names, replaced by a placeholder derived from the definition, its
 *       kind: {@code <pkey>}, {@code <key>} (unique constraint), {@code <fkey>}, {@code <check>},
 *       {@code <excl>}, {@code <idx>}, {@code <unique idx>}; in {@code ADD CONSTRAINT}, in {@code
 *       CONSTRAINT ... CHECK} inside {@code CREATE TABLE}, in {@code CREATE [UNIQUE] INDEX} and in
 *       {@code COMMENT ON CONSTRAINT/INDEX};
 *   <li>the order of the elements inside {@code CREATE TABLE (...)} (columns and inline
 *       constraints): sorted, and then written one per line, indented, so a difference points at
 *       one column. Column order is ignored on purpose: Hibernate orders columns by its {@code
 *       ColumnOrderingStrategy} (key first, then by size), which is a storage detail that neither
 *       its validator nor its migrator checks;
 *   <li>{@code CREATE CAST (character varying AS E) WITH INOUT AS IMPLICIT} and the reverse cast,
 *       where {@code E} is an enum type of the dump: the casts Hibernate creates with a {@code
 *       SqlTypes.NAMED_ENUM} type, which Migrate chooses not to create ({@link UpdateScript}, rule
 *       5, says why);
 *   <li>the order of statements: sorted.
 * </ol>
 *
 * Everything else (types, defaults, not-null, check expressions, comments on tables and columns,
 * sequence options, enum types, identity columns) is compared as pg_dump prints it.
 */
public final class DumpNormalizer {

  private static final Pattern ADD_CONSTRAINT =
      Pattern.compile(
          "^(ALTER TABLE (?:ONLY )?\\S+ ADD CONSTRAINT )(\"(?:[^\"]|\"\")*\"|\\S+)( (.*))$");
  private static final Pattern INLINE_CONSTRAINT =
      Pattern.compile("^CONSTRAINT (\"(?:[^\"]|\"\")*\"|\\S+) (.*)$");
  private static final Pattern CREATE_INDEX =
      Pattern.compile("^CREATE (UNIQUE )?INDEX (\"(?:[^\"]|\"\")*\"|\\S+) (ON .*)$");
  private static final Pattern COMMENT_ON_NAMED =
      Pattern.compile("^COMMENT ON (CONSTRAINT|INDEX) (\"(?:[^\"]|\"\")*\"|\\S+) (.*)$");
  private static final Pattern CREATE_ENUM = Pattern.compile("^CREATE TYPE (\\S+) AS ENUM .*;$");
  private static final Pattern CREATE_CAST =
      Pattern.compile("^CREATE CAST \\((.+) AS (.+)\\) WITH INOUT AS IMPLICIT;$");
  private static final Pattern CREATE_TABLE =
      Pattern.compile("^(CREATE (?:UNLOGGED )?TABLE \\S+) \\((.*)\\);$");

  private DumpNormalizer() {}

  /** The canonical lines of a schema dump (see the class comment). */
  public static List<String> normalize(String dump) {
    List<String> statements = new ArrayList<>();
    List<String> all = statements(dump);
    java.util.Set<String> enums = new java.util.HashSet<>();
    for (String statement : all) {
      Matcher m = CREATE_ENUM.matcher(statement);
      if (m.matches()) {
        enums.add(m.group(1));
      }
    }
    for (String statement : all) {
      if (statement.startsWith("SET ")
          || statement.startsWith("SELECT pg_catalog.set_config(")
          || statement.matches("^ALTER .* OWNER TO .*;$")
          || isEnumVarcharCast(statement, enums)) {
        continue;
      }
      statements.add(canonical(statement));
    }
    statements.sort(null);
    List<String> lines = new ArrayList<>();
    for (String statement : statements) {
      lines.addAll(List.of(statement.split("\n")));
    }
    return lines;
  }

  private static boolean isEnumVarcharCast(String statement, java.util.Set<String> enums) {
    Matcher m = CREATE_CAST.matcher(statement);
    return m.matches()
        && (m.group(1).equals("character varying") && enums.contains(m.group(2))
            || m.group(2).equals("character varying") && enums.contains(m.group(1)));
  }

  /**
   * Splits a dump into statements (each ends with {@code ;} at the end of a line), whitespace
   * collapsed.
   */
  static List<String> statements(String dump) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dump.split("\\R")) {
      String trimmed = line.strip();
      if (current.length() == 0
          && (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("\\"))) {
        continue;
      }
      current.append(' ').append(trimmed);
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().replaceAll("\\s+", " ").strip());
        current.setLength(0);
      }
    }
    if (current.toString().isBlank()) {
      return statements;
    }
    throw new IllegalArgumentException(
        "dump ends inside a statement: " + current.toString().strip());
  }

  private static String canonical(String statement) {
    Matcher m = ADD_CONSTRAINT.matcher(statement);
    if (m.matches()) {
      return m.group(1) + placeholder(m.group(4)) + m.group(3);
    }
    m = CREATE_INDEX.matcher(statement);
    if (m.matches()) {
      return "CREATE "
          + (m.group(1) == null ? "" : m.group(1))
          + "INDEX "
          + (m.group(1) == null ? "<idx>" : "<unique idx>")
          + " "
          + m.group(3);
    }
    m = COMMENT_ON_NAMED.matcher(statement);
    if (m.matches()) {
      return "COMMENT ON " + m.group(1) + " <" + m.group(1).toLowerCase() + "> " + m.group(3);
    }
    m = CREATE_TABLE.matcher(statement);
    if (m.matches()) {
      List<String> elements = new ArrayList<>();
      for (String element : splitTopLevel(m.group(2))) {
        Matcher c = INLINE_CONSTRAINT.matcher(element);
        elements.add(
            c.matches() ? "CONSTRAINT " + placeholder(c.group(2)) + " " + c.group(2) : element);
      }
      elements.sort(null);
      return m.group(1) + " (\n    " + String.join(",\n    ", elements) + "\n);";
    }
    return statement;
  }

  /**
   * The placeholder for a constraint name, from its definition ({@code PRIMARY KEY (id)} gives
   * {@code <pkey>}).
   */
  static String placeholder(String definition) {
    if (definition.startsWith("PRIMARY KEY")) {
      return "<pkey>";
    }
    if (definition.startsWith("UNIQUE")) {
      return "<key>";
    }
    if (definition.startsWith("FOREIGN KEY")) {
      return "<fkey>";
    }
    if (definition.startsWith("CHECK")) {
      return "<check>";
    }
    if (definition.startsWith("EXCLUDE")) {
      return "<excl>";
    }
    return "<constraint>";
  }

  /**
   * Splits at commas outside parentheses and quotes: the elements of a {@code CREATE TABLE} body.
   */
  static List<String> splitTopLevel(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    boolean inIdentifier = false;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && !inIdentifier) {
        inString = !inString;
      } else if (c == '"' && !inString) {
        inIdentifier = !inIdentifier;
      } else if (!inString && !inIdentifier) {
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (c == ',' && depth == 0) {
          parts.add(body.substring(start, i).strip());
          start = i + 1;
        }
      }
    }
    String last = body.substring(start).strip();
    if (!last.isEmpty()) {
      parts.add(last);
    }
    return parts;
  }
}
