package dev.migrate.it.oracle;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Database;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Both sides of the differential oracle in one text form, table by table: columns in order with
 * type and nullability, primary key, unique keys, foreign keys, checks, indexes, comments,
 * defaults, sequences, enum types. Constraint and index names are left out (Hibernate's are hashes,
 * Migrate's are PostgreSQL's). Hibernate's side is its own metadata for the compiled classes, built
 * as an application builds it ({@code PostgreSQLDialect}, no database, Bean Validation applied by
 * starting a session factory), with the Hibernate on the test class path (6.6 in {@code it}, 7.2 in
 * {@code it-hibernate7}). Its DDL script is kept, to read what Hibernate would run.
 */
// compiled against Hibernate 6.6 and 7.2: the calls both lines have, some deprecated in 7
@SuppressWarnings({"deprecation", "removal"})
public final class SchemaDescription {

  static {
    java.util.logging.Logger.getLogger("org.hibernate").setLevel(java.util.logging.Level.SEVERE);
  }

  private SchemaDescription() {}

  /**
   * Hibernate's description of the model and its DDL script.
   *
   * @param description the schema in the form of {@link #describe(Database)}
   * @param script Hibernate's {@code create} script
   */
  public record Hibernate(String description, String script) {}

  /**
   * Hibernate's schema for the entities of {@code model} with {@code naming}, built in {@code
   * work}.
   */
  public static Hibernate hibernate(CompiledModel model, NamingOption naming, Path work)
      throws IOException {
    Map<String, Object> settings = new HashMap<>(naming.hibernateSettings());
    settings.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
    settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    settings.put("jakarta.persistence.validation.mode", "ddl");
    BootstrapServiceRegistry bootstrap =
        new BootstrapServiceRegistryBuilder().applyClassLoader(model.loader()).build();
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String entity : model.entityClassNames()) {
        try {
          sources.addAnnotatedClass(model.loader().loadClass(entity));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
      // the @Converter classes too, as an application's scan registers them (auto-apply)
      for (Class<?> converter : converters(model)) {
        sources.addAnnotatedClass(converter);
      }
      MetadataBuilder builder = sources.getMetadataBuilder();
      Metadata metadata = builder.build();
      // Bean Validation shapes the mapping when the session factory starts
      // (BeanValidationIntegrator)
      var sessionFactory = metadata.buildSessionFactory();
      try {
        String script = script(metadata, registry, work);
        return new Hibernate(describe(metadata) + enumTypes(script), script);
      } finally {
        sessionFactory.close();
      }
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  /** The compiled classes of {@code model} annotated {@code @jakarta.persistence.Converter}. */
  private static List<Class<?>> converters(CompiledModel model) throws IOException {
    List<Class<?>> converters = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.walk(model.classes())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name =
            model
                .classes()
                .relativize(file)
                .toString()
                .replace(java.io.File.separatorChar, '.')
                .replaceAll("\\.class$", "");
        try {
          Class<?> type = Class.forName(name, false, model.loader());
          if (type.isAnnotationPresent(jakarta.persistence.Converter.class)) {
            converters.add(type);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load compiled class " + name, e);
        }
      }
    }
    return converters;
  }

  private static String script(Metadata metadata, StandardServiceRegistry registry, Path dir)
      throws IOException {
    Path file = Files.createTempFile(Files.createDirectories(dir), "hibernate", ".sql");
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
    settings.put("jakarta.persistence.schema-generation.scripts.create-target", file.toString());
    settings.put("hibernate.hbm2ddl.delimiter", ";");
    SchemaManagementToolCoordinator.process(metadata, registry, settings, null);
    return Files.readString(file);
  }

  // --- Hibernate's side ---

  private static final java.util.regex.Pattern CREATE_ENUM =
      java.util.regex.Pattern.compile("(?im)^create type (\\S+) as enum \\((.*)\\);?$");

  /**
   * The enum types ({@code SqlTypes.NAMED_ENUM}) of Hibernate's DDL script: {@code enum name [A,
   * B]}, by name.
   */
  private static String enumTypes(String script) {
    TreeMap<String, String> types = new TreeMap<>();
    java.util.regex.Matcher m = CREATE_ENUM.matcher(script);
    while (m.find()) {
      List<String> labels =
          java.util.Arrays.stream(m.group(2).split(","))
              .map(l -> l.strip().replaceAll("^'|'$", ""))
              .toList();
      String name = stored(m.group(1), false);
      types.put(name, "enum " + name + " " + labels + "\n");
    }
    return String.join("", types.values());
  }

  private static String describe(Metadata metadata) {
    Map<String, String> tables = new TreeMap<>();
    List<String> sequences = new ArrayList<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      for (Table t : namespace.getTables()) {
        if (!t.isPhysicalTable()) {
          continue;
        }
        String name = qualified(t);
        StringBuilder b = new StringBuilder("table ").append(name).append('\n');
        for (Column c : t.getColumns()) {
          b.append("  ")
              .append(stored(c.getName(), c.isQuoted()))
              .append(' ')
              .append(PostgresDialect.syntax().parseType(c.getSqlType(metadata)))
              .append(c.isNullable() && !isPrimaryKey(t, c) ? "" : " not null");
          if (c.getDefaultValue() != null) {
            b.append(" default ").append(c.getDefaultValue());
          }
          if (c.getComment() != null) {
            b.append(" comment ").append(c.getComment());
          }
          b.append('\n');
        }
        if (t.getComment() != null) {
          b.append("  comment ").append(t.getComment()).append('\n');
        }
        if (t.getPrimaryKey() != null) {
          b.append("  primary key ")
              .append(names(exportOrder(t.getPrimaryKey(), metadata)))
              .append('\n');
        }
        TreeSet<String> rest = new TreeSet<>();
        for (org.hibernate.mapping.UniqueKey u : t.getUniqueKeys().values()) {
          if (t.getPrimaryKey() == null || !u.getColumns().equals(t.getPrimaryKey().getColumns())) {
            rest.add("unique " + names(u.getColumns()));
          }
        }
        for (Column c : t.getColumns()) {
          if (c.isUnique()) {
            rest.add("unique " + names(List.of(c)));
          }
          for (org.hibernate.mapping.CheckConstraint check : c.getCheckConstraints()) {
            rest.add("check " + normalizeCheck(check.getConstraint()));
          }
        }
        for (org.hibernate.mapping.CheckConstraint check : t.getChecks()) {
          rest.add("check " + normalizeCheck(check.getConstraint()));
        }
        for (org.hibernate.mapping.ForeignKey f : t.getForeignKeys().values()) {
          if (!f.isCreationEnabled() || !f.isPhysicalConstraint()) {
            continue;
          }
          Table target = f.getReferencedTable();
          List<Column> referenced =
              f.getReferencedColumns().isEmpty()
                  ? target.getPrimaryKey().getColumns()
                  : f.getReferencedColumns();
          List<Column> columns = f.getColumns();
          if (f.getReferencedColumns().isEmpty()) { // the pairs follow the key's export order
            List<Column> ordered = exportOrder(target.getPrimaryKey(), metadata);
            List<Column> reordered = new ArrayList<>();
            for (Column c : ordered) {
              reordered.add(columns.get(referenced.indexOf(c)));
            }
            columns = reordered;
            referenced = ordered;
          }
          rest.add(
              "foreign key "
                  + names(columns)
                  + " -> "
                  + qualified(target)
                  + names(referenced)
                  + (f.getOnDeleteAction() == null
                          || f.getOnDeleteAction().name().equals("NO_ACTION")
                      ? ""
                      : " on delete " + f.getOnDeleteAction().name()));
        }
        for (org.hibernate.mapping.Index i : t.getIndexes().values()) {
          List<String> keys = new ArrayList<>();
          for (org.hibernate.mapping.Selectable s : i.getSelectables()) {
            String order = i.getSelectableOrderMap().get(s);
            Column c = (Column) s;
            keys.add(
                stored(c.getName(), c.isQuoted())
                    + (order != null && order.trim().equalsIgnoreCase("desc") ? " desc" : ""));
          }
          rest.add((i.isUnique() ? "unique index " : "index ") + keys);
        }
        rest.forEach(r -> b.append("  ").append(r).append('\n'));
        tables.put(name, b.toString());
      }
      Identifier schema = namespace.getName().getSchema();
      for (org.hibernate.boot.model.relational.Sequence s : namespace.getSequences()) {
        Identifier name = s.getName().getSequenceName();
        sequences.add(
            "sequence "
                + (schema == null ? "" : stored(schema.getText(), schema.isQuoted()) + ".")
                + stored(name.getText(), name.isQuoted())
                + " start "
                + s.getInitialValue()
                + " increment "
                + s.getIncrementSize()
                + "\n");
      }
    }
    return String.join("", tables.values())
        + sequences.stream().sorted().collect(Collectors.joining());
  }

