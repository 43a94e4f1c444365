package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hazards of raw SQL ({@code op.execute("...")}), read statement by statement with the shapes
 * below; a statement of another shape is reported as {@link Rule#UNCHECKED_SQL}. Not a parser: it
 * recognises the common single statements whose hazards the op rules name.
 *
 * <ul>
 *   <li>{@code CREATE [UNIQUE] INDEX} without {@code CONCURRENTLY} → {@link
 *       Rule#REQUIRE_CONCURRENT_INDEX_CREATION}; {@code DROP INDEX} without it → {@link
 *       Rule#REQUIRE_CONCURRENT_INDEX_DELETION};
 *   <li>{@code ALTER TABLE t ...} clauses: {@code ADD [CONSTRAINT n] FOREIGN KEY} / {@code
 *       REFERENCES} without {@code NOT VALID}, {@code ADD ... CHECK} without {@code NOT VALID},
 *       {@code ADD ... UNIQUE} / {@code PRIMARY KEY} (not {@code USING INDEX}), {@code ALTER
 *       [COLUMN] c SET NOT NULL}, {@code ALTER [COLUMN] c [SET DATA] TYPE} (taken as a rewrite),
 *       {@code DROP [COLUMN] c}, {@code RENAME [COLUMN] a TO b}, {@code RENAME TO b};
 *   <li>{@code DROP TABLE}; {@code CREATE TABLE} (the table counts as new for later statements);
 *   <li>no hazard: {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code SELECT}, {@code COMMENT},
 *       {@code GRANT}, {@code REVOKE}, {@code CREATE}/{@code DROP} of views, functions, sequences,
 *       types, extensions, triggers, and {@code ALTER TABLE ... VALIDATE CONSTRAINT}, {@code ADD
 *       COLUMN} (checked like the op only for {@code NOT NULL} without default), {@code SET/DROP
 *       DEFAULT}, {@code DROP NOT NULL}, {@code DROP CONSTRAINT}.
 * </ul>
 *
 * A data statement ({@code UPDATE} of every row) holds row locks, not table locks; batch it.
 */
final class SqlHazards {

  private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";

  private static final Pattern CREATE_INDEX =
      Pattern.compile(
          "^create (unique )?index (concurrently )?(if not exists )?(?:"
              + NAME
              + " )?on (only )?"
              + NAME);
  private static final Pattern DROP_INDEX =
      Pattern.compile("^drop index (concurrently )?(if exists )?" + NAME);
  private static final Pattern ALTER_TABLE =
      Pattern.compile("^alter table (if exists )?(only )?" + NAME + " (.*)$");
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "^create (?:(?:global |local )?(?:temporary |temp |unlogged ))?table (if not exists )?"
              + NAME);
  private static final Pattern DROP_TABLE =
      Pattern.compile("^drop table (if exists )?(.+?)( cascade| restrict)?$");
  private static final Pattern HARMLESS =
      Pattern.compile(
          "^(insert|update|delete|select|with|comment|grant|revoke|analyze|vacuum|set|reset"
              + "|create (or replace )?(view|function|procedure|sequence|type|extension|trigger"
              + "|schema|domain|rule|materialized view)"
              + "|drop (view|function|procedure|sequence|type|extension|trigger|schema|domain"
              + "|materialized view)"
              + "|alter (sequence|type|function|view|schema|extension|domain|index \\S+ rename)"
              + "|refresh materialized view concurrently)\\b");

  private SqlHazards() {}

  /**
   * The findings of {@code sql}, statement by statement; tables it creates join {@code created}.
   */
  static List<Finding> findings(String sql, NewTables created) {
    List<Finding> findings = new ArrayList<>();
    for (String statement : statements(sql)) {
      findings.addAll(statement(statement, created));
    }
    return findings;
  }

  private static List<Finding> statement(String original, NewTables created) {
    String s = normalized(original);
    Matcher m;
    if ((m = CREATE_INDEX.matcher(s)).find()) {
      String table = unquote(m.group(6));
      if (m.group(2) != null || !created.existing(null, table)) {
        return List.of();
      }
      String name = m.group(4) == null ? "" : unquote(m.group(4)) + " ";
      return List.of(
          Finding.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "index " + name + "on " + table));
    }
    if ((m = DROP_INDEX.matcher(s)).find()) {
      return m.group(1) != null
          ? List.of()
          : List.of(
              Finding.of(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, "index " + unquote(m.group(3))));
    }
    if ((m = CREATE_TABLE.matcher(s)).find()) {
      created.created(null, unquote(m.group(2)));
      return List.of();
    }
    if ((m = DROP_TABLE.matcher(s)).find()) {
      List<Finding> findings = new ArrayList<>();
      for (String table : m.group(2).split("\\s*,\\s*")) {
        String name = unquote(table);
        if (created.existing(null, name)) {
          findings.add(Finding.of(Rule.BAN_DROP_TABLE, name));
        }
        created.dropped(null, name);
      }
      return findings;
    }
    if ((m = ALTER_TABLE.matcher(s)).find()) {
      String table = unquote(m.group(3));
      return alterTable(table, m.group(4), created, excerpt(original));
    }
    if (HARMLESS.matcher(s).find()) {
      return List.of();
    }
    return List.of(Finding.of(Rule.UNCHECKED_SQL, excerpt(original)));
  }

  private static final Pattern RENAME_TABLE = Pattern.compile("^rename to " + NAME + "$");
  private static final Pattern RENAME_COLUMN =
      Pattern.compile("^rename (column )?" + NAME + " to " + NAME + "$");

  /** The clauses of {@code ALTER TABLE table}, split at top-level commas. */
  private static List<Finding> alterTable(
      String table, String clauses, NewTables created, String statement) {
    Matcher rename = RENAME_TABLE.matcher(clauses);
    if (rename.find()) {
      boolean existing = created.existing(null, table);
      created.renamed(null, table, unquote(rename.group(1)));
      return existing
          ? List.of(
              Finding.of(Rule.RENAMING_TABLE, table + " (to " + unquote(rename.group(1)) + ")"))
          : List.of();
    }
    if (!created.existing(null, table)) {
      return List.of();
    }
    Matcher column = RENAME_COLUMN.matcher(clauses);
    if (column.find()) {
      return List.of(
          Finding.of(
              Rule.RENAMING_COLUMN,
              table + "." + unquote(column.group(2)) + " (to " + unquote(column.group(3)) + ")"));
    }
    List<Finding> findings = new ArrayList<>();
    for (String clause : split(clauses, ',')) {
      Finding finding = clause(table, clause.strip(), statement);
      if (finding != null) {
        findings.add(finding);
      }
    }
    return findings;
  }

  private static final Pattern ALTER_COLUMN =
      Pattern.compile("^alter (column )?" + NAME + " (.*)$");
  private static final Pattern DROP_COLUMN =
      Pattern.compile("^drop (column )?(if exists )?" + NAME);
  private static final Pattern ADD_COLUMN =
      Pattern.compile("^add (column )?(if not exists )?" + NAME + " (.*)$");

  /** The finding of one clause of {@code ALTER TABLE}, or {@code null}. */
  private static Finding clause(String table, String c, String statement) {
    boolean notValid = c.endsWith(" not valid");
    if (c.startsWith("add ") && (c.contains(" foreign key ") || c.contains(" references "))) {
      return notValid ? null : Finding.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, table);
    }
    if (c.startsWith("add ") && c.matches("^add (constraint \\S+ )?check\\b.*")) {
      return notValid ? null : Finding.of(Rule.ADDING_CHECK_CONSTRAINT, table);
    }
    if (c.matches("^add (constraint \\S+ )?(unique|primary key)\\b.*")
        && !c.contains(" using index ")) {
      return Finding.of(
          c.contains("primary key")
              ? Rule.ADDING_PRIMARY_KEY_CONSTRAINT
              : Rule.DISALLOWED_UNIQUE_CONSTRAINT,
          table);
    }
    Matcher m;
    if ((m = ALTER_COLUMN.matcher(c)).find()) {
      String column = table + "." + unquote(m.group(2));
      String action = m.group(3);
      if (action.equals("set not null")) {
        return Finding.of(Rule.ADDING_NOT_NULLABLE_FIELD, column);
      }
      if (action.startsWith("type ") || action.startsWith("set data type ")) {
        return Finding.of(Rule.CHANGING_COLUMN_TYPE, column);
      }
      return null; // SET/DROP DEFAULT, DROP NOT NULL, SET STATISTICS, ...: catalog only
    }
    if ((m = DROP_COLUMN.matcher(c)).find() && !c.startsWith("drop constraint")) {
      return Finding.of(Rule.BAN_DROP_COLUMN, table + "." + unquote(m.group(3)));
    }
    if ((m = ADD_COLUMN.matcher(c)).find() && !c.startsWith("add constraint")) {
      String definition = m.group(4);
      String column = table + "." + unquote(m.group(3));
      if (definition.contains(" generated ") && definition.contains(" identity")
          || OpHazards.volatileDefault(definition)) {
        return Finding.of(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, column);
      }
      if (definition.contains("not null") && !definition.contains("default ")) {
        return Finding.of(Rule.ADDING_REQUIRED_FIELD, column);
      }
      return null;
    }
    if (c.startsWith("validate constraint ")
        || c.startsWith("drop constraint ")
        || c.startsWith("set ")
        || c.startsWith("reset ")
        || c.startsWith("owner to ")) {
      return null;
    }
    return Finding.of(Rule.UNCHECKED_SQL, statement);
  }

  /**
   * {@code sql} split into statements at semicolons outside string constants, quoted identifiers,
   * dollar quotes and comments; comments removed; blank statements dropped.
   */
  static List<String> statements(String sql) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char ch = sql.charAt(i);
      if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
        current.append(' ');
      } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        current.append(' ');
      } else if (ch == '\'' || ch == '"') {
        int end = i + 1;
        while (end < n && sql.charAt(end) != ch) {
          end++;
        }
        current.append(sql, i, Math.min(n, end + 1));
        i = end + 1;
      } else if (ch == '$') {
        Matcher tag = Pattern.compile("\\$[A-Za-z_]?[\\w]*\\$").matcher(sql).region(i, n);
        if (tag.lookingAt()) {
          int end = sql.indexOf(tag.group(), tag.end());
          int stop = end < 0 ? n : end + tag.group().length();
          current.append(sql, i, stop);
          i = stop;
        } else {
          current.append(ch);
          i++;
        }
      } else if (ch == ';') {
        add(statements, current);
        current.setLength(0);
        i++;
      } else {
        current.append(ch);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder statement) {
    String s = statement.toString().strip();
    if (!s.isEmpty()) {
      statements.add(s);
    }
  }

  /** {@code text} split at {@code separator} outside parentheses and quotes. */
  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\'' || ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && ch == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * Lower case outside double quotes, blanks collapsed, with a space around parentheses removed so
   * that clause shapes read alike ({@code check(x)} as {@code check (x)}).
   */
  private static String normalized(String statement) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (char ch : statement.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      }
      out.append(quoted ? ch : Character.toLowerCase(ch));
    }
    return out.toString().replace("(", " (").replaceAll("\\s+", " ").strip();
  }

  /** {@code "Name"} as {@code Name}, {@code s.t} kept as written. */
  private static String unquote(String name) {
    return name.replace("\"", "");
  }

  /** The statement as a finding names it: its first 60 characters on one line. */
  private static String excerpt(String statement) {
    String text = statement.strip().replaceAll("\\s+", " ");
    return "SQL \"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
  }
}
