package dev.migrate.processor;

import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.integer;
import static dev.migrate.processor.Annotations.isSet;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.strings;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.processor.Members.Access;
import dev.migrate.processor.Members.Attribute;
import dev.migrate.processor.TableDraft.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives the {@link Database} model from entity classes (and classes carrying Migrate's own {@code @Table}), whether
 * they were compiled in this compilation or are read from class files. Reads annotations by name
 * ({@link Annotations}); maps types as Hibernate 6.6 does on PostgreSQL ({@link TypeMapping}); names things as
 * {@link Naming} says; orders columns as Hibernate's DDL does (identifier, discriminator, basic and embedded
 * attributes sorted by name per class, then join columns, then columns added by collections).
 *
 * <p>Works in steps so that relationships need no recursion over the entity graph: first each entity's
 * {@link Entity} (table, hierarchy, attributes, primary key columns), memoised per class; then each entity's
 * columns into its {@link TableDraft}s, join columns taking their types from the referenced entity's primary key;
 * then collections (join tables, collection tables, join columns on the target's table); then table constraints.
 *
 * <p>Never throws: a problem with one attribute is reported on it ({@link Problem}) and the next one is mapped, so
 * that one compilation shows every error. The model built after an error is incomplete; callers do not write it.
 */
final class ModelBuilder {

  static final String HIBERNATE = "org.hibernate.annotations.";
  private static final String MIGRATE = "dev.migrate.annotations.";
  private static final String ON_DELETE = HIBERNATE + "OnDelete";
  private static final String GENERIC_GENERATOR = HIBERNATE + "GenericGenerator";
  private static final List<String> BEAN_VALIDATION = List.of("jakarta.validation.", "javax.validation.");

  /** Hibernate's {@code SqlTypes.JSON}, {@code NAMED_ENUM}, {@code NAMED_ORDINAL_ENUM}, {@code CLOB}... */
  private static final int SQL_JSON = 3001;
  private static final int SQL_NAMED_ENUM = 6001;
  /** The attribute path of an element collection's embeddable ({@code value.}, JPA's prefix for a map value). */
  private static final String ELEMENT_PATH = "value.";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Naming naming;
  private final boolean beanValidation;
  private final Members members;

  /** Entities by binary class name; a {@code null} value marks one that failed or is being computed. */
  private final Map<String, Entity> entityInfo = new HashMap<>();
  private List<TypeElement> entities = List.of();
  private final Map<String, TableDraft> tables = new LinkedHashMap<>();
  private final Map<String, DeclaredSequence> sequences = new LinkedHashMap<>();
  private final Map<String, EnumType> enumTypes = new LinkedHashMap<>();
  private final List<Runnable> collections = new ArrayList<>();
  /** The most recent Hibernate spelling of each stored name ({@link #physical}). */
  private final Map<String, String> spellings = new HashMap<>();

  ModelBuilder(Elements elements, Types types, Reporter reporter, Naming naming, boolean beanValidation) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.naming = naming;
    this.beanValidation = beanValidation;
    this.members = new Members(types);
  }

  /**
   * What other entities need to know about an entity.
   *
   * @param parent the nearest superclass that is an entity, or {@code null} for a hierarchy root
   * @param strategy the hierarchy's {@code InheritanceType} constant
   * @param attributes what this entity maps into its own table(s): its own and its mapped superclasses' (for
   *     {@code TABLE_PER_CLASS} also those of its entity superclasses), identifier attributes excluded
   * @param idColumns the primary key columns of its table, as a join column copies them (no identity)
   */
  record Entity(TypeElement type, AnnotationMirror annotation, String jpaName, Entity parent, String strategy,
      String schema, String table, Access access, List<Attribute> attributes, List<Attribute> ids,
      List<Column> idColumns, Column generatedIdColumn, AnnotationMirror idClass) {

    Entity root() {
      Entity e = this;
      while (e.parent() != null) {
        e = e.parent();
      }
      return e;
    }

    String qualifiedTable() {
      return schema == null ? table : schema + "." + table;
    }

    boolean singleTableSubclass() {
      return parent != null && strategy.equals("SINGLE_TABLE");
    }
  }

  private record DeclaredSequence(Sequence sequence, Attribute attribute) {}

  /** A column with the check constraints its type needs (enums, Bean Validation, {@code @Check}). */
  private record Mapped(Column column, List<String> checks, boolean unique) {}

  /**
   * Where attributes are being mapped: the table, the attribute path so far ({@code "address."}), the overrides
   * in force (by full attribute path), and what the context forces on nullability.
   */
  private record Context(Validation validation, Entity entity, TableDraft table, String path,
      Map<String, AnnotationMirror> columnOverrides, Map<String, AnnotationMirror> associationOverrides,
      boolean forceNullable, boolean forceNotNull, Phase phase, Access access) {}

  /**
   * Which Bean Validation constraints shape the columns of a context, as Hibernate 6.6's
   * {@code TypeSafeActivator.applyDDL} applies them: all of them on an entity's own attributes; inside an embedded
   * attribute only when that attribute is {@code @Valid} (cascaded), and {@code @NotNull} there only when the
   * embedded attribute is {@code @NotNull} itself (and so on for each level of nesting); none in collection tables.
   */
  private enum Validation { FULL, WITHOUT_NOT_NULL, NONE }

  // --- the whole model ---

  /** The model of {@code entityTypes} and {@code tableTypes}; what cannot be mapped is reported and left out. */
  Database build(List<TypeElement> entityTypes, List<TypeElement> tableTypes) {
    this.entities = List.copyOf(entityTypes);
    List<Entity> infos = new ArrayList<>();
    for (TypeElement type : entities) {
      Entity e = entity(type);
      if (e != null) {
        infos.add(e);
      }
    }
    infos.sort(Comparator.comparingInt(ModelBuilder::depth)
        .thenComparing(e -> elements.getBinaryName(e.type()).toString()));
    List<Runnable> tableConstraints = new ArrayList<>();
    Set<Entity> parents = Collections.newSetFromMap(new IdentityHashMap<>());
    infos.stream().filter(e -> e.parent() != null).forEach(e -> parents.add(e.parent()));
    for (Entity e : infos) {
      guard(e.type(), () -> mapEntity(e, parents, tableConstraints));
    }
    for (Runnable collection : collections) {
      collection.run();
    }
    tableConstraints.forEach(Runnable::run);
    new PlainTables(this).build(tableTypes);

    List<TableDraft> drafts = new ArrayList<>(tables.values());
    List<Table> built = new ArrayList<>();
    for (TableDraft t : drafts) {
      built.add(t.build());
    }
    built = followReferencedKeyOrder(built);
    Namespace namespace = new Namespace();
    for (int i = 0; i < drafts.size(); i++) {
      namespace.register(drafts.get(i), built.get(i));
    }
    for (DeclaredSequence s : sequences.values()) {
      namespace.register(s);
    }
    return new Database(built, sequences.values().stream().map(DeclaredSequence::sequence).toList(),
        List.copyOf(enumTypes.values()));
  }

  /**
   * The tables with each foreign key of several columns to a primary key listing its column pairs in that key's
   * order, as Hibernate 6.6 reorders them after {@link PrimaryKeyOrder} ({@code MetadataImpl.orderColumns}). An
   * unnamed foreign key is named after its columns in the new order, as PostgreSQL would name it.
   */
  private static List<Table> followReferencedKeyOrder(List<Table> built) {
    Map<String, List<String>> keys = new HashMap<>();
    for (Table t : built) {
      if (t.primaryKey() != null) {
        keys.put(t.schema() + "\u0000" + t.name(), t.primaryKey().columns());
      }
    }
    List<Table> result = new ArrayList<>();
    for (Table t : built) {
      List<ForeignKey> foreignKeys = new ArrayList<>();
      boolean changed = false;
      for (ForeignKey f : t.foreignKeys()) {
        List<String> key = keys.get(f.referencedSchema() + "\u0000" + f.referencedTable());
        if (f.columns().size() < 2 || key == null || f.referencedColumns().equals(key)
            || !new java.util.HashSet<>(f.referencedColumns()).equals(new java.util.HashSet<>(key))) {
          foreignKeys.add(f);
          continue;
        }
        List<String> columns = new ArrayList<>();
        for (String referenced : key) {
          columns.add(f.columns().get(f.referencedColumns().indexOf(referenced)));
        }
        String name = f.name().equals(Naming.objectName(t.name(), f.columns(), "fkey"))
            ? Naming.objectName(t.name(), columns, "fkey") : f.name();
        foreignKeys.add(new ForeignKey(name, columns, f.referencedSchema(), f.referencedTable(), key, f.onDelete(),
            f.onUpdate(), f.deferrable(), f.initiallyDeferred()));
        changed = true;
      }
      result.add(changed ? t.withForeignKeys(foreignKeys) : t);
    }
    return result;
  }

  private void guard(Element element, Runnable work) {
    try {
      work.run();
    } catch (Problem p) {
      reporter.report(p);
    } catch (RuntimeException e) {
      reporter.internal(element, e);
    }
  }

  private static int depth(Entity e) {
    int d = 0;
    for (Entity p = e.parent(); p != null; p = p.parent()) {
      d++;
    }
    return d;
  }

  String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
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

  Members members() {
    return members;
  }

  /** The draft of table {@code schema.name}, created on first use with {@code element} as its owner. */
  TableDraft table(String schema, String name, Element element, AnnotationMirror mirror) {
    return tables.computeIfAbsent(schema + "\u0000" + name, k -> {
      TableDraft t = new TableDraft(schema, name, element, mirror);
      t.spellingSource = spellings;
      return t;
    });
  }

  /**
   * {@link Naming#physical}, remembering how Hibernate spells the name before PostgreSQL folds it, for the order of
   * primary key columns ({@link PrimaryKeyOrder}).
   */
  private String physical(String written) {
    String stored = naming.physical(written);
    spellings.put(stored, naming.spelling(written));
    return stored;
  }

  boolean hasTable(String schema, String name) {
    return tables.containsKey(schema + "\u0000" + name);
  }

  // --- entities ---

  /** The entity {@code type}, computed once; {@code null} if it cannot be mapped (reported). */
  Entity entity(TypeElement type) {
    String key = elements.getBinaryName(type).toString();
    if (entityInfo.containsKey(key)) {
      return entityInfo.get(key);
    }
    entityInfo.put(key, null);
    Entity entity = null;
    try {
      entity = computeEntity(type);
    } catch (Problem p) {
      reporter.report(p);
    } catch (RuntimeException e) {
      reporter.internal(type, e);
    }
    entityInfo.put(key, entity);
    return entity;
  }

  private Entity computeEntity(TypeElement type) {
    AnnotationMirror annotation = jpa(type, "Entity");
    if (Annotations.find(type, MIGRATE + "Table") != null) {
      throw new Problem(Message.MIGRATE_TABLE_ON_ENTITY, type, Annotations.find(type, MIGRATE + "Table"), null,
          simpleName(type));
    }
    String jpaName = string(annotation, "name", "");
    if (jpaName.isBlank()) {
      jpaName = type.getSimpleName().toString();
    }
    // the superclasses up to the nearest entity: mapped superclasses whose attributes this entity maps
    List<TypeElement> levels = new ArrayList<>();
    levels.add(type);
    TypeElement parentType = null;
    List<TypeElement> above = new ArrayList<>(); // mapped superclasses and entities above the parent, for access
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement s = (TypeElement) types.asElement(superclass);
      if (s.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      if (hasJpa(s, "Entity") && parentType == null) {
        parentType = s;
      }
      if (parentType == null && hasJpa(s, "MappedSuperclass")) {
        levels.add(0, s);
      }
      above.add(0, s);
      superclass = s.getSuperclass();
    }
    Entity parent = parentType == null ? null : entity(parentType);
    if (parentType != null && parent == null) {
      return null; // reported on the parent
    }
    List<TypeElement> accessLevels = new ArrayList<>(above);
    accessLevels.addAll(levels);
    Access access = parent != null && Members.explicitAccess(type) == null ? parent.access()
        : Members.inferAccess(accessLevels);

    String strategy = parent != null ? parent.strategy()
        : enumConstant(jpa(type, "Inheritance"), "strategy", "SINGLE_TABLE");

    String schema;
    String table;
    if (parent != null && strategy.equals("SINGLE_TABLE")) {
      schema = parent.schema();
      table = parent.table();
    } else {
      AnnotationMirror tableAnnotation = jpa(type, "Table");
      String tableName = string(tableAnnotation, "name", "");
      String schemaName = string(tableAnnotation, "schema", "");
      table = physical(tableName.isBlank() ? jpaName : tableName);
      schema = schemaName.isBlank() ? null : physical(schemaName);
    }

    List<Attribute> attributes = new ArrayList<>();
    if (parent != null && strategy.equals("TABLE_PER_CLASS")) {
      attributes.addAll(parent.attributes());
    }
    for (TypeElement level : levels) {
      attributes.addAll(members.declared(level, type, access));
    }
    if (parent != null) {
      return new Entity(type, annotation, jpaName, parent, strategy, schema, table, access, attributes,
          parent.ids(), subclassIdColumns(type, parent, strategy), null, parent.idClass());
    }
    List<Attribute> ids = new ArrayList<>();
    for (Attribute a : attributes) {
      if (hasJpa(a.element(), "Id") || hasJpa(a.element(), "EmbeddedId")) {
        ids.add(a);
      }
    }
    attributes.removeAll(ids);
    if (ids.isEmpty()) {
      throw new Problem(Message.ENTITY_WITHOUT_ID, type, annotation, null, simpleName(type));
    }
    AnnotationMirror idClass = jpa(type, "IdClass");
    Entity partial = new Entity(type, annotation, jpaName, null, strategy, schema, table, access, attributes, ids,
        List.of(), null, idClass);
    List<Column> idColumns = new ArrayList<>();
    Column generated = null;
    for (Attribute id : ids) {
      Context context = new Context(topValidation(), partial, null, "", entityOverrides(type, "AttributeOverride"),
          entityOverrides(type, "AssociationOverride"), false, true, Phase.ID, access);
      for (Column c : idColumns(context, id)) {
        idColumns.add(c.withIdentity(null).withNullable(false));
      }
    }
    for (Attribute a : attributes) {
      AnnotationMirror mapsId = jpa(a.element(), "MapsId");
      AnnotationMirror toOne = firstJpa(a.element(), "ManyToOne", "OneToOne");
      if (mapsId == null || toOne == null) {
        continue;
      }
      Entity target = target(a, toOne, a.type());
      if (target == null || target.idColumns().isEmpty()) {
        continue;
      }
      List<Column> joins = joinColumnList(a, target, writtenJoinColumns(a), a.name(), false, false);
      String part = string(mapsId, "value", "");
      List<String> replaced = new ArrayList<>();
      if (part.isEmpty()) {
        idColumns.forEach(c -> replaced.add(c.name()));
      } else {
        for (Attribute id : ids) {
          if (hasJpa(id.element(), "EmbeddedId") && id.type().getKind() == TypeKind.DECLARED) {
            for (Attribute inner : embeddableAttributes((TypeElement) types.asElement(id.type()), access)) {
              if (inner.name().equals(part)) {
                Context c = new Context(topValidation(), partial, null, id.name() + ".",
                    entityOverrides(type, "AttributeOverride"), Map.of(), false, true, Phase.ID, access);
                idColumns(c, inner).forEach(col -> replaced.add(col.name()));
              }
            }
          }
        }
      }
      List<Column> result = new ArrayList<>();
      for (Column c : idColumns) {
        if (!replaced.contains(c.name())) {
          result.add(c);
        } else if (result.stream().noneMatch(r -> r.name().equals(joins.get(0).name()))) {
          joins.forEach(j -> result.add(j.withNullable(false)));
        }
      }
      idColumns = result;
    }
    if (ids.size() == 1 && hasJpa(ids.get(0).element(), "Id") && idColumns.size() == 1
        && idColumns.get(0).name().equals(physical(columnName(ids.get(0))))) {
      generated = idColumns.get(0);
    }
    return new Entity(type, annotation, jpaName, null, strategy, schema, table, access, attributes, ids, idColumns,
        generated, idClass);
  }

  private static String columnName(Attribute a) {
    String written = string(jpa(a.element(), "Column"), "name", "");
    return written.isBlank() ? a.name() : written;
  }

  /** The {@code @JoinColumn}s written on an association attribute ({@code @JoinColumns} or repeated). */
  private static List<AnnotationMirror> writtenJoinColumns(Attribute a) {
    AnnotationMirror joins = jpa(a.element(), "JoinColumns");
    return joins != null ? annotations(joins, "value") : jpaRepeated(a.element(), "JoinColumn");
  }

  /** A subclass's primary key: the root's, renamed by {@code @PrimaryKeyJoinColumn}s for {@code JOINED}. */
  private List<Column> subclassIdColumns(TypeElement type, Entity parent, String strategy) {
    if (!strategy.equals("JOINED")) {
      return parent.idColumns();
    }
    List<AnnotationMirror> joins = jpaRepeated(type, "PrimaryKeyJoinColumn");
    List<Column> result = new ArrayList<>();
    for (int i = 0; i < parent.idColumns().size(); i++) {
      Column c = parent.idColumns().get(i);
      String written = i < joins.size() ? string(joins.get(i), "name", "") : "";
      result.add(written.isBlank() ? c : new Column(physical(written), c.type(), false, null, null));
    }
    return result;
  }

  /** The identifier columns of one {@code @Id} or {@code @EmbeddedId} attribute. */
  private List<Column> idColumns(Context context, Attribute id) {
    TableDraft scratch = new TableDraft(context.entity().schema(), context.entity().table(), id.element(), null);
    Context c = new Context(context.validation(), context.entity(), scratch, "", context.columnOverrides(),
        context.associationOverrides(), false, true, Phase.ID, context.access());
    mapAttribute(c, id);
    return scratch.columns.values().stream().map(TableDraft.Slot::column).toList();
  }

  /** {@code @AttributeOverride}s (or {@code @AssociationOverride}s) on an entity, by attribute path. */
  private static Map<String, AnnotationMirror> entityOverrides(Element type, String kind) {
    Map<String, AnnotationMirror> result = new HashMap<>();
    for (AnnotationMirror o : jpaRepeated(type, kind)) {
      result.putIfAbsent(string(o, "name", ""), o);
    }
    return result;
  }

  // --- an entity's tables ---

  /** Maps {@code e} into its table; {@code parents} are the entities that have an entity subclass. */
  private void mapEntity(Entity e, Set<Entity> parents, List<Runnable> tableConstraints) {
    if (e.strategy().equals("TABLE_PER_CLASS") && e.type().getModifiers().contains(Modifier.ABSTRACT)) {
      if (e.parent() == null && e.generatedIdColumn() != null) {
        guard(e.type(), () -> generation(e, e.ids().get(0), e.generatedIdColumn()));
      }
      return; // Hibernate's abstract union table: no table of its own, but the hierarchy's generator
    }
    TableDraft t = table(e.schema(), e.table(), e.type(), tableAnnotationOrEntity(e.type()));
    boolean hasSubclasses = parents.contains(e);
    Context context = new Context(topValidation(), e, t, "", entityOverrides(e.type(), "AttributeOverride"),
        entityOverrides(e.type(), "AssociationOverride"), e.singleTableSubclass(), false, Phase.BASIC, e.access());

    if (!e.singleTableSubclass()) {
      List<String> pk = e.idColumns().stream().map(Column::name).toList();
      t.primaryKey = pk;
      if (e.parent() == null) {
        List<String> before = new ArrayList<>(t.columns.keySet());
        for (Attribute id : e.ids()) {
          guardMember(t, id, () -> mapId(e, t, id));
        }
        // @MapsId: identifier columns that the association's join columns replace are not created
        t.columns.keySet().removeIf(c -> !before.contains(c) && !pk.contains(c));
      } else {
        for (Column c : e.idColumns()) {
          t.add(c, simpleName(e.type()), binaryName(e.type()), e.type(), false,
              e.strategy().equals("JOINED") ? Phase.SUBCLASS_KEY : Phase.ID);
        }
        if (e.strategy().equals("JOINED")) {
          Entity parent = e.parent();
          AnnotationMirror fk = annotation(jpa(e.type(), "PrimaryKeyJoinColumn"), "foreignKey");
          foreignKey(t, pk, parent, fk, e.type(), null);
        }
      }
    }
    boolean explicitDiscriminator = jpa(e.type(), "DiscriminatorColumn") != null;
    if (e.parent() == null && !e.strategy().equals("TABLE_PER_CLASS")
        && (explicitDiscriminator || hasSubclasses && e.strategy().equals("SINGLE_TABLE"))) {
      discriminator(e, t);
    }
    for (Attribute a : e.attributes()) {
      guardMember(t, a, () -> mapAttribute(context, a));
    }
    tableConstraints.add(() -> guard(e.type(), () -> entityTable(e, t)));
  }

  private void guardMember(TableDraft t, Attribute a, Runnable work) {
    try {
      work.run();
    } catch (Problem p) {
      reporter.report(p);
      t.failed = true;
    } catch (RuntimeException ex) {
      reporter.internal(a.element(), ex);
      t.failed = true;
    }
  }

  private void mapId(Entity e, TableDraft t, Attribute id) {
    Context context = new Context(topValidation(), e, t, "", entityOverrides(e.type(), "AttributeOverride"),
        entityOverrides(e.type(), "AssociationOverride"), false, true, Phase.ID, e.access());
    if (hasJpa(id.element(), "EmbeddedId") || firstJpa(id.element(), "ManyToOne", "OneToOne") != null) {
      mapAttribute(context, id);
      return;
    }
    Mapped mapped = basicColumn(context, id);
    Column plain = mapped.column().withNullable(false);
    Column column = e.generatedIdColumn() != null ? generation(e, id, plain) : plain;
    addColumn(context, id, column, readOnly(jpa(id.element(), "Column")));
    mapped.checks().forEach(check -> t.addCheck(column.name(), check));
  }

  /** Hibernate's discriminator column: {@code DTYPE varchar(31) not null} unless {@code @DiscriminatorColumn}. */
  private void discriminator(Entity e, TableDraft t) {
    AnnotationMirror d = jpa(e.type(), "DiscriminatorColumn");
    String name = physical(string(d, "name", "DTYPE"));
    String kind = enumConstant(d, "discriminatorType", "STRING");
    String definition = string(d, "columnDefinition", "").trim();
    SqlType type;
    if (!definition.isEmpty()) {
      type = TypeMapping.parseDefinition(definition);
    } else if (kind.equals("CHAR")) {
      type = SqlType.character(1);
    } else if (kind.equals("INTEGER")) {
      type = SqlType.integer();
    } else {
      type = SqlType.varchar(integer(d, "length", 31));
    }
    t.add(new Column(name, type, false, null, null), simpleName(e.type()), binaryName(e.type()), e.type(), false,
        Phase.DISCRIMINATOR);
  }

  /** The table-level annotations of an entity: constraints, indexes, checks, comment, rename hint, secondaries. */
  private void entityTable(Entity e, TableDraft t) {
    if (!e.singleTableSubclass()) {
      AnnotationMirror table = jpa(e.type(), "Table");
      uniqueConstraints(t, e.type(), table, "uniqueConstraints");
      jpaIndexes(t, e.type(), table, "indexes");
      String comment = hibernateComment(e.type());
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
    migrateIndexes(t, e.type());
  }

  // --- attributes ---

  /** Maps one attribute (basic, embedded, association, collection) in {@code context}. */
  private void mapAttribute(Context context, Attribute a) {
    Element e = a.element();
    if (a.type().getKind() == TypeKind.ERROR) {
      return; // javac reports the unresolved type itself
    }
    AnnotationMirror toOne = firstJpa(e, "ManyToOne", "OneToOne");
    if (toOne != null) {
      joinColumns(context, a, toOne);
      return;
    }
    AnnotationMirror collection = firstJpa(e, "OneToMany", "ManyToMany", "ElementCollection");
    if (collection != null) {
      if (context.phase() != Phase.ID) {
        collections.add(() -> guardMember(context.table(), a, () -> collection(context, a, collection)));
      }
      return;
    }
    AnnotationMirror embedded = firstJpa(e, "Embedded", "EmbeddedId");
    if (embedded != null || embeddable(a.type()) != null && jpa(e, "Convert") == null) {
      embedded(context, a);
      return;
    }
    if (jpa(e, "MapsId") != null) {
      throw new Problem(Message.MAPS_ID_WITHOUT_ASSOCIATION, e, jpa(e, "MapsId"), null, a.describe());
    }
    Mapped mapped = basicColumn(context, a);
    TableDraft target = secondaryTable(context, a, jpa(e, "Column"));
    Context inTarget = target == context.table() ? context : new Context(context.validation(), context.entity(),
        target, context.path(), context.columnOverrides(), context.associationOverrides(), context.forceNullable(), context.forceNotNull(),
        context.phase(), context.access());
    addColumn(inTarget, a, mapped.column(), readOnly(override(context, a)));
    for (String check : mapped.checks()) {
      target.addCheck(mapped.column().name(), check);
    }
    if (mapped.unique()) {
      target.addUnique(List.of(mapped.column().name()), null);
    }
  }

  private void addColumn(Context context, Attribute a, Column column, boolean readOnly) {
    String ownerKey = ownerKey(context, a);
    TableDraft.Slot existing = context.table().add(column, a.describe(), ownerKey, a.element(), readOnly,
        context.phase());
    if (existing == null) {
      return;
    }
    if (!existing.ownerKey().equals(ownerKey)) {
      if (existing.column().equals(column)) {
        return; // the same column, mapped the same way by another entity on the table
      }
      throw new Problem(Message.COLUMN_CONFLICT, a.element(), null, null, a.describe(), column.name(),
          context.table().qualifiedName(), describeColumn(column), existing.owner(),
          describeColumn(existing.column()));
    }
    throw new Problem(Message.DUPLICATE_COLUMN, a.element(), null, null, a.describe(), column.name(),
        context.table().qualifiedName(), existing.owner());
  }

  private String ownerKey(Context context, Attribute a) {
    TypeElement owner = context.entity() != null ? context.entity().type() : a.owner();
    return elements.getBinaryName(owner).toString();
  }

  private static String describeColumn(Column c) {
    return c.type() + (c.nullable() ? "" : " not null") + (c.defaultValue() == null ? "" : " default "
        + c.defaultValue());
  }

  /** The table an attribute's {@code @Column(table = ...)} names: a {@code @SecondaryTable} of the entity. */
  private TableDraft secondaryTable(Context context, Attribute a, AnnotationMirror column) {
    String written = string(override(context, a) != null ? override(context, a) : column, "table", "");
    if (written.isBlank() || context.entity() == null) {
      return context.table();
    }
    Entity e = context.entity();
    for (AnnotationMirror secondary : jpaRepeated(e.type(), "SecondaryTable")) {
      if (physical(string(secondary, "name", "")).equals(physical(written))) {
        return secondaryDraft(e, secondary);
      }
    }
    throw new Problem(Message.UNKNOWN_SECONDARY_TABLE, a.element(), column, value(column, "table"), a.describe(),
        written, simpleName(e.type()));
  }

  private TableDraft secondaryDraft(Entity e, AnnotationMirror secondary) {
    String schemaName = string(secondary, "schema", "");
    String schema = schemaName.isBlank() ? null : physical(schemaName);
    String name = physical(string(secondary, "name", ""));
    boolean created = !hasTable(schema, name);
    TableDraft t = table(schema, name, e.type(), secondary);
    if (created) {
      List<AnnotationMirror> joins = annotations(secondary, "pkJoinColumns");
      List<String> pk = new ArrayList<>();
      for (int i = 0; i < e.idColumns().size(); i++) {
        Column c = e.idColumns().get(i);
        String written = i < joins.size() ? string(joins.get(i), "name", "") : "";
        Column copy = new Column(written.isBlank() ? c.name() : physical(written), c.type(), false, null,
            null);
        t.add(copy, simpleName(e.type()), binaryName(e.type()), e.type(), false, Phase.SUBCLASS_KEY);
        pk.add(copy.name());
      }
      t.primaryKey = pk;
      foreignKey(t, pk, e, annotation(secondary, "foreignKey"), e.type(), null);
      uniqueConstraints(t, e.type(), secondary, "uniqueConstraints");
      jpaIndexes(t, e.type(), secondary, "indexes");
    }
    return t;
  }

  /** The {@code @AttributeOverride} in force for {@code a} (outermost first), else its own {@code @Column}. */
  private static AnnotationMirror override(Context context, Attribute a) {
    AnnotationMirror o = context.columnOverrides().get(context.path() + a.name());
    return o != null ? annotation(o, "column") : jpa(a.element(), "Column");
  }

  // --- embeddables ---

  private TypeElement embeddable(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = types.asElement(type);
    return hasJpa(element, "Embeddable") ? (TypeElement) element : null;
  }

  private void embedded(Context context, Attribute a) {
    if (a.type().getKind() != TypeKind.DECLARED) {
      throw new Problem(Message.EMBEDDED_NOT_A_CLASS, a.element(), null, null, a.describe(), a.type());
    }
    TypeElement type = (TypeElement) types.asElement(a.type());
    Map<String, AnnotationMirror> columns = new HashMap<>(context.columnOverrides());
    Map<String, AnnotationMirror> associations = new HashMap<>(context.associationOverrides());
    String prefix = context.path() + a.name() + ".";
    for (AnnotationMirror o : jpaRepeated(a.element(), "AttributeOverride")) {
      columns.putIfAbsent(prefix + string(o, "name", ""), o);
    }
    for (AnnotationMirror o : jpaRepeated(a.element(), "AssociationOverride")) {
      associations.putIfAbsent(prefix + string(o, "name", ""), o);
    }
    Context inner = new Context(embeddedValidation(context, a), context.entity(), context.table(), prefix, columns,
        associations, context.forceNullable(), context.forceNotNull() || hasJpa(a.element(), "EmbeddedId"), context.phase(),
        context.access());
    for (Attribute attribute : embeddableAttributes(type, context.access())) {
      mapAttribute(inner, attribute);
    }
  }

  /** Bean Validation on an entity's own attributes: all of it, or none with {@code -Amigrate.beanValidation=none}. */
  private Validation topValidation() {
    return beanValidation ? Validation.FULL : Validation.NONE;
  }

  /**
   * Bean Validation inside the embedded attribute {@code a}: Hibernate 6.6 ({@code TypeSafeActivator.applyDDL})
   * descends into a composite property only when it is cascaded ({@code @Valid}), and applies {@code @NotNull} below
   * it only when the composite itself is {@code @NotNull}.
   */
  private Validation embeddedValidation(Context context, Attribute a) {
    if (context.validation() == Validation.NONE || beanValidation(a.element(), "Valid", "") == null) {
      return Validation.NONE;
    }
    return context.validation() == Validation.FULL && beanValidation(a.element(), "NotNull") != null
        ? Validation.FULL : Validation.WITHOUT_NOT_NULL;
  }

  /** An embeddable's attributes: its mapped superclasses' first, each class sorted by name. */
  List<Attribute> embeddableAttributes(TypeElement type, Access inherited) {
    List<TypeElement> levels = new ArrayList<>();
    levels.add(type);
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement s = (TypeElement) types.asElement(superclass);
      if (!hasJpa(s, "MappedSuperclass") && !hasJpa(s, "Embeddable")) {
        break;
      }
      levels.add(0, s);
      superclass = s.getSuperclass();
    }
    Access access = Members.explicitAccess(type) != null ? Members.explicitAccess(type) : inherited;
    List<Attribute> result = new ArrayList<>();
    for (TypeElement level : levels) {
      result.addAll(members.declared(level, type, access));
    }
    return result;
  }

  // --- basic columns ---

  /** The column of a basic attribute, with the check constraints it needs; no identity, no primary key rules. */
  private Mapped basicColumn(Context context, Attribute a) {
    Element e = a.element();
    AnnotationMirror col = override(context, a);
    String written = string(col, "name", "");
    String name = physical(written.isBlank() ? a.name() : written);
    return basicColumn(context, a, e, a.type(), col, name, jpa(e, "Enumerated"), jpa(e, "Temporal"));
  }

  private Mapped basicColumn(Context context, Attribute a, Element e, TypeMirror javaType, AnnotationMirror col,
      String name, AnnotationMirror enumerated, AnnotationMirror temporalAnnotation) {
    int length = integer(col, "length", TypeMapping.DEFAULT_LENGTH);
    if (isSet(col, "length") && length <= 0) {
      throw new Problem(Message.LENGTH_NOT_POSITIVE, e, col, value(col, "length"), length, a.describe());
    }
    int precision = integer(col, "precision", 0);
    int scale = integer(col, "scale", 0);
    if (precision > 0 && precision < scale) {
      throw new Problem(Message.PRECISION_LESS_THAN_SCALE, e, col, value(col, "scale"), precision, scale,
          a.describe());
    }
    boolean notNullByValidation = false;
    List<String> checks = new ArrayList<>();
    if (context.validation() != Validation.NONE) {
      AnnotationMirror size = beanValidation(e, "Size");
      if (size != null && isSet(size, "max") && TypeMapping.isString(javaType)) {
        length = integer(size, "max", Integer.MAX_VALUE);
      }
      AnnotationMirror digits = beanValidation(e, "Digits");
      if (digits != null) {
        int fraction = integer(digits, "fraction", 0);
        precision = integer(digits, "integer", 0) + fraction;
        scale = fraction;
      }
      notNullByValidation = context.validation() == Validation.FULL && (beanValidation(e, "NotNull") != null
          || beanValidation(e, "NotBlank") != null || beanValidation(e, "NotEmpty") != null);
      String quoted = PostgresDialect.quoteIdentifier(name);
      AnnotationMirror min = beanValidation(e, "Min");
      if (min != null && TypeMapping.isIntegralOrDecimal(javaType)) {
        checks.add(quoted + ">=" + Annotations.longValue(min, "value", 0));
      }
      AnnotationMirror max = beanValidation(e, "Max");
      if (max != null && TypeMapping.isIntegralOrDecimal(javaType)) {
        checks.add(quoted + "<=" + Annotations.longValue(max, "value", 0));
      }
    }
    String temporal = enumConstant(temporalAnnotation, "value", null);
    TypeMapping.Sizes sizes = new TypeMapping.Sizes(length, precision, scale, temporal);
    String definition = string(col, "columnDefinition", "").trim();

    SqlType type = null;
    TypeMirror valueType = javaType;
    AnnotationMirror convert = jpa(e, "Convert");
    if (convert != null && !bool(convert, "disableConversion", false)) {
      TypeMirror converter = Annotations.type(convert, "converter");
      valueType = converter == null ? null : converterDatabaseType(converter);
      if (valueType == null) {
        throw new Problem(Message.CONVERTER_WITHOUT_DATABASE_TYPE, e, convert, value(convert, "converter"),
            a.describe(), converter == null ? "no converter" : converter.toString());
      }
      enumerated = null;
    }
    String wrapperArray = TypeMapping.wrapperArrayElement(valueType);
    if (wrapperArray != null && definition.isEmpty()) {
      throw new Problem(Message.WRAPPER_ARRAY, e, null, null, a.describe(), javaType,
          wrapperArray.equals("java.lang.Byte") ? "byte[] (bytea)" : "char[] or String (varchar)");
    }
    Integer jdbcTypeCode = jdbcTypeCode(e);
    TypeElement enumType = enumType(valueType);
    if (enumType != null) {
      List<String> constants = enumType.getEnclosedElements().stream()
          .filter(c -> c.getKind() == ElementKind.ENUM_CONSTANT)
          .map(c -> c.getSimpleName().toString())
          .toList();
      if (constants.isEmpty()) {
        throw new Problem(Message.ENUM_WITHOUT_CONSTANTS, e, null, null, a.describe(), enumType.getQualifiedName());
      }
      String quoted = PostgresDialect.quoteIdentifier(name);
      if (jdbcTypeCode != null && jdbcTypeCode == SQL_NAMED_ENUM) {
        // Hibernate 6.6 (PostgreSQLEnumJdbcType.addAuxiliaryDatabaseObjects) names the type after the class's simple
        // name, unquoted and untouched by the naming strategy, and sorts the labels by name
        String typeName = enumType.getSimpleName().toString().toLowerCase(Locale.ROOT);
        enumTypes.putIfAbsent(typeName, new EnumType(null, typeName, constants.stream().sorted().toList()));
        type = SqlType.of(typeName);
      } else if ("STRING".equals(enumConstant(enumerated, "value", "ORDINAL"))) {
        type = TypeMapping.string(sizes);
        checks.add(0, quoted + " IN (" + constants.stream().map(c -> "'" + c.replace("'", "''") + "'")
            .collect(Collectors.joining(", ")) + ")");
      } else {
        type = SqlType.smallint();
        checks.add(0, quoted + " BETWEEN 0 AND " + (constants.size() - 1));
      }
    } else {
      if (enumerated != null) {
        throw new Problem(Message.ENUMERATED_ON_NON_ENUM, e, enumerated, null, a.describe(), javaType);
      }
      if (jdbcTypeCode != null && jdbcTypeCode == SQL_JSON) {
        type = SqlType.jsonb();
      } else if (jpa(e, "Lob") != null && TypeMapping.isLobCandidate(valueType)) {
        type = SqlType.of("oid");
      } else {
        type = TypeMapping.columnType(valueType, sizes);
      }
      if (type == null && definition.isEmpty()) {
        throw new Problem(Message.UNMAPPED_TYPE, e, null, null, a.describe(), javaType);
      }
      if (precision <= 0 && scale > 0 && type != null && "numeric".equals(type.name())) {
        reporter.report(Message.SCALE_WITHOUT_PRECISION, e, col, value(col, "scale"), scale, a.describe());
      }
    }
    if (!definition.isEmpty()) {
      type = TypeMapping.parseDefinition(definition);
    }
    AnnotationMirror check = Annotations.find(e, HIBERNATE + "Check");
    if (check != null) {
      checks.add(string(check, "constraints", ""));
    }
    // a single-table subclass's columns, and an embeddable's primitives, are nullable unless a @Column says not
    boolean implicitNotNull = javaType.getKind().isPrimitive() && !context.path().contains(".")
        || !bool(jpa(e, "Basic"), "optional", true) || notNullByValidation;
    boolean nullable = bool(col, "nullable", true) && !context.forceNotNull() && !hasJpa(e, "Id")
        && (context.forceNullable() || !implicitNotNull);
    String defaultValue = string(Annotations.find(e, HIBERNATE + "ColumnDefault"), "value", null);
    Column column = new Column(name, type, nullable, defaultValue, null, hibernateComment(e),
        renamedFrom(e));
    return new Mapped(column, checks, bool(col, "unique", false));
  }

  private AnnotationMirror beanValidation(Element e, String simpleName) {
    return beanValidation(e, simpleName, "constraints.");
  }

  /** A Bean Validation annotation by simple name in {@code jakarta.validation.<subpackage>} or {@code javax...}. */
  private static AnnotationMirror beanValidation(Element e, String simpleName, String subpackage) {
    for (String pkg : BEAN_VALIDATION) {
      AnnotationMirror m = Annotations.find(e, pkg + subpackage + simpleName);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private static Integer jdbcTypeCode(Element e) {
    AnnotationMirror code = Annotations.find(e, HIBERNATE + "JdbcTypeCode");
    AnnotationValue v = value(code, "value");
    return v != null && v.getValue() instanceof Integer i ? i : null;
  }

  private static String hibernateComment(Element e) {
    AnnotationMirror comment = Annotations.find(e, HIBERNATE + "Comment");
    return comment == null ? null : string(comment, "value", null);
  }

  private static List<String> renamedFrom(Element e) {
    AnnotationMirror renamed = Annotations.find(e, MIGRATE + "RenamedFrom");
    return renamed == null ? List.of() : strings(renamed, "value");
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

  /** The {@code Y} of the {@code AttributeConverter<X, Y>} that {@code converter} implements, or {@code null}. */
  private TypeMirror converterDatabaseType(TypeMirror converter) {
    List<TypeMirror> queue = new ArrayList<>();
    queue.add(converter);
    for (int i = 0; i < queue.size() && i < 50; i++) {
      TypeMirror t = queue.get(i);
      if (t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
      String n = element.getQualifiedName().toString();
      if (n.equals("jakarta.persistence.AttributeConverter") || n.equals("javax.persistence.AttributeConverter")) {
        List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
        if (args.size() == 2 && args.get(1).getKind() == TypeKind.DECLARED) {
          return args.get(1);
        }
        return null;
      }
      queue.addAll(types.directSupertypes(t));
    }
    return null;
  }

  private TypeElement enumType(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = types.asElement(type);
    return element.getKind() == ElementKind.ENUM ? (TypeElement) element : null;
  }

  private static boolean readOnly(AnnotationMirror columnOrJoinColumn) {
    return !bool(columnOrJoinColumn, "insertable", true) && !bool(columnOrJoinColumn, "updatable", true);
  }

  // --- generated identifiers ---

  /** {@code column} (the {@code @Id} column) as its {@code @GeneratedValue} makes it; registers its generator. */
  private Column generation(Entity entity, Attribute id, Column column) {
    Element e = id.element();
    AnnotationMirror generated = jpa(e, "GeneratedValue");
    if (generated == null) {
      return column;
    }
    String strategy = enumConstant(generated, "strategy", "AUTO");
    String generator = string(generated, "generator", "").trim();
    TypeMirror type = id.type();
    switch (strategy) {
      case "IDENTITY":
        if (!TypeMapping.isIntegral(type)) {
          throw new Problem(Message.GENERATION_TYPE_MISMATCH, e, generated, value(generated, "strategy"), strategy,
              id.describe(), type, "smallint, integer or bigint values: use long, int or short (or a wrapper)");
        }
        return column.asIdentity();
      case "TABLE":
        tableGenerator(entity, id, generated, generator);
        return column;
      case "UUID":
        if (!TypeMapping.isUuid(type) && !TypeMapping.isString(type)) {
          throw new Problem(Message.GENERATION_TYPE_MISMATCH, e, generated, value(generated, "strategy"), strategy,
              id.describe(), type, "UUIDs: use java.util.UUID or String");
        }
        return column;
      default: // SEQUENCE, AUTO
        break;
    }
    if (strategy.equals("AUTO") && TypeMapping.isUuid(type)) {
      return column; // Hibernate's UuidGenerator: values made in Java, nothing in the database
    }
    if (!generator.isEmpty() && findGenerator(entity, id, generator, "TableGenerator") != null) {
      tableGenerator(entity, id, generated, generator);
      return column;
    }
    if (!TypeMapping.isSequenceNumber(type)) {
      throw new Problem(Message.GENERATION_TYPE_MISMATCH, e, generated, value(generated, "strategy"), strategy,
          id.describe(), type, strategy.equals("AUTO")
              ? "sequence numbers for number types and UUIDs for java.util.UUID: use Long or UUID"
              : "sequence numbers: use long, int, short, BigInteger or BigDecimal");
    }
    Sequence sequence = sequence(entity, id, generated, generator);
    declareSequence(sequence, id, generated);
    return column;
  }

  /**
   * Hibernate's table generator: a table ({@code hibernate_sequences} unless {@code @TableGenerator(table)} says
   * otherwise) with {@code sequence_name varchar(255) not null} (the primary key) and {@code next_val bigint}.
   */
  private void tableGenerator(Entity entity, Attribute id, AnnotationMirror generated, String generator) {
    AnnotationMirror g = generator.isEmpty() ? null : findGenerator(entity, id, generator, "TableGenerator");
    String tableName = string(g, "table", "");
    String schemaName = string(g, "schema", "");
    String table = physical(tableName.isBlank() ? "hibernate_sequences" : tableName);
    String schema = schemaName.isBlank() ? null : physical(schemaName);
    String pkColumn = physical(string(g, "pkColumnName", "sequence_name"));
    String valueColumn = physical(string(g, "valueColumnName", "next_val"));
    TableDraft t = table(schema, table, id.element(), generated);
    t.add(new Column(pkColumn, SqlType.varchar(255), false, null, null), id.describe(), "", id.element(), false,
        Phase.ID);
    t.add(new Column(valueColumn, SqlType.bigint(), true, null, null), id.describe(), "", id.element(), false,
        Phase.BASIC);
    t.primaryKey = List.of(pkColumn);
  }

  /**
   * The sequence Hibernate 6.6 uses: the {@code @SequenceGenerator} named by {@code generator}; else a sequence named
   * after the generator; else {@code <table>_seq} ({@code StandardNamingStrategy}: the table name with
   * {@code _SEQ}, unquoted). Start 1, increment 50 unless the generator says otherwise. The schema is the one the
   * generator names, else none (the default schema), even for a table in a schema: that is where Hibernate looks for
   * it ({@code HibernateOracleTest}).
   */
  private Sequence sequence(Entity entity, Attribute id, AnnotationMirror generated, String generator) {
    if (generator.isEmpty()) {
      return new Sequence(null, physical(entity.root().table() + "_SEQ"), 1, 50);
    }
    AnnotationMirror sequenceGenerator = findGenerator(entity, id, generator, "SequenceGenerator");
    if (sequenceGenerator == null) {
      if (findHibernateGenerator(entity, id, generator) != null) {
        throw new Problem(Message.GENERATOR_NOT_SUPPORTED, id.element(), generated, value(generated, "generator"),
            "generator = \"" + generator + "\", a @GenericGenerator", id.describe());
      }
      return new Sequence(null, physical(generator), 1, 50);
    }
    String sequenceName = string(sequenceGenerator, "sequenceName", "");
    String schema = string(sequenceGenerator, "schema", "");
    int allocationSize = integer(sequenceGenerator, "allocationSize", 50);
    if (allocationSize <= 0) {
      throw new Problem(Message.ALLOCATION_SIZE_NOT_POSITIVE, id.element(), generated,
          value(generated, "generator"), allocationSize, generator, id.describe());
    }
    return new Sequence(schema.isBlank() ? null : physical(schema),
        physical(sequenceName.isBlank() ? generator : sequenceName),
        integer(sequenceGenerator, "initialValue", 1), allocationSize);
  }

  private void declareSequence(Sequence sequence, Attribute id, AnnotationMirror generated) {
    String key = sequence.schema() + "\u0000" + sequence.name();
    DeclaredSequence first = sequences.putIfAbsent(key, new DeclaredSequence(sequence, id));
    if (first != null && !first.sequence().equals(sequence)) {
      throw new Problem(Message.SEQUENCE_CONFLICT, id.element(), generated, null, sequence.qualifiedName(),
          id.describe(), sequence.start(), sequence.increment(), first.attribute().describe(),
          first.sequence().start(), first.sequence().increment());
    }
  }

  /**
   * The JPA generator annotation {@code kind} named {@code name}: on the attribute, on the entity or its
   * superclasses, then on any other entity being modelled (JPA generator names are global to the unit).
   */
  private AnnotationMirror findGenerator(Entity entity, Attribute id, String name, String kind) {
    List<Element> places = new ArrayList<>();
    places.add(id.element());
    places.addAll(superclasses(entity.type()));
    for (TypeElement other : entities) {
      places.add(other);
      places.addAll(ElementFilter.fieldsIn(other.getEnclosedElements()));
      places.addAll(ElementFilter.methodsIn(other.getEnclosedElements()));
    }
    for (Element place : places) {
      for (AnnotationMirror candidate : jpaRepeated(place, kind)) {
        if (string(candidate, "name", "").equals(name)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private List<TypeElement> superclasses(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    TypeElement t = type;
    while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")) {
      result.add(t);
      TypeMirror s = t.getSuperclass();
      t = s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
    }
    return result;
  }

  private AnnotationMirror findHibernateGenerator(Entity entity, Attribute id, String name) {
    List<Element> places = new ArrayList<>();
    places.add(id.element());
    places.addAll(superclasses(entity.type()));
    for (Element place : places) {
      AnnotationMirror generic = Annotations.find(place, GENERIC_GENERATOR);
      if (generic != null && string(generic, "name", "").equals(name)) {
        return generic;
      }
    }
    return null;
  }

  // --- to-one associations ---

  /** The entity an association attribute refers to ({@code targetEntity} or the type), reported if not one. */
  private Entity target(Attribute a, AnnotationMirror relationship, TypeMirror declared) {
    TypeMirror target = Annotations.type(relationship, "targetEntity");
    if (target == null || target.getKind() == TypeKind.VOID
        || target.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(target)).getQualifiedName().contentEquals("void")) {
      target = declared;
    }
    if (target == null || target.getKind() == TypeKind.ERROR) {
      return null;
    }
    TypeElement targetType = target.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(target) : null;
    if (targetType == null || !hasJpa(targetType, "Entity")) {
      throw new Problem(Message.TARGET_NOT_ENTITY, a.element(), relationship, null,
          "@" + annotationName(relationship), a.describe(), target);
    }
    return entity(targetType);
  }

  private void joinColumns(Context context, Attribute a, AnnotationMirror relationship) {
    Element e = a.element();
    boolean oneToOne = annotationName(relationship).equals("OneToOne");
    if (!string(relationship, "mappedBy", "").isBlank()) {
      return; // the inverse side: the other table holds the join column
    }
    AnnotationMirror joinTable = jpa(e, "JoinTable");
    if (joinTable != null) {
      throw new Problem(Message.RELATIONSHIP_NOT_SUPPORTED, e, joinTable, null, "@" + annotationName(relationship),
          a.describe(), "@JoinTable", "Map it with a join column (the default).");
    }
    AnnotationMirror primaryKeyJoin = firstJpa(e, "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns");
    if (primaryKeyJoin != null) {
      throw new Problem(Message.RELATIONSHIP_NOT_SUPPORTED, e, primaryKeyJoin, null,
          "@" + annotationName(relationship), a.describe(), "@" + annotationName(primaryKeyJoin),
          "Use @MapsId to share the primary key, or map it with a join column (the default).");
    }
    Entity target = target(a, relationship, a.type());
    if (target == null || target.idColumns().isEmpty()) {
      return; // reported on the target
    }
    AnnotationMirror override = context.associationOverrides().get(context.path() + a.name());
    List<AnnotationMirror> written = override != null ? annotations(override, "joinColumns") : List.of();
    AnnotationMirror foreignKeyOwner = override != null ? override : null;
    if (written.isEmpty()) {
      AnnotationMirror joins = jpa(e, "JoinColumns");
      written = joins != null ? annotations(joins, "value") : jpaRepeated(e, "JoinColumn");
      if (joins != null) {
        foreignKeyOwner = joins;
      }
    }
    boolean mapsId = jpa(e, "MapsId") != null;
    boolean idPart = mapsId || hasJpa(e, "Id") || context.forceNotNull();
    // Hibernate Validator's @NotNull makes the join columns NOT NULL, except in a single-table subclass and inside
    // an embeddable that is not @Valid @NotNull (TypeSafeActivator.applyDDL, Hibernate 6.6)
    boolean notNullByValidation = context.validation() == Validation.FULL && beanValidation(e, "NotNull") != null
        && !context.forceNullable();
    boolean nullable = bool(relationship, "optional", true) && !idPart && !notNullByValidation;
    // unlike basic columns, join columns keep their nullability in a single-table subclass (Hibernate 6.6)
    List<Column> columns = joinColumnList(a, target, written, a.name(), nullable,
        context.forceNullable() && context.path().contains("."));
    if (columns.isEmpty()) {
      return;
    }
    boolean readOnly = !written.isEmpty() && written.stream().allMatch(ModelBuilder::readOnly);
    TableDraft t = context.table();
    // join columns follow all attributes, except in an element collection's embeddable, where Hibernate binds them
    // in attribute order with the others
    Phase phase = context.path().startsWith(ELEMENT_PATH) ? context.phase() : Phase.JOIN;
    for (Column c : columns) {
      addColumn(withPhase(context, phase), a, c, readOnly);
    }
    List<String> names = columns.stream().map(Column::name).toList();
    if (oneToOne && !mapsId || written.stream().anyMatch(j -> bool(j, "unique", false))) {
      t.addUnique(names, null);
    }
    AnnotationMirror fk = annotation(foreignKeyOwner != null ? foreignKeyOwner
        : written.isEmpty() ? null : written.get(0), "foreignKey");
    foreignKey(t, names, target, fk, e, onDelete(e));
  }

  private static Context withPhase(Context c, Phase phase) {
    return new Context(c.validation(), c.entity(), c.table(), c.path(), c.columnOverrides(), c.associationOverrides(),
        c.forceNullable(), c.forceNotNull(), phase, c.access());
  }

  /**
   * The join columns referencing {@code target}'s primary key: from {@code written} {@code @JoinColumn}s (by
   * {@code referencedColumnName}, else by position), else implicit: {@code <prefix>_<referenced column>}.
   */
  private List<Column> joinColumnList(Attribute a, Entity target, List<AnnotationMirror> written, String prefix,
      boolean nullable, boolean forceNullable) {
    List<Column> referenced = target.idColumns();
    if (!written.isEmpty() && written.size() != referenced.size()) {
      throw new Problem(Message.JOIN_COLUMN_COUNT, a.element(), written.get(0), null, a.describe(), written.size(),
          simpleName(target.type()), referenced.size(),
          referenced.stream().map(Column::name).collect(Collectors.joining(", ")));
    }
    for (AnnotationMirror join : written) {
      String referencedName = string(join, "referencedColumnName", "");
      if (!referencedName.isBlank()
          && referenced.stream().noneMatch(c -> c.name().equals(physical(referencedName)))) {
        throw new Problem(Message.REFERENCED_COLUMN_NOT_PRIMARY_KEY, a.element(), join,
            value(join, "referencedColumnName"), referencedName, a.describe(), simpleName(target.type()),
            referenced.stream().map(Column::name).collect(Collectors.joining(", ")));
      }
    }
    // in the referenced key's column order, paired by referencedColumnName, else by position (as Hibernate does)
    List<Column> result = new ArrayList<>();
    for (int i = 0; i < referenced.size(); i++) {
      Column ref = referenced.get(i);
      AnnotationMirror join = written.isEmpty() ? null : written.get(i);
      for (AnnotationMirror candidate : written) {
        if (physical(string(candidate, "referencedColumnName", "")).equals(ref.name())) {
          join = candidate;
        }
      }
      String name = string(join, "name", "");
      String column = physical(name.isBlank() ? prefix + "_" + ref.name() : name);
      String definition = string(join, "columnDefinition", "").trim();
      SqlType type = definition.isEmpty() ? ref.type() : TypeMapping.parseDefinition(definition);
      boolean n = forceNullable || nullable && bool(join, "nullable", true);
      result.add(new Column(column, type, n, null, null));
    }
    return result;
  }

  /** A foreign key from {@code columns} of {@code t} to {@code target}'s primary key, unless NO_CONSTRAINT. */
  private void foreignKey(TableDraft t, List<String> columns, Entity target, AnnotationMirror foreignKey,
      Element at, ReferentialAction onDelete) {
    if ("NO_CONSTRAINT".equals(enumConstant(foreignKey, "value", "CONSTRAINT"))) {
      return;
    }
    String written = string(foreignKey, "name", "");
    String name = written.isBlank() ? Naming.objectName(t.name, columns, "fkey") : physical(written);
    t.addForeignKey(new ForeignKey(name, columns, target.schema(), target.table(),
        target.idColumns().stream().map(Column::name).toList(), onDelete, null));
  }

  /** Hibernate's {@code @OnDelete(action = ...)}, whose constants are named as {@link ReferentialAction}'s. */
  private static ReferentialAction onDelete(Element e) {
    String action = enumConstant(Annotations.find(e, ON_DELETE), "action", "NO_ACTION");
    try {
      return ReferentialAction.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return ReferentialAction.NO_ACTION;
    }
  }

  // --- collections ---

  private void collection(Context context, Attribute a, AnnotationMirror annotation) {
    Element e = a.element();
    String kind = annotationName(annotation);
    if (!kind.equals("ElementCollection") && !string(annotation, "mappedBy", "").isBlank()) {
      return; // the inverse side: no table or column of its own
    }
    Entity owner = context.entity();
    if (owner == null || owner.idColumns().isEmpty()) {
      return;
    }
    CollectionShape shape = shape(a);
    if (shape == null) {
      throw new Problem(Message.COLLECTION_ELEMENT_UNKNOWN, e, annotation, null, "@" + kind, a.describe(), a.type());
    }
    if (kind.equals("ElementCollection")) {
      TypeMirror element = Annotations.type(annotation, "targetClass");
      if (element == null || element.getKind() != TypeKind.DECLARED
          || ((TypeElement) types.asElement(element)).getQualifiedName().contentEquals("void")) {
        element = shape.element();
      }
      elementCollection(context, a, annotation, shape, element);
      return;
    }
    Entity target = target(a, annotation, shape.element());
    if (target == null || target.idColumns().isEmpty()) {
      return;
    }
    boolean oneToMany = kind.equals("OneToMany");
    List<AnnotationMirror> joinColumns = jpaRepeated(e, "JoinColumn");
    if (jpa(e, "JoinColumns") != null) {
      joinColumns = annotations(jpa(e, "JoinColumns"), "value");
    }
    if (oneToMany && jpa(e, "JoinTable") == null && !joinColumns.isEmpty()) {
      oneToManyJoinColumn(context, a, owner, target, joinColumns, shape);
      return;
    }
    joinTable(context, a, annotation, owner, target, shape, oneToMany);
  }

  /** What a collection attribute holds: its element type, map key type, and kind. */
  private record CollectionShape(TypeMirror element, TypeMirror key, boolean set, boolean list, boolean map) {}

  private CollectionShape shape(Attribute a) {
    if (a.type().getKind() != TypeKind.DECLARED) {
      return null;
    }
    Map<String, DeclaredType> supertypes = supertypes(a.type());
    DeclaredType map = supertypes.get("java.util.Map");
    if (map != null) {
      List<? extends TypeMirror> args = map.getTypeArguments();
      return args.size() == 2 ? new CollectionShape(args.get(1), args.get(0), false, false, true) : null;
    }
    DeclaredType collection = supertypes.get("java.util.Collection");
    if (collection == null) {
      return null;
    }
    List<? extends TypeMirror> args = collection.getTypeArguments();
    if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
      return null;
    }
    boolean set = supertypes.containsKey("java.util.Set");
    boolean list = supertypes.containsKey("java.util.List");
    return new CollectionShape(args.get(0), null, set, list, false);
  }

  /**
   * {@code type} and its supertypes by qualified name, each as first met breadth-first (one walk for all the
   * collection interfaces {@link #shape} asks about).
   */
  private Map<String, DeclaredType> supertypes(TypeMirror type) {
    Map<String, DeclaredType> result = new HashMap<>();
    List<TypeMirror> queue = new ArrayList<>();
    queue.add(type);
    for (int i = 0; i < queue.size() && i < 100; i++) {
      TypeMirror t = queue.get(i);
      if (t.getKind() == TypeKind.DECLARED) {
        result.putIfAbsent(Annotations.text(((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()),
            (DeclaredType) t);
      }
      queue.addAll(types.directSupertypes(t));
    }
    return result;
  }

  /** {@code @OneToMany} with {@code @JoinColumn}: the join column (and order column) go on the target's table. */
  private void oneToManyJoinColumn(Context context, Attribute a, Entity owner, Entity target,
      List<AnnotationMirror> joinColumns, CollectionShape shape) {
    TableDraft t = table(target.schema(), target.table(), target.type(), null);
    List<Column> columns = joinColumnList(a, owner, joinColumns, a.name(), true, false);
    Context c = new Context(Validation.NONE, target, t, "", Map.of(), Map.of(), false, false, Phase.COLLECTION,
        target.access());
    boolean readOnly = joinColumns.stream().allMatch(ModelBuilder::readOnly);
    for (Column column : columns) {
      addColumn(c, a, column, readOnly);
    }
    List<String> names = columns.stream().map(Column::name).toList();
    AnnotationMirror fk = annotation(jpa(a.element(), "JoinColumns") != null ? jpa(a.element(), "JoinColumns")
        : joinColumns.get(0), "foreignKey");
    foreignKey(t, names, owner, fk, a.element(), onDelete(a.element()));
    AnnotationMirror order = jpa(a.element(), "OrderColumn");
    if (order != null) {
      addColumn(c, a, orderColumn(a, order).withNullable(bool(order, "nullable", true)), false);
    }
    if (shape.map()) {
      mapKey(c, a, shape).forEach(k -> addColumn(c, a, k, false));
    }
  }

  /** The collection table of a {@code @ManyToMany} or unidirectional {@code @OneToMany}. */
  private void joinTable(Context context, Attribute a, AnnotationMirror annotation, Entity owner, Entity target,
      CollectionShape shape, boolean oneToMany) {
    Element e = a.element();
    AnnotationMirror joinTable = jpa(e, "JoinTable");
    String written = string(joinTable, "name", "");
    String name;
    if (!written.isBlank()) {
      name = physical(written);
    } else if (naming == Naming.SNAKE_CASE) {
      name = physical(owner.table() + "_" + a.name());
    } else {
      name = physical(owner.table() + "_" + target.table());
    }
    String schemaName = string(joinTable, "schema", "");
    TableDraft t = table(schemaName.isBlank() ? null : physical(schemaName), name, e, joinTable);
    Context c = new Context(Validation.NONE, owner, t, context.path(), Map.of(), Map.of(), false, false, Phase.BASIC,
        owner.access());

    String inverse = inverseAttribute(target, owner, a);
    String ownerPrefix = inverse != null ? inverse : owner.jpaName();
    List<Column> ownerColumns = joinColumnList(a, owner, annotations(joinTable, "joinColumns"), ownerPrefix, false,
        false);
    List<Column> elementColumns = joinColumnList(a, target, annotations(joinTable, "inverseJoinColumns"), a.name(),
        false, false);
    ownerColumns.forEach(col -> addColumn(withPhase(c, Phase.ID), a, col, false));
    List<String> ownerNames = ownerColumns.stream().map(Column::name).toList();
    List<String> elementNames = elementColumns.stream().map(Column::name).toList();
    List<Column> extra = new ArrayList<>();
    AnnotationMirror order = jpa(e, "OrderColumn");
    if (order != null) {
      extra.add(orderColumn(a, order));
    }
    if (shape.map()) {
      extra.addAll(mapKey(c, a, shape));
    }
    elementColumns.forEach(col -> addColumn(withPhase(c, Phase.JOIN), a, col, false));
    extra.forEach(col -> addColumn(withPhase(c, Phase.COLLECTION), a, col, false));

    List<String> pk = new ArrayList<>(ownerNames);
    Column collectionId = collectionId(owner, t, a);
    if (collectionId != null) {
      addColumn(withPhase(c, Phase.COLLECTION), a, collectionId, false);
      t.primaryKey = List.of(collectionId.name());
    } else if (order != null || shape.map()) {
      extra.forEach(col -> pk.add(col.name()));
      t.primaryKey = pk;
    } else if (shape.set()) {
      pk.addAll(elementNames);
      t.primaryKey = pk;
    }
    if (oneToMany) {
      t.addUnique(elementNames, null);
    }
    foreignKey(t, ownerNames, owner, annotation(joinTable, "foreignKey"), e, null);
    foreignKey(t, elementNames, target, annotation(joinTable, "inverseForeignKey"), e, null);
  }

  /** The attribute of {@code target} whose {@code mappedBy} names {@code a}, or {@code null}. */
  private String inverseAttribute(Entity target, Entity owner, Attribute a) {
    for (Attribute other : target.attributes()) {
      AnnotationMirror m = firstJpa(other.element(), "ManyToMany", "OneToMany", "ManyToOne", "OneToOne");
      if (m != null && string(m, "mappedBy", "").equals(a.name())) {
        return other.name();
      }
    }
    return null;
  }

  /**
   * The identifier column of an id-bag (Hibernate's {@code @CollectionId}), which becomes the collection table's
   * primary key on its own ({@code IdBagBinder}, Hibernate 6.6), or {@code null} without {@code @CollectionId}.
   *
   * <p>Its type comes from {@code @CollectionIdJdbcTypeCode} ({@code BIGINT}, {@code INTEGER} or {@code SMALLINT});
   * without one Hibernate cannot start ("Unable to determine JavaType"), and {@code @CollectionIdJavaType} and
   * {@code @CollectionIdJdbcType} name classes whose column type is up to their code: all three are reported. Its
   * generator: {@code increment} needs nothing in the database; {@code sequence} is Hibernate's sequence
   * {@code <collection table>_SEQ} (start 1, increment 50), the name of a {@code @SequenceGenerator} is that
   * sequence; anything else (Hibernate itself refuses {@code identity}, {@code assigned}, {@code native} and no
   * generator) is reported.
   */
  private Column collectionId(Entity owner, TableDraft t, Attribute a) {
    AnnotationMirror id = Annotations.find(a.element(), HIBERNATE + "CollectionId");
    if (id == null) {
      return null;
    }
    AnnotationMirror code = Annotations.find(a.element(), HIBERNATE + "CollectionIdJdbcTypeCode");
    AnnotationValue v = value(code, "value");
    Integer typeCode = v != null && v.getValue() instanceof Integer i ? i : null;
    SqlType type = typeCode == null ? null : switch (typeCode) {
      case java.sql.Types.BIGINT -> SqlType.bigint();
      case java.sql.Types.INTEGER -> SqlType.integer();
      case java.sql.Types.SMALLINT -> SqlType.smallint();
      default -> null;
    };
    if (type == null) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, a.element(), code != null ? code : id, v,
          typeCode == null ? "@CollectionId without @CollectionIdJdbcTypeCode"
              : "@CollectionIdJdbcTypeCode(" + typeCode + ")", a.describe(),
          "Give the id-bag's identifier its type with @CollectionIdJdbcTypeCode(SqlTypes.BIGINT), INTEGER or"
              + " SMALLINT.");
    }
    String generator = string(id, "generator", "");
    if (generator.equals("sequence")) {
      declareSequence(new Sequence(null, physical(t.name + "_SEQ"), 1, 50), a, id);
    } else if (!generator.equals("increment")) {
      AnnotationMirror sequenceGenerator = generator.isBlank() ? null
          : findGenerator(owner, a, generator, "SequenceGenerator");
      if (sequenceGenerator == null) {
        throw new Problem(Message.MAPPING_NOT_SUPPORTED, a.element(), id, value(id, "generator"),
            "@CollectionId(generator = \"" + generator + "\")", a.describe(),
            "Use generator = \"increment\", \"sequence\" or the name of a @SequenceGenerator.");
      }
      declareSequence(sequence(owner, a, id, generator), a, id);
    }
    AnnotationMirror column = annotation(id, "column");
    String written = string(column, "name", "");
    return new Column(physical(written.isBlank() ? "id" : written), type, false, null, null);
  }

  private Column orderColumn(Attribute a, AnnotationMirror order) {
    String written = string(order, "name", "");
    return new Column(physical(written.isBlank() ? a.name() + "_ORDER" : written), SqlType.integer(), false,
        null, null);
  }

  /** The map key column of a {@code Map} attribute ({@code @MapKeyColumn}, default {@code <attribute>_KEY}). */
  private List<Column> mapKey(Context context, Attribute a, CollectionShape shape) {
    Element e = a.element();
    if (jpa(e, "MapKey") != null) {
      return List.of();
    }
    AnnotationMirror keyColumn = jpa(e, "MapKeyColumn");
    String written = string(keyColumn, "name", "");
    String name = physical(written.isBlank() ? a.name() + "_KEY" : written);
    if (embeddable(shape.key()) != null || shape.key().getKind() == TypeKind.DECLARED
        && hasJpa(types.asElement(shape.key()), "Entity")) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, e, null, null, "A map keyed by an entity or embeddable",
          a.describe(), "Key the map by a basic type (String, a number, an enum) with @MapKeyColumn.");
    }
    Mapped mapped = basicColumn(context, a, e, shape.key(), keyColumn, name, jpa(e, "MapKeyEnumerated"),
        jpa(e, "MapKeyTemporal"));
    Column c = mapped.column().withNullable(false);
    mapped.checks().forEach(check -> context.table().addCheck(c.name(), check));
    return List.of(c);
  }

  /** {@code @ElementCollection}: a table of the owner's key and the element's column(s). */
  private void elementCollection(Context context, Attribute a, AnnotationMirror annotation, CollectionShape shape,
      TypeMirror elementType) {
    Element e = a.element();
    Entity owner = context.entity();
    AnnotationMirror collectionTable = jpa(e, "CollectionTable");
    String written = string(collectionTable, "name", "");
    String name = physical(written.isBlank() ? owner.jpaName() + "_" + a.name() : written);
    String schemaName = string(collectionTable, "schema", "");
    TableDraft t = table(schemaName.isBlank() ? null : physical(schemaName), name, e, collectionTable);
    Context c = new Context(Validation.NONE, owner, t, "", Map.of(), Map.of(), false, false, Phase.BASIC, owner.access());

    List<Column> ownerColumns = joinColumnList(a, owner, annotations(collectionTable, "joinColumns"),
        owner.jpaName(), false, false);
    ownerColumns.forEach(col -> addColumn(withPhase(c, Phase.ID), a, col, false));
    List<String> ownerNames = ownerColumns.stream().map(Column::name).toList();
    int before = t.columns.size();
    TypeElement embeddable = embeddable(elementType);
    List<String> elementNames = new ArrayList<>();
    if (embeddable != null) {
      // the element's attributes sit under "value." (JPA's prefix for a map's value, optional for a collection)
      Map<String, AnnotationMirror> overrides = new HashMap<>();
      for (AnnotationMirror o : jpaRepeated(e, "AttributeOverride")) {
        String key = string(o, "name", "");
        overrides.putIfAbsent(key.startsWith("value.") ? key : "value." + key, o);
      }
      Map<String, AnnotationMirror> associations = new HashMap<>();
      for (AnnotationMirror o : jpaRepeated(e, "AssociationOverride")) {
        String key = string(o, "name", "");
        associations.putIfAbsent(key.startsWith("value.") ? key : "value." + key, o);
      }
      Context inner = new Context(Validation.NONE, owner, t, ELEMENT_PATH, overrides, associations, false, false,
          Phase.BASIC, owner.access());
      for (Attribute attribute : embeddableAttributes(embeddable, owner.access())) {
        mapAttribute(inner, attribute);
      }
      t.columns.keySet().stream().skip(before).forEach(elementNames::add);
    } else {
      AnnotationMirror col = jpa(e, "Column");
      String columnName = string(col, "name", "");
      Mapped mapped = basicColumn(c, a, e, elementType, col,
          physical(columnName.isBlank() ? a.name() : columnName), jpa(e, "Enumerated"),
          jpa(e, "Temporal"));
      addColumn(c, a, mapped.column(), false);
      mapped.checks().forEach(check -> t.addCheck(mapped.column().name(), check));
      elementNames.add(mapped.column().name());
    }
    List<Column> extra = new ArrayList<>();
    AnnotationMirror order = jpa(e, "OrderColumn");
    if (order != null) {
      extra.add(orderColumn(a, order));
    }
    if (shape.map()) {
      extra.addAll(mapKey(c, a, shape));
    }
    extra.forEach(col -> addColumn(withPhase(c, Phase.COLLECTION), a, col, false));
    Column collectionId = collectionId(owner, t, a);
    if (collectionId != null) {
      addColumn(withPhase(c, Phase.COLLECTION), a, collectionId, false);
      t.primaryKey = List.of(collectionId.name());
    } else if (order != null || shape.map()) {
      List<String> pk = new ArrayList<>(ownerNames);
      extra.forEach(col -> pk.add(col.name()));
      t.primaryKey = pk;
    } else if (shape.set()) {
      boolean allNotNull = elementNames.stream().allMatch(n -> !t.columns.get(n).column().nullable());
      if (allNotNull) {
        List<String> pk = new ArrayList<>(ownerNames);
        pk.addAll(elementNames);
        t.primaryKey = pk;
      }
    }
    foreignKey(t, ownerNames, owner, annotation(collectionTable, "foreignKey"), e, null);
  }

  // --- table-level constraints ---

  private void uniqueConstraints(TableDraft t, Element at, AnnotationMirror table, String member) {
    for (AnnotationValue item : arrayItems(table, member)) {
      AnnotationMirror unique = (AnnotationMirror) item.getValue();
      List<String> names = new ArrayList<>();
      for (String column : strings(unique, "columnNames")) {
        names.add(existingColumn(t, at, table, item, physical(column), "@UniqueConstraint"));
      }
      if (names.contains(null)) {
        continue;
      }
      String written = string(unique, "name", "");
      t.addUnique(names, written.isBlank() ? null : physical(written));
    }
  }

  /** JPA {@code @Index(columnList = "a, b DESC")}s of a {@code @Table}, {@code @SecondaryTable}, ... */
  private void jpaIndexes(TableDraft t, Element at, AnnotationMirror table, String member) {
    for (AnnotationValue item : arrayItems(table, member)) {
      AnnotationMirror index = (AnnotationMirror) item.getValue();
      String columnList = string(index, "columnList", "");
      List<IndexKey> keys = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String part : columnList.split(",")) {
        String column = part.trim();
        if (column.isEmpty()) {
          continue;
        }
        String[] words = column.split("\\s+");
        boolean descending = false;
        if (words.length == 2 && (words[1].equalsIgnoreCase("DESC") || words[1].equalsIgnoreCase("ASC"))) {
          column = words[0];
          descending = words[1].equalsIgnoreCase("DESC");
        }
        String name = existingColumn(t, at, table, item, physical(column), "@Index");
        names.add(name);
        if (name != null) {
          keys.add(new IndexKey(name, null, descending));
        }
      }
      if (names.isEmpty()) {
        throw new Problem(Message.EMPTY_COLUMN_LIST, at, table, item, describeElement(at), columnList);
      }
      if (names.contains(null)) {
        continue;
      }
      String written = string(index, "name", "");
      if (bool(index, "unique", false)) {
        // Hibernate 6.6 turns a unique @Index into a unique constraint (with the index's name, if any)
        t.addUnique(names, written.isBlank() ? null : physical(written));
        continue;
      }
      String name = written.isBlank() ? Naming.objectName(t.name, names, "idx") : physical(written);
      t.indexes.putIfAbsent(name, new Index(name, keys, false, null, List.of(), null));
    }
  }

  /** Migrate's {@code @Index} annotations on {@code at} (repeated or in {@code @Table(indexes)}). */
  void migrateIndexes(TableDraft t, Element at) {
    List<AnnotationValue> items = new ArrayList<>();
    AnnotationMirror single = Annotations.find(at, MIGRATE + "Index");
    AnnotationMirror container = Annotations.find(at, MIGRATE + "Index.List");
    AnnotationMirror table = Annotations.find(at, MIGRATE + "Table");
    List<AnnotationMirror> indexes = new ArrayList<>();
    if (single != null) {
      indexes.add(single);
    }
    indexes.addAll(annotations(container, "value"));
    indexes.addAll(annotations(table, "indexes"));
    for (AnnotationMirror index : indexes) {
      List<IndexKey> keys = new ArrayList<>();
      List<String> nameParts = new ArrayList<>();
      for (String key : strings(index, "keys")) {
        String text = key.trim();
        boolean descending = false;
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith(" DESC")) {
          descending = true;
          text = text.substring(0, text.length() - 5).trim();
        } else if (upper.endsWith(" ASC")) {
          text = text.substring(0, text.length() - 4).trim();
        }
        if (text.isEmpty()) {
          continue;
        }
        if (text.startsWith("(") || text.contains("(")) {
          String expression = text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1)
              : text;
          keys.add(new IndexKey(null, expression.trim(), descending));
          nameParts.add("expr");
        } else {
          String column = existingColumn(t, at, index, value(index, "keys"), physical(text), "@Index");
          if (column == null) {
            keys.clear();
            break;
          }
          keys.add(new IndexKey(column, null, descending));
          nameParts.add(column);
        }
      }
      if (keys.isEmpty()) {
        if (strings(index, "keys").stream().allMatch(String::isBlank)) {
          throw new Problem(Message.EMPTY_COLUMN_LIST, at, index, value(index, "keys"), describeElement(at),
              String.join(", ", strings(index, "keys")));
        }
        continue;
      }
      List<String> include = new ArrayList<>();
      for (String column : strings(index, "include")) {
        String c = existingColumn(t, at, index, value(index, "include"), physical(column), "@Index");
        if (c != null) {
          include.add(c);
        }
      }
      String where = string(index, "where", "").trim();
      String method = string(index, "method", "btree").trim().toLowerCase(Locale.ROOT);
      String written = string(index, "name", "");
      String name = written.isBlank() ? Naming.objectName(t.name, nameParts, "idx") : physical(written);
      t.indexes.putIfAbsent(name, new Index(name, keys, bool(index, "unique", false), method, include,
          where.isEmpty() ? null : where));
    }
  }

  /** {@code column} if the table has it; else reports it (unless a failed member explains it) and returns null. */
  private String existingColumn(TableDraft t, Element at, AnnotationMirror annotation, AnnotationValue item,
      String column, String kind) {
    if (t.columns.containsKey(column)) {
      return column;
    }
    if (!t.failed) {
      reporter.report(Message.UNKNOWN_COLUMN, at, annotation, item, kind, describeElement(at), column,
          t.qualifiedName(), String.join(", ", t.columns.keySet()));
    }
    return null;
  }

  private static String describeElement(Element at) {
    return at instanceof TypeElement type ? simpleName(type) : at.toString();
  }

  private static List<AnnotationValue> arrayItems(AnnotationMirror mirror, String member) {
    AnnotationValue v = value(mirror, member);
    List<AnnotationValue> items = new ArrayList<>();
    if (v != null && v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror) {
          items.add(av);
        }
      }
    }
    return items;
  }

  // --- names shared across a schema ---

  /**
   * Checks that names PostgreSQL keeps in one namespace do not clash: relations (tables, sequences, indexes,
   * including those behind primary keys and unique constraints) per schema, and constraints per table.
   */
  private final class Namespace {
    private final Map<String, String> relations = new HashMap<>();

    void register(TableDraft draft, Table table) {
      Element at = draft.element;
      AnnotationMirror mirror = draft.mirror;
      String owner = "table " + table.qualifiedName();
      claim(relations, table.schema(), table.name(), "table", owner, at, mirror);
      Map<String, String> constraints = new HashMap<>();
      if (table.primaryKey() != null) {
        String pk = table.primaryKey().name();
        claim(relations, table.schema(), pk, "primary key", "the primary key of " + owner, at, mirror);
        claim(constraints, table.schema(), pk, "primary key", "the primary key of " + owner, at, mirror);
      }
      for (UniqueConstraint u : table.uniqueConstraints()) {
        claim(relations, table.schema(), u.name(), "unique constraint", "a unique constraint of " + owner, at,
            mirror);
        claim(constraints, table.schema(), u.name(), "unique constraint", "a unique constraint of " + owner, at,
            mirror);
      }
      for (Index i : table.indexes()) {
        claim(relations, table.schema(), i.name(), "index", "an index of " + owner, at, mirror);
      }
      for (CheckConstraint c : table.checkConstraints()) {
        claim(constraints, table.schema(), c.name(), "check constraint", "a check constraint of " + owner, at,
            mirror);
      }
      for (ForeignKey f : table.foreignKeys()) {
        claim(constraints, table.schema(), f.name(), "foreign key", "a foreign key of " + owner, at, mirror);
      }
    }

    void register(DeclaredSequence s) {
      Attribute attribute = s.attribute();
      claim(relations, s.sequence().schema(), s.sequence().name(), "sequence",
          "the sequence of " + attribute.describe(), attribute.element(), jpa(attribute.element(), "GeneratedValue"));
    }

    private void claim(Map<String, String> names, String schema, String name, String what, String owner,
        Element at, AnnotationMirror mirror) {
      String first = names.putIfAbsent(schema + "\u0000" + name, owner);
      if (first != null && !first.equals(owner)) {
        reporter.report(Message.NAME_CONFLICT, at, mirror, null, what, name,
            schema == null ? "the target schema" : "schema " + schema, first, owner);
      }
    }
  }

  // --- helpers ---

  private static AnnotationMirror tableAnnotationOrEntity(TypeElement type) {
    AnnotationMirror table = jpa(type, "Table");
    return table != null ? table : jpa(type, "Entity");
  }

  static AnnotationMirror firstJpa(Element element, String... simpleNames) {
    for (String name : simpleNames) {
      AnnotationMirror mirror = jpa(element, name);
      if (mirror != null) {
        return mirror;
      }
    }
    return null;
  }

  static String annotationName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The class name without its package, nesting kept: {@code Customer}, {@code Shop.Order}. */
  static String simpleName(TypeElement type) {
    String qualified = Annotations.text(type.getQualifiedName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing != null && enclosing.getKind() != ElementKind.PACKAGE) {
      enclosing = enclosing.getEnclosingElement();
    }
    if (enclosing == null) {
      return qualified;
    }
    String pkg = Annotations.text(((PackageElement) enclosing).getQualifiedName());
    return pkg.isEmpty() || !qualified.startsWith(pkg + ".") ? qualified : qualified.substring(pkg.length() + 1);
  }
}