  /**
   * A primary key's columns in the order Hibernate's schema export creates them: {@code
   * MetadataImpl.orderColumns} reorders keys of several columns with the column ordering strategy
   * before a {@code create} action; the metadata built here has not been through it.
   */
  private static List<Column> exportOrder(org.hibernate.mapping.PrimaryKey key, Metadata metadata) {
    if (key.getColumns().size() < 2 || key.getOriginalOrder() != null) {
      return key.getColumns();
    }
    return org.hibernate.boot.model.relational.ColumnOrderingStrategyStandard.INSTANCE
        .orderConstraintColumns(key, metadata);
  }

  private static boolean isPrimaryKey(Table t, Column c) {
    return t.getPrimaryKey() != null && t.getPrimaryKey().getColumns().contains(c);
  }

  private static String qualified(Table t) {
    return (t.getSchema() == null ? "" : stored(t.getSchema(), t.isSchemaQuoted()) + ".")
        + stored(t.getName(), t.isQuoted());
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(c -> stored(c.getName(), c.isQuoted())).toList();
  }

  /** The name PostgreSQL stores: unquoted names fold to lower case. */
  private static String stored(String name, boolean quoted) {
    return quoted ? name : name.toLowerCase(Locale.ROOT);
  }

  // --- Migrate's side ---

