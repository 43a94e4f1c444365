package dev.migrate.processor;

import static dev.migrate.processor.Annotations.HIBERNATE;
import static dev.migrate.processor.Annotations.MIGRATE;
import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.firstJpa;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.integer;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.simpleName;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.strings;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.model.Column;
import dev.migrate.model.SqlType;
import dev.migrate.processor.Members.Attribute;
import dev.migrate.processor.TableDraft.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * An entity's own tables: its primary key (the identifier attributes, or the root's key for a
 * subclass, with the foreign key of a {@code JOINED} subclass), Hibernate's discriminator column,
 * its attributes, its {@code @SecondaryTable}s, and the table-level annotations ({@code @Table}
 * constraints and indexes, {@code @Comment}, {@code @Check}, {@code @RenamedFrom}).
 */
final class EntityTables {

  private final ModelBuilder builder;

  EntityTables(ModelBuilder builder) {
    this.builder = builder;
  }

  /**
   * Maps {@code e} into its table; {@code parents} are the entities that have an entity subclass.
   * Adds the work of its table-level constraints to {@code tableConstraints}, to run once every
   * table has its columns.
   */
  void map(Entity e, Set<Entity> parents, List<Runnable> tableConstraints) {
    Reporter reporter = builder.reporter();
    if (e.strategy().equals("TABLE_PER_CLASS")
        && e.type().getModifiers().contains(Modifier.ABSTRACT)) {
      if (e.parent() == null && e.generatedIdColumn() != null) {
        reporter.guard(
            e.type(),
            () -> builder.idGenerators().generation(e, e.ids().get(0), e.generatedIdColumn()));
      }
      // Hibernate's abstract union table: no table of its own, but the hierarchy's generator and
      // the collections this class declares
      TableDraft scratch = new TableDraft(e.schema(), e.table(), e.type(), jpa(e.type(), "Entity"));
      MappingContext context = MappingContext.forEntity(builder.topValidation(), e, scratch);
      List<Attribute> attributes = e.attributes();
      for (int i = inheritedCount(e); i < attributes.size(); i++) {
        Attribute a = attributes.get(i);
        if (isCollection(a)) {
          reporter.guardMember(scratch, a, () -> builder.attributes().map(context, a));
        }
      }
      return;
    }
    TableDraft t =
        builder.table(e.schema(), e.table(), e.type(), tableAnnotationOrEntity(e.type()));
    boolean hasSubclasses = parents.contains(e);
    MappingContext context = MappingContext.forEntity(builder.topValidation(), e, t);

    if (!e.singleTableSubclass()) {
      List<String> pk = e.idColumns().stream().map(Column::name).toList();
      t.primaryKey = pk;
      if (e.parent() == null) {
        List<String> before = new ArrayList<>(t.columns.keySet());
        for (Attribute id : e.ids()) {
          reporter.guardMember(t, id, () -> mapId(e, t, id));
        }
        // @MapsId: identifier columns that the association's join columns replace are not created
        t.columns.keySet().removeIf(c -> !before.contains(c) && !pk.contains(c));
      } else {
        t.level = unionLevel(e, -1);
        for (Column c : e.idColumns()) {
          t.add(
              c,
              simpleName(e.type()),
              builder.binaryName(e.type()),
              e.type(),
              false,
              e.strategy().equals("JOINED") ? Phase.SUBCLASS_KEY : Phase.ID);
        }
        if (e.strategy().equals("JOINED")) {
          Entity parent = e.parent();
          AnnotationMirror fk = annotation(jpa(e.type(), "PrimaryKeyJoinColumn"), "foreignKey");
          builder.associations().foreignKey(t, pk, parent, fk, e.type(), null);
        }
      }
    }
    boolean explicitDiscriminator = jpa(e.type(), "DiscriminatorColumn") != null;
    if (e.parent() == null
        && !e.strategy().equals("TABLE_PER_CLASS")
        && (explicitDiscriminator || hasSubclasses && e.strategy().equals("SINGLE_TABLE"))) {
      discriminator(e, t);
    }
    List<Attribute> attributes = e.attributes();
    for (int i = 0; i < attributes.size(); i++) {
      Attribute a = attributes.get(i);
      t.level = unionLevel(e, i);
      if (t.level < 0 && isCollection(a)) {
        continue; // the ancestor's collection, mapped once by the ancestor (one collection role)
      }
      reporter.guardMember(t, a, () -> builder.attributes().map(context, a));
    }
    t.level = 0;
    tableConstraints.add(() -> reporter.guard(e.type(), () -> entityTable(e, t)));
  }

