package dev.migrate.schema;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * The schema groups of a model whose entities carry a schema ({@code @Table(schema = "rfx_user")}):
 * one group per schema, named by the alias the configuration gives it ({@code
 * <schemas><user>rfx_user</user></schemas>}) or by the schema's own name. A model whose entities
 * carry no schema has no groups: its one chain runs in a target schema instead.
 *
 * <p>Groups are sorted by alias. Each owns exactly the tables, sequences and enum types of its
 * schema; a foreign key from one group to a table of another stays schema-qualified in the owning
 * group's part.
 */
public final class SchemaGroups {

  private final List<SchemaGroup> groups;

  private SchemaGroups(List<SchemaGroup> groups) {
    this.groups = List.copyOf(groups);
  }

  /** No groups: a model whose entities carry no schema, without aliases. */
  public static SchemaGroups none() {
    return new SchemaGroups(List.of());
  }

  /**
   * The groups of {@code model} and of {@code aliases}: every configured alias, and every other
   * schema the model names, as its own group.
   *
   * @param aliases alias to schema, as configured in {@code <schemas>}; may be empty
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if an alias or schema name is not
   *     valid, an alias is not usable as a Java package name segment, two aliases name one schema,
   *     or the model mixes objects with and without a schema (naming them)
   */
  public static SchemaGroups of(Database model, Map<String, String> aliases) {
    Map<String, String> aliasOfSchema = new TreeMap<>();
    Map<String, SchemaGroup> byAlias = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(aliases).entrySet()) {
      String alias = e.getKey().strip();
      String schema =
          SchemaNames.requireValid(
              e.getValue() == null ? "" : e.getValue().strip(), "<schemas><" + alias + ">");
      String twin = aliasOfSchema.putIfAbsent(schema, alias);
      if (twin != null) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "<schemas> gives schema "
                + schema
                + " two aliases, "
                + twin
                + " and "
                + alias
                + ". Keep one.");
      }
      byAlias.put(alias, new SchemaGroup(requireAlias(alias, schema), schema));
    }
    Set<String> schemas = new LinkedHashSet<>();
    List<String> schemaless = new ArrayList<>();
    model.tables().forEach(t -> note(t.schema(), "table " + t.name(), schemas, schemaless));
    model.sequences().forEach(s -> note(s.schema(), "sequence " + s.name(), schemas, schemaless));
    model.enumTypes().forEach(t -> note(t.schema(), "enum type " + t.name(), schemas, schemaless));
    if (!schemaless.isEmpty() && (!schemas.isEmpty() || !aliases.isEmpty())) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "The model places some objects in schemas ("
              + String.join(", ", schemas.isEmpty() ? aliasOfSchema.keySet() : schemas)
              + "), which makes each schema a"
              + " group with its own chain, but these have no schema: "
              + String.join(", ", schemaless)
              + ". Give them"
              + " one (@Table(schema = ...), @SequenceGenerator(schema = ...)), or use IDENTITY ids instead of a"
              + " default sequence.");
    }
    for (String schema : schemas) {
      SchemaNames.requireValid(schema, "@Table(schema)");
      if (!aliasOfSchema.containsKey(schema)) {
        if (byAlias.containsKey(schema)) {
          throw new MigrateException(
              ErrorCode.CONFIGURATION,
              "Schema "
                  + schema
                  + " of the model is also the alias"
                  + " of schema "
                  + byAlias.get(schema).schema()
                  + " in <schemas>. Rename the alias.");
        }
        byAlias.put(schema, new SchemaGroup(requireAlias(schema, schema), schema));
      }
    }
    return new SchemaGroups(new ArrayList<>(byAlias.values()));
  }

  private static void note(
      String schema, String what, Set<String> schemas, List<String> schemaless) {
    if (schema == null) {
      schemaless.add(what);
    } else {
      schemas.add(schema);
    }
  }

  private static String requireAlias(String alias, String schema) {
    if (!SourceVersion.isIdentifier(alias) || SourceVersion.isKeyword(alias)) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "Schema group '"
              + alias
              + "' (schema "
              + schema
              + ")"
              + " cannot name the package of its migrations (<migrationsPackage>."
              + alias
              + "): it must be a Java"
              + " identifier. Give the schema an alias in <schemas>, for example <schemas><"
              + suggestedAlias(schema)
              + ">"
              + schema
              + "</"
              + suggestedAlias(schema)
              + "></schemas>.");
    }
    return alias;
  }

  private static String suggestedAlias(String schema) {
    String alias = schema.replaceAll("[^A-Za-z0-9_]", "_");
    if (alias.isEmpty()
        || !Character.isJavaIdentifierStart(alias.charAt(0))
        || SourceVersion.isKeyword(alias)) {
      alias = "s_" + alias;
    }
    return alias;
  }

  /**
   * Whether there are no groups (the model's entities carry no schema, and no aliases are
   * configured).
   */
  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** Every group, sorted by alias. */
  public List<SchemaGroup> all() {
    return groups;
  }

  /** The group that owns {@code schema}, if any. */
  public Optional<SchemaGroup> ofSchema(String schema) {
    return groups.stream().filter(g -> g.schema().equals(schema)).findFirst();
  }

  /**
   * The groups {@code selection} names, by alias or by schema name, in the order of {@link #all()};
   * a pattern matches aliases and schema names.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for a name or pattern that matches
   *     no group, listing the known groups
   */
  public List<SchemaGroup> select(SchemaSelection selection) {
    Set<SchemaGroup> selected = new LinkedHashSet<>();
    for (String item : selection.items()) {
      var regex = SchemaSelection.toRegex(item);
      List<SchemaGroup> matches =
          groups.stream()
              .filter(
                  g -> regex.matcher(g.alias()).matches() || regex.matcher(g.schema()).matches())
              .toList();
      if (matches.isEmpty()) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "Unknown schema group '"
                + item
                + "'. Known groups: "
                + String.join(", ", groups.stream().map(SchemaGroup::toString).toList())
                + ". Select them with -Dmigrate.schema=<alias>[,<alias>...], or leave -Dmigrate.schema out for all.");
      }
      selected.addAll(matches);
    }
    return groups.stream().filter(selected::contains).toList();
  }

  /**
   * The part of {@code model} that {@code group} owns, relative to its schema: its tables,
   * sequences and enum types with a {@code null} schema, foreign keys into other groups still
   * qualified.
   */
  public static Database part(Database model, SchemaGroup group) {
    String schema = group.schema();
    List<Table> tables =
        model.tables().stream().filter(t -> Objects.equals(t.schema(), schema)).toList();
    List<Sequence> sequences =
        model.sequences().stream().filter(s -> Objects.equals(s.schema(), schema)).toList();
    List<EnumType> enumTypes =
        model.enumTypes().stream().filter(e -> Objects.equals(e.schema(), schema)).toList();
    return new Database(tables, sequences, enumTypes).relativeTo(schema);
  }

  /**
   * The aliases, for messages: {@code message (rfx_message), policy (rfx_policy), user (rfx_user)}.
   */
  @Override
  public String toString() {
    return String.join(
        ", ", Stream.of(groups.toArray(SchemaGroup[]::new)).map(SchemaGroup::toString).toList());
  }
}