  /** Migrate's side: the model of a snapshot. */
  public static String describe(Database database) {
    StringBuilder b = new StringBuilder();
    for (dev.migrate.model.Table t : database.tables()) {
      b.append("table ").append(t.qualifiedName()).append('\n');
      for (dev.migrate.model.Column c : t.columns()) {
        b.append("  ")
            .append(c.name())
            .append(' ')
            .append(c.type())
            .append(c.nullable() ? "" : " not null");
        if (c.defaultValue() != null) {
          b.append(" default ").append(c.defaultValue());
        }
        if (c.comment() != null) {
          b.append(" comment ").append(c.comment());
        }
        b.append('\n');
      }
      if (t.comment() != null) {
        b.append("  comment ").append(t.comment()).append('\n');
      }
      if (t.primaryKey() != null) {
        b.append("  primary key ").append(t.primaryKey().columns()).append('\n');
      }
      TreeSet<String> rest = new TreeSet<>();
      for (UniqueConstraint u : t.uniqueConstraints()) {
        rest.add("unique " + u.columns());
      }
      for (CheckConstraint c : t.checkConstraints()) {
        rest.add("check " + normalizeCheck(c.expression()));
      }
      for (ForeignKey f : t.foreignKeys()) {
        rest.add(
            "foreign key "
                + f.columns()
                + " -> "
                + (f.referencedSchema() == null ? "" : f.referencedSchema() + ".")
                + f.referencedTable()
                + f.referencedColumns()
                + (f.onDelete().name().equals("NO_ACTION")
                    ? ""
                    : " on delete " + f.onDelete().name()));
      }
      for (Index i : t.indexes()) {
        List<String> keys = new ArrayList<>();
        for (IndexKey k : i.keys()) {
          keys.add(
              (k.column() != null ? k.column() : k.expression()) + (k.descending() ? " desc" : ""));
        }
        rest.add((i.unique() ? "unique index " : "index ") + keys);
      }
      rest.forEach(r -> b.append("  ").append(r).append('\n'));
    }
    for (Sequence s : database.sequences()) {
      b.append("sequence ")
          .append(s.qualifiedName())
          .append(" start ")
          .append(s.start())
          .append(" increment ")
          .append(s.increment())
          .append('\n');
    }
    new TreeMap<>(
            database.enumTypes().stream()
                .collect(
                    Collectors.toMap(
                        e -> e.qualifiedName(),
                        e -> "enum " + e.qualifiedName() + " " + e.values() + "\n")))
        .values()
        .forEach(b::append);
    return b.toString();
  }

  /** A check's text without quotes, blanks and case, as a stable key for both sides. */
  public static String normalizeCheck(String expression) {
    return expression
        .replace("\"", "")
        .replaceAll("\\s+", "")
        .replace("(", "")
        .replace(")", "")
        .toLowerCase(Locale.ROOT);
  }
}
