package dev.migrate.it.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the statements Hibernate's schema migrator wants to run ({@link
 * HibernateOracle#updateScript}): which of them point at a real difference, and which Hibernate
 * emits whatever the database holds.
 *
 * <p>Hibernate 6.6's migrator ({@code AbstractSchemaMigrator}) finds existing unique keys and
 * indexes by name only ({@code TableInformation.getIndex(name)}; foreign keys are also matched by
 * columns), and drops and re-creates every auxiliary database object, such as the PostgreSQL enum
 * type (and its two casts) of a {@code SqlTypes.NAMED_ENUM} attribute, on every run. A schema whose
 * unique constraints and indexes are named otherwise (Migrate names unnamed ones as PostgreSQL
 * does, {@code <table>_<columns>_key}; Hibernate as {@code UK<hash>}) therefore gets statements
 * that would only add a duplicate under Hibernate's name. Exactly these statements are ignored:
 *
 * <ol>
 *   <li>{@code alter table [if exists] T add constraint N unique (c1, ...)} when table {@code T}
 *       already has a unique index (a unique constraint is one) on exactly the columns {@code c1,
 *       ...}, in that order;
 *   <li>{@code create [unique] index N on T (c1 [asc|desc], ...)} when {@code T} already has an
 *       index of the same uniqueness on the same columns in the same order and directions ({@code
 *       asc} is the default);
 *   <li>{@code alter table [if exists] T drop constraint [if exists] N}, the first half of
 *       Hibernate's default {@code DROP_RECREATE_QUIETLY} unique-key strategy, when the same
 *       script's {@code add constraint N} on {@code T} is ignored by rule 1;
 *   <li>{@code drop type if exists E cascade} and {@code create type E as enum ('A','B')} when the
 *       database already has the enum type {@code E} with exactly those labels in that order;
 *   <li>{@code create cast (varchar as E) with inout as implicit} and {@code create cast (E as
 *       varchar) with inout as implicit} when the database has the enum type {@code E}. <b>Not
 *       mirrored on purpose:</b> Hibernate creates these two casts with every {@code
 *       SqlTypes.NAMED_ENUM} type ({@code PostgreSQLDialect .getCreateEnumTypeCommand}); Migrate's
 *       model has no casts (a cast is a database-wide object, not part of a schema, and creating
 *       one needs ownership of {@code varchar}'s side too), so a migration creates the type only.
 *       Hibernate binds enum values as {@code Types.OTHER} and neither its validator nor its reads
 *       and writes need the casts; only SQL that compares the column with a {@code varchar}
 *       parameter does.
 * </ol>
 *
 * Anything else (a missing table, column, sequence, foreign key, a changed type, an index whose
 * keys differ, an enum type with other labels) is reported. Names are compared as PostgreSQL folds
 * unquoted identifiers (lower case, quotes removed), schema prefixes dropped.
 */
public final class UpdateScript {

  private static final Pattern ADD_UNIQUE =
      Pattern.compile(
          "alter table (?:if exists )?(\\S+) add constraint (\\S+) unique \\((.*)\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP_CONSTRAINT =
      Pattern.compile(
          "alter table (?:if exists )?(\\S+) drop constraint (?:if exists )?(\\S+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE_INDEX =
      Pattern.compile(
          "create (unique )?index (\\S+) on (\\S+) \\((.*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP_TYPE =
      Pattern.compile("drop type if exists (\\S+) cascade", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE_ENUM =
      Pattern.compile("create type (\\S+) as enum \\((.*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE_CAST =
      Pattern.compile(
          "create cast \\((\\S+) as (\\S+)\\) with inout as implicit", Pattern.CASE_INSENSITIVE);
  private static final Pattern INDEX_DEFINITION =
      Pattern.compile("CREATE (UNIQUE )?INDEX \\S+ ON (\\S+) USING \\w+ \\((.*)\\)");

  private UpdateScript() {}

  /**
   * An index as the database has it.
   *
   * @param table the table name, lower case, without schema
   * @param unique whether it is unique (every unique constraint has one)
   * @param keys the key list as {@link UpdateScript#keys} canonicalises it, e.g. {@code "placed_at
   *     desc,customer_id"}
   */
  public record ExistingIndex(String table, boolean unique, String keys) {

    /**
     * From {@code pg_get_indexdef} text, e.g. {@code CREATE UNIQUE INDEX x ON public.t USING btree
     * (a, b DESC)}.
     */
    static ExistingIndex fromDefinition(String definition) {
      Matcher m = INDEX_DEFINITION.matcher(definition);
      if (!m.matches()) {
        throw new IllegalArgumentException("unexpected index definition: " + definition);
      }
      return new ExistingIndex(name(m.group(2)), m.group(1) != null, UpdateScript.keys(m.group(3)));
    }
  }

  /**
   * What of a database's catalog the rules look at.
   *
   * @param indexes every index of the non-system schemas
   * @param enums enum type name to its labels, in order
   * @param implicitCasts implicit casts as {@code source->target} type names ({@code
   *     varchar->policystatus})
   */
  public record Catalog(
      List<ExistingIndex> indexes, Map<String, List<String>> enums, Set<String> implicitCasts) {

    /** Reads the catalog of the database behind {@code connection}. */
    public static Catalog read(Connection connection) throws SQLException {
      List<ExistingIndex> indexes = new ArrayList<>();
      Map<String, List<String>> enums = new LinkedHashMap<>();
      Set<String> casts = new HashSet<>();
      try (Statement s = connection.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')")) {
          while (rs.next()) {
            indexes.add(ExistingIndex.fromDefinition(rs.getString(1)));
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT t.typname, e.enumlabel FROM pg_enum e"
                    + " JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder")) {
          while (rs.next()) {
            enums.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT format_type(castsource, NULL), format_type(casttarget, NULL)"
                    + " FROM pg_cast WHERE castcontext = 'i' AND castmethod = 'i'"
                    + " AND (castsource >= 16384 OR casttarget >= 16384)")) { // user-defined types
          // only
          while (rs.next()) {
            casts.add(typeName(rs.getString(1)) + "->" + typeName(rs.getString(2)));
          }
        }
      }
      return new Catalog(indexes, enums, casts);
    }
  }

  /** The statements of {@code script} that the rules above do not explain, in script order. */
  public static List<String> unexplained(List<String> script, Catalog catalog) {
    Set<String> renamedConstraints = new HashSet<>();
    List<String> left = new ArrayList<>();
    for (String statement : script) {
      String text = canonical(statement);
      Matcher m = ADD_UNIQUE.matcher(text);
      if (m.matches()
          && catalog
              .indexes()
              .contains(new ExistingIndex(name(m.group(1)), true, keys(m.group(3))))) {
        renamedConstraints.add(name(m.group(1)) + "." + name(m.group(2)));
        continue;
      }
      m = CREATE_INDEX.matcher(text);
      if (m.matches()
          && catalog
              .indexes()
              .contains(
                  new ExistingIndex(name(m.group(3)), m.group(1) != null, keys(m.group(4))))) {
        continue;
      }
      if (isUnchangedEnum(text, catalog)) {
        continue;
      }
      left.add(statement);
    }
    // second pass: the drops that only precede an ignored re-creation under Hibernate's name
    List<String> result = new ArrayList<>();
    for (String statement : left) {
      Matcher m = DROP_CONSTRAINT.matcher(canonical(statement));
      if (m.matches() && renamedConstraints.contains(name(m.group(1)) + "." + name(m.group(2)))) {
        continue;
      }
      result.add(statement);
    }
    return result;
  }

  private static boolean isUnchangedEnum(String text, Catalog catalog) {
    Matcher m = DROP_TYPE.matcher(text);
    if (m.matches()) {
      return catalog.enums().containsKey(name(m.group(1)));
    }
    m = CREATE_ENUM.matcher(text);
    if (m.matches()) {
      List<String> labels =
          Arrays.stream(m.group(2).split(","))
              .map(l -> l.strip().replaceAll("^'|'$", "").replace("''", "'"))
              .toList();
      return labels.equals(catalog.enums().get(name(m.group(1))));
    }
    m = CREATE_CAST.matcher(text);
    if (m.matches()) {
      String source = typeName(m.group(1));
      String target = typeName(m.group(2));
      return catalog.implicitCasts().contains(source + "->" + target)
          || source.equals("varchar") && catalog.enums().containsKey(target)
          || target.equals("varchar") && catalog.enums().containsKey(source);
    }
    return false;
  }

  private static String canonical(String statement) {
    return statement.strip().replaceAll(";$", "").replaceAll("\\s+", " ");
  }

  /**
   * A type name for comparing casts: {@code varchar} for {@code character varying}, otherwise
   * {@link #name}.
   */
  static String typeName(String written) {
    String name = name(written);
    return name.equals("character varying") ? "varchar" : name;
  }

  /**
   * A table or constraint name as PostgreSQL stores it: schema dropped, quotes removed, unquoted
   * folded.
   */
  static String name(String written) {
    String last = written.substring(written.lastIndexOf('.') + 1);
    return last.startsWith("\"")
        ? last.substring(1, last.length() - 1)
        : last.toLowerCase(Locale.ROOT);
  }

  /**
   * A key list canonicalised: names folded, {@code asc} dropped, {@code desc} kept, no spaces
   * around commas.
   */
  static String keys(String list) {
    List<String> keys = new ArrayList<>();
    for (String key : list.split(",")) {
      String[] words = key.strip().split("\\s+");
      StringBuilder canonical = new StringBuilder(name(words[0]));
      for (int i = 1; i < words.length; i++) {
        String word = words[i].toLowerCase(Locale.ROOT);
        if (!word.equals("asc")) {
          canonical.append(' ').append(word);
        }
      }
      keys.add(canonical.toString());
    }
    return String.join(",", keys);
  }
}
