package dev.migrate.processor;

import dev.migrate.dialect.SqlSyntax;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.processor.MappingContext.Validation;
import dev.migrate.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives the {@link Database} model from entity classes (and classes carrying Migrate's own
 * {@code @Table}), whether they were compiled in this compilation or are read from class files.
 * Reads annotations by name ({@link Annotations}); maps types as Hibernate 6.6 does on PostgreSQL
 * ({@link TypeMapping}); names things as {@link Naming} says; orders columns as Hibernate's DDL
 * does (identifier, discriminator, basic and embedded attributes sorted by name per class, then
 * join columns, then columns added by collections).
 *
 * <p>Each mapping concern is a class of its own, and this one lists the steps. The steps need no
 * recursion over the entity graph:
 *
 * <ol>
 *   <li>each entity's {@link Entity} (table, hierarchy, attributes, primary key columns), memoised
 *       per class ({@link EntityReader});
 *   <li>each entity's columns into its {@link TableDraft}s ({@link EntityTables}, attribute by
 *       attribute through {@link Attributes}: {@link BasicColumns}, {@link IdGenerators}, {@link
 *       Associations}), join columns taking their types from the referenced entity's primary key;
 *   <li>collections: join tables, collection tables, join columns on the target's table ({@link
 *       CollectionTables}, {@link ElementCollections}), in the order of Hibernate's collection
 *       second passes ({@link ModelDrafts#mapCollections});
 *   <li>table constraints ({@link TableConstraints}), then Migrate's plain {@code @Table} classes
 *       ({@link PlainTables});
 *   <li>the tables built, foreign keys following their referenced key's order ({@link
 *       PrimaryKeyOrder}), and the names that share a PostgreSQL namespace checked ({@link
 *       SchemaNamespace}).
 * </ol>
 *
 * <p>Never throws: a problem with one attribute is reported on it ({@link Problem}) and the next
 * one is mapped, so that one compilation shows every error. The model built after an error is
 * incomplete; callers do not write it. After an unmodelled mapping (a warning) it lacks what the
 * {@link Reporter} recorded, and the snapshot says so.
 */
final class ModelBuilder {

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Naming naming;
  private final boolean beanValidation;
  private final SqlSyntax syntax;
  private final Members members;
  private final ModelDrafts drafts;
  private List<TypeElement> entityTypes = List.of();
  private HibernateVersion hibernate = HibernateVersion.V6_6;

  /** The entities of this build that have an entity subclass. */
  private final Set<Entity> parents = Collections.newSetFromMap(new IdentityHashMap<>());

  private final EntityReader entities;
  private final EntityTables entityTables;
  private final Attributes attributes;
  private final BasicColumns basicColumns;
  private final IdGenerators idGenerators;
  private final Associations associations;
  private final CollectionTables collectionTables;
  private final ElementCollections elementCollections;
  private final TableConstraints tableConstraints;
  private final DiscriminatorChecks discriminatorChecks;
  private final Converters converters;