  /**
   * The {@link TableDraft#level} of the attribute at {@code index} in {@link Entity#attributes} of
   * {@code e}, or of its identifier columns for index -1: in a {@code TABLE_PER_CLASS} subclass,
   * minus the number of entity classes up to the farthest ancestor whose attributes include it
   * (Hibernate's {@code DenormalizedTable} lists its superclass table's columns first); else 0.
   */
  private static int unionLevel(Entity e, int index) {
    if (!e.strategy().equals("TABLE_PER_CLASS")) {
      return 0;
    }
    int level = 0;
    int distance = 0;
    for (Entity p = e.parent(); p != null; p = p.parent()) {
      distance++;
      if (index < p.attributes().size()) {
        level = -distance;
      }
    }
    return level;
  }

  /**
   * How many of {@link Entity#attributes} of a {@code TABLE_PER_CLASS} entity it inherits from its
   * entity superclass.
   */
  private static int inheritedCount(Entity e) {
    return e.parent() == null ? 0 : e.parent().attributes().size();
  }

  private static boolean isCollection(Attribute a) {
    return firstJpa(a.element(), "OneToMany", "ManyToMany", "ElementCollection") != null;
  }

  private void mapId(Entity e, TableDraft t, Attribute id) {
    MappingContext context = MappingContext.forEntityId(builder.topValidation(), e, t);
    if (hasJpa(id.element(), "EmbeddedId")
        || firstJpa(id.element(), "ManyToOne", "OneToOne") != null) {
      builder.attributes().map(context, id);
      return;
    }
    BasicColumns.Mapped mapped = builder.basicColumns().column(context, id);
    Column plain = mapped.column().withNullable(false);
    Column column =
        e.generatedIdColumn() != null ? builder.idGenerators().generation(e, id, plain) : plain;
    builder
        .attributes()
        .addColumn(context, id, column, BasicColumns.readOnly(jpa(id.element(), "Column")));
    t.addChecks(column.name(), mapped);
  }

  /**
   * Hibernate's discriminator column: {@code DTYPE varchar(31) not null} unless
   * {@code @DiscriminatorColumn}.
   */
  private void discriminator(Entity e, TableDraft t) {
    AnnotationMirror d = jpa(e.type(), "DiscriminatorColumn");
    String name = builder.drafts().physical(string(d, "name", "DTYPE"));
    String kind = enumConstant(d, "discriminatorType", "STRING");
    String definition = string(d, "columnDefinition", "").trim();
    SqlType type;
    if (!definition.isEmpty()) {
      type = builder.syntax().parseType(definition);
    } else if (kind.equals("CHAR")) {
      type = SqlType.character(1);
    } else if (kind.equals("INTEGER")) {
      type = SqlType.integer();
    } else {
      type = SqlType.varchar(integer(d, "length", 31));
    }
    t.add(
        new Column(name, type, false, null, null),
        simpleName(e.type()),
        builder.binaryName(e.type()),
        e.type(),
        false,
        Phase.DISCRIMINATOR);
    builder.discriminatorChecks().discriminator(e, name, DiscriminatorChecks.isCharacter(d));
  }