  /**
   * @param beanValidation whether Bean Validation annotations shape columns ({@code
   *     -Amigrate.beanValidation})
   * @param syntax how the target database reads a {@code columnDefinition} and quotes identifiers
   */
  ModelBuilder(
      Elements elements,
      Types types,
      Reporter reporter,
      Naming naming,
      boolean beanValidation,
      SqlSyntax syntax) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.naming = naming;
    this.beanValidation = beanValidation;
    this.syntax = syntax;
    this.members = new Members(types);
    this.drafts = new ModelDrafts(naming);
    // each concern keeps this builder to reach the others, so they are made once the shared parts
    // above exist
    this.entities = new EntityReader(this);
    this.entityTables = new EntityTables(this);
    this.attributes = new Attributes(this);
    this.basicColumns = new BasicColumns(this);
    this.idGenerators = new IdGenerators(this);
    this.associations = new Associations(this);
    this.collectionTables = new CollectionTables(this);
    this.elementCollections = new ElementCollections(this);
    this.tableConstraints = new TableConstraints(this);
    this.discriminatorChecks = new DiscriminatorChecks(this);
    this.converters = new Converters(types);
    reporter.columnNames(this::basicColumnName);
  }

  /**
   * This builder, mirroring the Hibernate release line {@code version} (6.6 unless called).
   *
   * @return this builder
   */
  ModelBuilder forHibernate(HibernateVersion version) {
    this.hibernate = version;
    drafts.hibernate = version;
    return this;
  }

  /** The Hibernate release line this builder mirrors. */
  HibernateVersion hibernate() {
    return hibernate;
  }

  /**
   * The column a basic attribute maps to ({@code @Column(name)} or its name, through the naming
   * strategy); {@code null} for an association, a collection or an embedded attribute, which map to
   * several columns or tables. For the problems the {@link Reporter} records.
   */
  private String basicColumnName(Members.Attribute a) {
    Element e = a.element();
    if (Annotations.firstJpa(
            e,
            "ManyToOne",
            "OneToOne",
            "OneToMany",
            "ManyToMany",
            "ElementCollection",
            "Embedded",
            "EmbeddedId")
        != null) {
      return null;
    }
    String written = Annotations.string(Annotations.jpa(e, "Column"), "name", "");
    return drafts.physical(written.isBlank() ? a.name() : written);
  }

  /**
   * The model of {@code entityTypes} and {@code tableTypes}; what cannot be mapped is reported and
   * left out.
   */
  Database build(List<TypeElement> entityTypes, List<TypeElement> tableTypes) {
    this.entityTypes = List.copyOf(entityTypes);
    List<Entity> infos = new ArrayList<>();
    for (TypeElement type : this.entityTypes) {
      Entity e = entities.entity(type);
      if (e != null) {
        infos.add(e);
      }
    }
    infos = bindingOrder(infos);
    List<Runnable> constraints = new ArrayList<>();
    parents.clear();
    infos.stream().filter(e -> e.parent() != null).forEach(e -> parents.add(e.parent()));
    for (Entity e : infos) {
      reporter.guard(e.type(), () -> entityTables.map(e, parents, constraints));
    }
    drafts.mapCollections();
    constraints.forEach(Runnable::run);
    discriminatorChecks.addChecks(infos);
    new PlainTables(this).build(tableTypes);

    List<TableDraft> tableDrafts = drafts.tables();
    List<Table> built = new ArrayList<>();
    for (TableDraft t : tableDrafts) {
      built.add(t.build());
    }
    built = PrimaryKeyOrder.foreignKeysFollowReferencedKeys(built);
    SchemaNamespace namespace = new SchemaNamespace(reporter);
    List<Snapshot.Member> found = new ArrayList<>();
    for (int i = 0; i < tableDrafts.size(); i++) {
      namespace.register(tableDrafts.get(i), built.get(i));
      capturedMembers(tableDrafts.get(i), built.get(i), found);
    }
    capturedMembers = List.copyOf(found);
    List<Snapshot.ConverterCheck> pending = new ArrayList<>();
    for (int i = 0; i < tableDrafts.size(); i++) {
      Table table = built.get(i);
      for (TableDraft.ConverterCheckAt c : tableDrafts.get(i).converterChecks) {
        if (table.column(c.column()).isPresent()) {
          BasicColumns.PendingConverterCheck p = c.check();
          pending.add(
              new Snapshot.ConverterCheck(
                  table.schema(),
                  table.name(),
                  c.column(),
                  c.name(),
                  p.columnSql(),
                  p.member(),
                  p.converter(),
                  p.domain(),
                  p.constants(),
                  p.literal()));
        }
      }
    }
    pending.sort(
        Comparator.comparing(Snapshot.ConverterCheck::qualifiedTable)
            .thenComparing(Snapshot.ConverterCheck::column)
            .thenComparing(Snapshot.ConverterCheck::name));
    converterChecks = List.copyOf(pending);
    for (ModelDrafts.DeclaredSequence s : drafts.sequences()) {
      namespace.register(s);
    }
    return new Database(
        built,
        drafts.sequences().stream().map(ModelDrafts.DeclaredSequence::sequence).toList(),
        drafts.enumTypes());
  }

  /**
   * The Java members behind the tables and basic columns of the last {@link #build}: the class of
   * each table a class declares, the field or getter of each identifier and basic column (those
   * {@code @RenamedFrom} applies to).
   */
  List<Snapshot.Member> capturedMembers() {
    return capturedMembers;
  }

  private List<Snapshot.Member> capturedMembers = List.of();

  /**
   * The converter checks of the last {@link #build}, to resolve when the model is read ({@link
   * Snapshot.Capture#converterChecks()}), by table, column and name.
   */
  List<Snapshot.ConverterCheck> converterChecks() {
    return converterChecks;
  }

  private List<Snapshot.ConverterCheck> converterChecks = List.of();

  private static void capturedMembers(TableDraft draft, Table table, List<Snapshot.Member> into) {
    if (draft.element instanceof TypeElement type) {
      into.add(
          new Snapshot.Member(
              table.qualifiedName(), null, Annotations.text(type.getQualifiedName())));
    }
    for (TableDraft.Slot slot : draft.columns.values()) {
      if ((slot.phase() == TableDraft.Phase.ID || slot.phase() == TableDraft.Phase.BASIC)
          && slot.element() != null
          && (slot.element().getKind().isField() || slot.element().getKind() == ElementKind.METHOD)
          && slot.element().getEnclosingElement() instanceof TypeElement owner) {
        into.add(
            new Snapshot.Member(
                table.qualifiedName(),
                slot.column().name(),
                Annotations.text(owner.getQualifiedName()) + "." + slot.element().getSimpleName()));
      }
    }
  }

  /**
   * {@code entities} in the order Hibernate binds them ({@code
   * AnnotationMetadataSourceProcessorImpl.orderAndFillHierarchy}): in the order of their class
   * names (as an application's scan and the tests hand them over), each preceded by its entity
   * superclasses not yet bound, root first. The columns of a single-table hierarchy, and its
   * discriminator values, follow this order.
   */
  List<Entity> bindingOrder(List<Entity> entities) {
    List<Entity> byName = new ArrayList<>(entities);
    byName.sort(Comparator.comparing(e -> binaryName(e.type())));
    Set<Entity> bound = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Entity> result = new ArrayList<>();
    for (Entity e : byName) {
      List<Entity> chain = new ArrayList<>();
      for (Entity p = e; p != null && !bound.contains(p); p = p.parent()) {
        chain.add(0, p);
      }
      for (Entity p : chain) {
        if (bound.add(p)) {
          result.add(p);
        }
      }
    }
    return result;
  }

  // --- what the steps share ---

  /**
   * Whether rows of {@code e} may live in several tables, so that no foreign key can reference its
   * table: a {@code TABLE_PER_CLASS} entity that is abstract (its table is not created) or has an
   * entity subclass (whose rows are in the subclass's table). Hibernate does not create such a
   * foreign key ({@code ForeignKey.isPhysicalConstraint}: the referenced table is physical and has
   * no {@code DenormalizedTable}s).
   */
  boolean isUnion(Entity e) {
    return e.strategy().equals("TABLE_PER_CLASS")
        && (e.type().getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
            || parents.contains(e));
  }

  String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }

  /**
   * The entity classes of this build, for generator names, which JPA makes global to the
   * persistence unit.
   */
  List<TypeElement> entityTypes() {
    return entityTypes;
  }

  /** Bean Validation on an entity's own attributes ({@link Validation#top}). */
  Validation topValidation() {
    return Validation.top(beanValidation);
  }

  Naming naming() {
    return naming;
  }

  Reporter reporter() {
    return reporter;
  }

  Types types() {
    return types;
  }

  Elements elements() {
    return elements;
  }

  /** The converters of the compilation, the auto-applied ones registered by the processor. */
  Converters converters() {
    return converters;
  }

  Members members() {
    return members;
  }

  SqlSyntax syntax() {
    return syntax;
  }

  ModelDrafts drafts() {
    return drafts;
  }

  /** The draft of table {@code schema.name} ({@link ModelDrafts#table}). */
  TableDraft table(String schema, String name, Element element, AnnotationMirror mirror) {
    return drafts.table(schema, name, element, mirror);
  }

  boolean hasTable(String schema, String name) {
    return drafts.hasTable(schema, name);
  }

  // --- the concerns, for one another ---

  EntityReader entities() {
    return entities;
  }

  EntityTables entityTables() {
    return entityTables;
  }

  Attributes attributes() {
    return attributes;
  }

  BasicColumns basicColumns() {
    return basicColumns;
  }

  IdGenerators idGenerators() {
    return idGenerators;
  }

  Associations associations() {
    return associations;
  }

  CollectionTables collectionTables() {
    return collectionTables;
  }

  ElementCollections elementCollections() {
    return elementCollections;
  }

  TableConstraints tableConstraints() {
    return tableConstraints;
  }

  DiscriminatorChecks discriminatorChecks() {
    return discriminatorChecks;
  }
}