  /**
   * The table-level annotations of an entity: constraints, indexes, checks, comment, rename hint,
   * secondaries.
   */
  private void entityTable(Entity e, TableDraft t) {
    TableConstraints constraints = builder.tableConstraints();
    if (!e.singleTableSubclass()) {
      AnnotationMirror table = jpa(e.type(), "Table");
      constraints.uniqueConstraints(t, e.type(), table, "uniqueConstraints");
      constraints.jpaIndexes(t, e.type(), table, "indexes");
      String comment = BasicColumns.hibernateComment(e.type());
      if (comment != null) {
        t.comment = comment;
      }
      AnnotationMirror renamed = Annotations.find(e.type(), MIGRATE + "RenamedFrom");
      if (renamed != null) {
        t.renamedFrom = strings(renamed, "value");
      }
    }
    for (AnnotationMirror check : hibernateRepeated(e.type(), "Check")) {
      t.addCheck(null, string(check, "constraints", ""));
    }
    constraints.migrateIndexes(t, e.type());
  }

  private static List<AnnotationMirror> hibernateRepeated(Element e, String simpleName) {
    List<AnnotationMirror> result = new ArrayList<>();
    AnnotationMirror single = Annotations.find(e, HIBERNATE + simpleName);
    if (single != null) {
      result.add(single);
    }
    AnnotationMirror container = Annotations.find(e, HIBERNATE + simpleName + "s");
    result.addAll(annotations(container, "value"));
    return result;
  }

  // --- secondary tables ---

  /**
   * The table an attribute's {@code @Column(table = ...)} names: a {@code @SecondaryTable} of the
   * entity, else the context's table.
   *
   * @throws Problem {@link Message#UNKNOWN_SECONDARY_TABLE} if the entity declares no such
   *     secondary table
   */
  TableDraft secondaryTable(MappingContext context, Attribute a, AnnotationMirror column) {
    AnnotationMirror override = Attributes.override(context, a);
    String written = string(override != null ? override : column, "table", "");
    if (written.isBlank() || context.entity() == null) {
      return context.table();
    }
    Entity e = context.entity();
    for (AnnotationMirror secondary : jpaRepeated(e.type(), "SecondaryTable")) {
      if (builder
          .drafts()
          .physical(string(secondary, "name", ""))
          .equals(builder.drafts().physical(written))) {
        return secondaryDraft(e, secondary);
      }
    }
    throw new Problem(
        Message.UNKNOWN_SECONDARY_TABLE,
        a.element(),
        column,
        value(column, "table"),
        a.describe(),
        written,
        simpleName(e.type()));
  }

  private TableDraft secondaryDraft(Entity e, AnnotationMirror secondary) {
    String schemaName = string(secondary, "schema", "");
    String schema = builder.drafts().physicalOrNull(schemaName);
    String name = builder.drafts().physical(string(secondary, "name", ""));
    boolean created = !builder.hasTable(schema, name);
    TableDraft t = builder.table(schema, name, e.type(), secondary);
    if (created) {
      List<AnnotationMirror> joins = annotations(secondary, "pkJoinColumns");
      List<String> pk = new ArrayList<>();
      for (int i = 0; i < e.idColumns().size(); i++) {
        Column c = e.idColumns().get(i);
        String written = i < joins.size() ? string(joins.get(i), "name", "") : "";
        Column copy =
            new Column(
                written.isBlank() ? c.name() : builder.drafts().physical(written),
                c.type(),
                false,
                null,
                null);
        t.add(
            copy,
            simpleName(e.type()),
            builder.binaryName(e.type()),
            e.type(),
            false,
            Phase.SUBCLASS_KEY);
        pk.add(copy.name());
      }
      t.primaryKey = pk;
      builder
          .associations()
          .foreignKey(t, pk, e, annotation(secondary, "foreignKey"), e.type(), null);
      builder.tableConstraints().uniqueConstraints(t, e.type(), secondary, "uniqueConstraints");
      builder.tableConstraints().jpaIndexes(t, e.type(), secondary, "indexes");
    }
    return t;
  }

  private static AnnotationMirror tableAnnotationOrEntity(TypeElement type) {
    AnnotationMirror table = jpa(type, "Table");
    return table != null ? table : jpa(type, "Entity");
  }
}
