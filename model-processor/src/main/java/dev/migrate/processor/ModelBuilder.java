package dev.migrate.processor;

import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.integer;
import static dev.migrate.processor.Annotations.isSet;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.strings;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives the {@link Database} model from entity classes, whether they were compiled in this compilation or are read
 * from class files. Reads JPA annotations by name ({@link Annotations}); maps types as Hibernate 6 does on
 * PostgreSQL ({@link TypeMapping}); names things as {@link Naming} says.
 *
 * <p>Works in two steps so that relationships need no recursion over the entity graph: first an entity's
 * {@link Head} (table, persistent fields, primary key column), memoised per class, then each entity's table, whose
 * join columns take their type from the referenced entity's head.
 *
 * <p>Never throws: a problem with one field is reported on that field ({@link Problem}) and the next field is
 * mapped, so that one compilation shows every error. The model built after an error is incomplete; callers do not
 * write it.
 */
final class ModelBuilder {

  private static final String ON_DELETE = "org.hibernate.annotations.OnDelete";
  private static final String GENERIC_GENERATOR = "org.hibernate.annotations.GenericGenerator";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Naming naming;

  /** Heads by binary class name; a {@code null} value marks a class whose head failed or is being computed. */
  private final Map<String, Head> heads = new HashMap<>();

  /** The entities being modelled, for looking up generators declared on another entity (JPA's global scope). */
  private List<TypeElement> entities = List.of();

  /** Sequences by schema-qualified name, with the field that declared each first. */
  private final Map<String, DeclaredSequence> sequences = new LinkedHashMap<>();

  ModelBuilder(Elements elements, Types types, Reporter reporter, Naming naming) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.naming = naming;
  }

  /** A persistent field of an entity, with its type as seen from the entity (type variables resolved). */
  record Field(VariableElement element, TypeMirror type, TypeElement entity) {

    /** {@code Entity.field}, or {@code Declaring.field (in Entity)} for a field of a mapped superclass. */
    String describe() {
      TypeElement declaring = (TypeElement) element.getEnclosingElement();
      String name = simpleName(declaring) + "." + element.getSimpleName();
      return declaring.equals(entity) ? name : name + " (in " + simpleName(entity) + ")";
    }
  }

  /** A column with the check constraint expression its type needs (enums), or {@code null}. */
  private record Mapped(Column column, String check) {}

  /**
   * What other entities need to know about an entity: where its table is and its primary key column.
   *
   * @param idColumn the primary key column as a join column copies it (name and type, no identity), or {@code null}
   *     when the entity has no usable {@code @Id} (an error was reported)
   */
  record Head(TypeElement type, AnnotationMirror annotation, String schema, String table, List<TypeElement> chain,
      List<Field> fields, Field id, Mapped idColumn) {

    String qualifiedTable() {
      return schema == null ? table : schema + "." + table;
    }
  }

  private record DeclaredSequence(Sequence sequence, Field field) {}

  /** The model of {@code entityTypes}; entities that cannot be mapped are reported and left out. */
  Database build(List<TypeElement> entityTypes) {
    this.entities = List.copyOf(entityTypes);
    List<Table> tables = new ArrayList<>();
    Map<String, Head> byTable = new HashMap<>();
    Namespace namespace = new Namespace();
    for (TypeElement type : entities) {
      Head head = head(type);
      if (head == null) {
        continue;
      }
      Head first = byTable.putIfAbsent(head.schema() + "\u0000" + head.table(), head);
      if (first != null) {
        String name = simpleName(type);
        String firstName = simpleName(first.type());
        if (name.equals(firstName)) { // same class name in two packages
          name = type.getQualifiedName().toString();
          firstName = first.type().getQualifiedName().toString();
        }
        reporter.report(Message.DUPLICATE_TABLE, type, tableAnnotationOrEntity(head), null, name,
            head.qualifiedTable(), firstName);
        continue;
      }
      try {
        Table table = table(head);
        if (table != null) {
          tables.add(table);
          namespace.register(head, table);
        }
      } catch (Problem p) {
        reporter.report(p);
      } catch (RuntimeException e) {
        reporter.internal(type, e);
      }
    }
    for (DeclaredSequence s : sequences.values()) {
      namespace.register(s);
    }
    return new Database(tables, sequences.values().stream().map(DeclaredSequence::sequence).toList());
  }

  // --- heads ---

  /** The head of the entity {@code type}, computed once; {@code null} if it cannot be mapped (reported). */
  private Head head(TypeElement type) {
    String key = elements.getBinaryName(type).toString();
    if (heads.containsKey(key)) {
      return heads.get(key);
    }
    heads.put(key, null);
    Head head = null;
    try {
      head = computeHead(type);
    } catch (Problem p) {
      reporter.report(p);
    } catch (RuntimeException e) {
      reporter.internal(type, e);
    }
    heads.put(key, head);
    return head;
  }

  private Head computeHead(TypeElement type) {
    AnnotationMirror entity = jpa(type, "Entity");
    String entityName = string(entity, "name", "");
    if (entityName.isBlank()) {
      entityName = type.getSimpleName().toString();
    }
    AnnotationMirror tableAnnotation = jpa(type, "Table");
    String tableName = string(tableAnnotation, "name", "");
    String schemaName = string(tableAnnotation, "schema", "");
    String table = naming.physical(tableName.isBlank() ? entityName : tableName);
    String schema = schemaName.isBlank() ? null : naming.physical(schemaName);

    List<TypeElement> chain = chain(type, entity);
    List<Field> fields = new ArrayList<>();
    for (TypeElement declaring : chain) {
      for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)
            || hasJpa(field, "Transient")) {
          continue;
        }
        fields.add(new Field(field, fieldType(type, field), type));
      }
    }

    Field id = null;
    Mapped idColumn = null;
    try {
      id = idField(type, entity, chain, fields);
      idColumn = column(id);
    } catch (Problem p) {
      reporter.report(p);
    }
    return new Head(type, entity, schema, table, chain, fields, id, idColumn);
  }

  /** The mapped superclasses of {@code type}, topmost first, then {@code type}. */
  private List<TypeElement> chain(TypeElement type, AnnotationMirror entity) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    chain.add(type);
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement s = (TypeElement) types.asElement(superclass);
      if (s.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      if (hasJpa(s, "Entity")) {
        throw new Problem(Message.INHERITANCE_NOT_SUPPORTED, type, entity, null, simpleName(type), simpleName(s));
      }
      if (hasJpa(s, "MappedSuperclass")) {
        chain.addFirst(s);
      }
      superclass = s.getSuperclass();
    }
    return List.copyOf(chain);
  }

  private TypeMirror fieldType(TypeElement entity, VariableElement field) {
    try {
      TypeMirror type = types.asMemberOf((DeclaredType) entity.asType(), field);
      return type.getKind() == TypeKind.TYPEVAR ? types.erasure(type) : type;
    } catch (IllegalArgumentException e) {
      return field.asType();
    }
  }

  private Field idField(TypeElement type, AnnotationMirror entity, List<TypeElement> chain, List<Field> fields) {
    AnnotationMirror idClass = jpa(type, "IdClass");
    if (idClass != null) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, type, idClass, null, "@IdClass", simpleName(type),
          "Use a single @Id field and a unique constraint on the other key columns.");
    }
    List<Field> ids = new ArrayList<>();
    for (Field f : fields) {
      AnnotationMirror embeddedId = jpa(f.element(), "EmbeddedId");
      if (embeddedId != null) {
        throw new Problem(Message.MAPPING_NOT_SUPPORTED, f.element(), embeddedId, null, "@EmbeddedId",
            f.describe(), "Use a single @Id field and a unique constraint on the other key columns.");
      }
      if (hasJpa(f.element(), "Id")) {
        ids.add(f);
      }
    }
    if (ids.size() > 1) {
      throw new Problem(Message.COMPOSITE_ID_NOT_SUPPORTED, ids.get(1).element(), jpa(ids.get(1).element(), "Id"),
          null, simpleName(type),
          ids.stream().map(f -> f.element().getSimpleName().toString()).collect(Collectors.joining(", ")));
    }
    if (ids.isEmpty()) {
      for (TypeElement declaring : chain) {
        for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
          AnnotationMirror id = jpa(method, "Id");
          if (id != null) {
            throw new Problem(Message.PROPERTY_ACCESS_NOT_SUPPORTED, method, id, null, simpleName(declaring),
                method.getSimpleName());
          }
        }
      }
      throw new Problem(Message.ENTITY_WITHOUT_ID, type, entity, null, simpleName(type));
    }
    Field id = ids.get(0);
    AnnotationMirror relationship = firstJpa(id.element(), "ManyToOne", "OneToOne", "MapsId");
    if (relationship != null) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, id.element(), relationship, null,
          "@Id with @" + annotationName(relationship), id.describe(),
          "Derived identifiers are not captured yet; give the entity an @Id of its own and keep the relationship as"
              + " a plain @ManyToOne.");
    }
    return id;
  }

  // --- tables ---

  /** Collects one table's columns and constraints, keyed by name in insertion order. */
  private final class TableBuilder {
    final Head head;
    final Map<String, Slot> columns = new LinkedHashMap<>();
    final Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
    final Map<String, CheckConstraint> checks = new LinkedHashMap<>();
    final Map<String, Index> indexes = new LinkedHashMap<>();
    final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
    boolean failed;

    TableBuilder(Head head) {
      this.head = head;
    }

    void addColumn(Column column, Field field, boolean readOnly) {
      Slot existing = columns.get(column.name());
      if (existing == null) {
        columns.put(column.name(), new Slot(column, field, readOnly));
      } else if (readOnly) {
        return; // a read-only view of a column another field writes
      } else if (existing.readOnly()) {
        columns.put(column.name(), new Slot(column, field, false));
      } else {
        throw new Problem(Message.DUPLICATE_COLUMN, field.element(), null, null, field.describe(), column.name(),
            head.qualifiedTable(), existing.field().describe());
      }
    }

    void addUnique(List<String> columnNames, String name) {
      String n = name != null ? name : Naming.objectName(head.table(), columnNames, "key");
      uniques.putIfAbsent(n, new UniqueConstraint(n, columnNames));
    }

    void addCheck(String column, String expression) {
      String n = Naming.objectName(head.table(), List.of(column), "check");
      checks.putIfAbsent(n, new CheckConstraint(n, expression));
    }
  }

  private record Slot(Column column, Field field, boolean readOnly) {}

  private Table table(Head head) {
    TableBuilder t = new TableBuilder(head);
    for (Field field : head.fields()) {
      try {
        mapField(t, field);
      } catch (Problem p) {
        reporter.report(p);
        t.failed = true;
      } catch (RuntimeException e) {
        reporter.internal(field.element(), e);
        t.failed = true;
      }
    }
    if (head.idColumn() == null) {
      return null;
    }
    tableConstraints(t);
    PrimaryKey primaryKey = new PrimaryKey(Naming.objectName(head.table(), List.of(), "pkey"),
        List.of(head.idColumn().column().name()));
    return new Table(head.schema(), head.table(), t.columns.values().stream().map(Slot::column).toList(), primaryKey,
        List.copyOf(t.uniques.values()), List.copyOf(t.checks.values()), List.copyOf(t.indexes.values()),
        List.copyOf(t.foreignKeys.values()));
  }

  private void mapField(TableBuilder t, Field field) {
    VariableElement e = field.element();
    if (field.type().getKind() == TypeKind.ERROR) {
      return; // javac reports the unresolved type itself
    }
    AnnotationMirror toOne = firstJpa(e, "ManyToOne", "OneToOne");
    if (toOne != null) {
      joinColumn(t, field, toOne);
      return;
    }
    AnnotationMirror collection = firstJpa(e, "OneToMany", "ManyToMany", "ElementCollection");
    if (collection != null) {
      collection(field, collection);
      return;
    }
    unsupported(field);
    basic(t, field);
  }

  private void unsupported(Field field) {
    VariableElement e = field.element();
    AnnotationMirror embedded = jpa(e, "Embedded");
    if (embedded != null || embeddableType(field.type())) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, e, embedded, null, "An embedded type", field.describe(),
          "Declare the embeddable's fields on the entity for now, or mark this field @Transient.");
    }
    AnnotationMirror convert = jpa(e, "Convert");
    if (convert != null) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, e, convert, null, "@Convert", field.describe(),
          "Attribute converters come in a later version; use a field of a mapped type for now.");
    }
    AnnotationMirror lob = jpa(e, "Lob");
    if (lob != null) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, e, lob, null, "@Lob", field.describe(),
          "Remove @Lob: a String then maps to varchar (give a large @Column(length)) and byte[] to bytea.");
    }
  }

  private boolean embeddableType(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && hasJpa(types.asElement(type), "Embeddable");
  }

  private void basic(TableBuilder t, Field field) {
    Head head = t.head;
    boolean isId = field.equals(head.id());
    Mapped mapped;
    if (isId) {
      if (head.idColumn() == null) {
        return;
      }
      mapped = head.idColumn();
    } else {
      mapped = column(field);
    }
    Column column = mapped.column();
    if (isId) {
      column = generation(head, field, column.notNull());
    }
    AnnotationMirror columnAnnotation = jpa(field.element(), "Column");
    t.addColumn(column, field, readOnly(columnAnnotation));
    if (mapped.check() != null) {
      t.addCheck(column.name(), mapped.check());
    }
    if (!isId && bool(columnAnnotation, "unique", false)) {
      t.addUnique(List.of(column.name()), null);
    }
  }

  private static boolean readOnly(AnnotationMirror columnOrJoinColumn) {
    return !bool(columnOrJoinColumn, "insertable", true) && !bool(columnOrJoinColumn, "updatable", true);
  }

  /** The column of a basic field, with the check constraint an enum needs; no identity, no primary key rules. */
  private Mapped column(Field field) {
    VariableElement e = field.element();
    AnnotationMirror col = jpa(e, "Column");
    String written = string(col, "name", "");
    String name = naming.physical(written.isBlank() ? e.getSimpleName().toString() : written);

    int length = integer(col, "length", TypeMapping.DEFAULT_LENGTH);
    if (isSet(col, "length") && length <= 0) {
      throw new Problem(Message.LENGTH_NOT_POSITIVE, e, col, value(col, "length"), length, field.describe());
    }
    int precision = integer(col, "precision", 0);
    int scale = integer(col, "scale", 0);
    if (precision > 0 && precision < scale) {
      throw new Problem(Message.PRECISION_LESS_THAN_SCALE, e, col, value(col, "scale"), precision, scale,
          field.describe());
    }
    String temporal = enumConstant(jpa(e, "Temporal"), "value", null);
    TypeMapping.Sizes sizes = new TypeMapping.Sizes(length, precision, scale, temporal);
    String definition = string(col, "columnDefinition", "").trim();

    AnnotationMirror enumerated = jpa(e, "Enumerated");
    TypeElement enumType = enumType(field.type());
    SqlType type;
    String check = null;
    if (enumType != null) {
      List<String> constants = enumType.getEnclosedElements().stream()
          .filter(c -> c.getKind() == ElementKind.ENUM_CONSTANT)
          .map(c -> c.getSimpleName().toString())
          .toList();
      if (constants.isEmpty()) {
        throw new Problem(Message.ENUM_WITHOUT_CONSTANTS, e, null, null, field.describe(),
            enumType.getQualifiedName());
      }
      String quoted = PostgresDialect.quoteIdentifier(name);
      if ("STRING".equals(enumConstant(enumerated, "value", "ORDINAL"))) {
        type = TypeMapping.string(sizes);
        check = quoted + " IN (" + constants.stream().map(c -> "'" + c.replace("'", "''") + "'")
            .collect(Collectors.joining(", ")) + ")";
      } else {
        type = SqlType.smallint();
        check = quoted + " BETWEEN 0 AND " + (constants.size() - 1);
      }
    } else {
      if (enumerated != null) {
        throw new Problem(Message.ENUMERATED_ON_NON_ENUM, e, enumerated, null, field.describe(), field.type());
      }
      type = TypeMapping.columnType(field.type(), sizes);
      if (type == null && definition.isEmpty()) {
        throw new Problem(Message.UNMAPPED_TYPE, e, null, null, field.describe(), field.type());
      }
      if (precision <= 0 && scale > 0 && type != null && "numeric".equals(type.name())) {
        reporter.report(Message.SCALE_WITHOUT_PRECISION, e, col, value(col, "scale"), scale, field.describe());
      }
    }
    if (!definition.isEmpty()) {
      type = TypeMapping.parseDefinition(definition);
    }
    boolean nullable = !field.type().getKind().isPrimitive() && bool(col, "nullable", true)
        && bool(jpa(e, "Basic"), "optional", true);
    return new Mapped(new Column(name, type, nullable, null, null), check);
  }

  private TypeElement enumType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = types.asElement(type);
    return element.getKind() == ElementKind.ENUM ? (TypeElement) element : null;
  }

  // --- generated identifiers ---

  /** {@code column} (the {@code @Id} column) as its {@code @GeneratedValue} makes it; registers its sequence. */
  private Column generation(Head head, Field field, Column column) {
    VariableElement e = field.element();
    AnnotationMirror generated = jpa(e, "GeneratedValue");
    if (generated == null) {
      return column;
    }
    String strategy = enumConstant(generated, "strategy", "AUTO");
    String generator = string(generated, "generator", "").trim();
    TypeMirror type = field.type();
    switch (strategy) {
      case "IDENTITY":
        if (!TypeMapping.isIntegral(type)) {
          throw new Problem(Message.GENERATION_TYPE_MISMATCH, e, generated, value(generated, "strategy"), strategy,
              field.describe(), type, "smallint, integer or bigint values: use long, int or short (or a wrapper)");
        }
        return column.asIdentity();
      case "TABLE":
        throw new Problem(Message.GENERATOR_NOT_SUPPORTED, e, generated, value(generated, "strategy"),
            "strategy = TABLE", field.describe());
      case "UUID":
        if (!TypeMapping.isUuid(type) && !TypeMapping.isString(type)) {
          throw new Problem(Message.GENERATION_TYPE_MISMATCH, e, generated, value(generated, "strategy"), strategy,
              field.describe(), type, "UUIDs: use java.util.UUID or String");
        }
        return column;
      default: // SEQUENCE, AUTO
        break;
    }
    if (strategy.equals("AUTO") && TypeMapping.isUuid(type)) {
      return column; // Hibernate's UuidGenerator: values made in Java, nothing in the database
    }
    if (!TypeMapping.isSequenceNumber(type)) {
      throw new Problem(Message.GENERATION_TYPE_MISMATCH, e, generated, value(generated, "strategy"), strategy,
          field.describe(), type, strategy.equals("AUTO")
              ? "sequence numbers for number types and UUIDs for java.util.UUID: use Long or UUID"
              : "sequence numbers: use long, int, short, BigInteger or BigDecimal");
    }
    Sequence sequence = sequence(head, field, generated, generator);
    declareSequence(sequence, field, generated);
    return column;
  }

  /**
   * The sequence Hibernate 6.6 uses: the {@code @SequenceGenerator} named by {@code generator}; else a sequence named
   * after the generator; else {@code <table>_seq} ({@code StandardNamingStrategy}: the table name with
   * {@code _SEQ}, unquoted). Start 1, increment 50 unless the generator says otherwise. The schema is the one the
   * generator names, else none (the default schema), even for a table in a schema: that is where Hibernate looks for
   * it ({@code HibernateOracleTest}).
   */
  private Sequence sequence(Head head, Field field, AnnotationMirror generated, String generator) {
    if (generator.isEmpty()) {
      return new Sequence(null, naming.physical(head.table() + "_SEQ"), 1, 50);
    }
    AnnotationMirror sequenceGenerator = findGenerator(head, field, generator, "SequenceGenerator");
    if (sequenceGenerator == null) {
      if (findGenerator(head, field, generator, "TableGenerator") != null) {
        throw new Problem(Message.GENERATOR_NOT_SUPPORTED, field.element(), generated, value(generated, "generator"),
            "generator = \"" + generator + "\", a @TableGenerator", field.describe());
      }
      if (findHibernateGenerator(head, field, generator) != null) {
        throw new Problem(Message.GENERATOR_NOT_SUPPORTED, field.element(), generated, value(generated, "generator"),
            "generator = \"" + generator + "\", a @GenericGenerator", field.describe());
      }
      return new Sequence(null, naming.physical(generator), 1, 50);
    }
    String sequenceName = string(sequenceGenerator, "sequenceName", "");
    String schema = string(sequenceGenerator, "schema", "");
    int allocationSize = integer(sequenceGenerator, "allocationSize", 50);
    if (allocationSize <= 0) {
      throw new Problem(Message.ALLOCATION_SIZE_NOT_POSITIVE, field.element(), generated,
          value(generated, "generator"), allocationSize, generator, field.describe());
    }
    return new Sequence(schema.isBlank() ? null : naming.physical(schema),
        naming.physical(sequenceName.isBlank() ? generator : sequenceName),
        integer(sequenceGenerator, "initialValue", 1), allocationSize);
  }

  private void declareSequence(Sequence sequence, Field field, AnnotationMirror generated) {
    String key = sequence.schema() + "\u0000" + sequence.name();
    DeclaredSequence first = sequences.putIfAbsent(key, new DeclaredSequence(sequence, field));
    if (first != null && !first.sequence().equals(sequence)) {
      throw new Problem(Message.SEQUENCE_CONFLICT, field.element(), generated, null, sequence.qualifiedName(),
          field.describe(), sequence.start(), sequence.increment(), first.field().describe(),
          first.sequence().start(), first.sequence().increment());
    }
  }

  /**
   * The JPA generator annotation {@code kind} named {@code name}: on the field, on the entity or its mapped
   * superclasses, then on any other entity being modelled (JPA generator names are global to the unit).
   */
  private AnnotationMirror findGenerator(Head head, Field field, String name, String kind) {
    List<Element> places = new ArrayList<>();
    places.add(field.element());
    places.addAll(head.chain());
    for (TypeElement other : entities) {
      places.add(other);
      places.addAll(ElementFilter.fieldsIn(other.getEnclosedElements()));
    }
    for (Element place : places) {
      List<AnnotationMirror> candidates = new ArrayList<>();
      AnnotationMirror single = jpa(place, kind);
      if (single != null) {
        candidates.add(single);
      }
      candidates.addAll(annotations(jpa(place, kind + "s"), "value"));
      for (AnnotationMirror candidate : candidates) {
        if (string(candidate, "name", "").equals(name)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private AnnotationMirror findHibernateGenerator(Head head, Field field, String name) {
    List<Element> places = new ArrayList<>();
    places.add(field.element());
    places.addAll(head.chain());
    for (Element place : places) {
      AnnotationMirror generic = Annotations.find(place, GENERIC_GENERATOR);
      if (generic != null && string(generic, "name", "").equals(name)) {
        return generic;
      }
    }
    return null;
  }

  // --- relationships ---

  private void joinColumn(TableBuilder t, Field field, AnnotationMirror relationship) {
    VariableElement e = field.element();
    String relationshipName = "@" + annotationName(relationship);
    boolean oneToOne = relationshipName.equals("@OneToOne");
    if (oneToOne && !string(relationship, "mappedBy", "").isBlank()) {
      return; // the inverse side: the other table holds the join column
    }
    AnnotationMirror mapsId = jpa(e, "MapsId");
    if (mapsId != null) {
      throw new Problem(Message.MAPPING_NOT_SUPPORTED, e, mapsId, null, "@MapsId", field.describe(),
          "Derived identifiers are not captured yet; give the entity an @Id of its own.");
    }
    AnnotationMirror joinTable = jpa(e, "JoinTable");
    if (joinTable != null) {
      throw new Problem(Message.RELATIONSHIP_NOT_SUPPORTED, e, joinTable, null, relationshipName, field.describe(),
          "@JoinTable", "Map it with a join column (the default) for now.");
    }
    AnnotationMirror primaryKeyJoin = firstJpa(e, "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns");
    if (primaryKeyJoin != null) {
      throw new Problem(Message.RELATIONSHIP_NOT_SUPPORTED, e, primaryKeyJoin, null, relationshipName,
          field.describe(), "@" + annotationName(primaryKeyJoin), "Map it with a join column (the default) for now.");
    }
    AnnotationMirror join = jpa(e, "JoinColumn");
    AnnotationMirror joins = jpa(e, "JoinColumns");
    if (joins != null) {
      List<AnnotationMirror> listed = annotations(joins, "value");
      if (listed.size() > 1) {
        throw new Problem(Message.RELATIONSHIP_NOT_SUPPORTED, e, joins, null, relationshipName, field.describe(),
            "several @JoinColumns", "Composite foreign keys are not supported yet; refer to an entity with a"
                + " single @Id.");
      }
      if (listed.size() == 1) {
        join = listed.get(0);
      }
    }

    TypeMirror target = Annotations.type(relationship, "targetEntity");
    if (target == null || target.getKind() == TypeKind.VOID
        || target.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(target)).getQualifiedName().contentEquals("void")) {
      target = field.type();
    }
    if (target.getKind() == TypeKind.ERROR) {
      return;
    }
    TypeElement targetType = target.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(target) : null;
    if (targetType == null || !hasJpa(targetType, "Entity")) {
      throw new Problem(Message.TARGET_NOT_ENTITY, e, relationship, null, relationshipName, field.describe(),
          target);
    }
    Head targetHead = head(targetType);
    if (targetHead == null || targetHead.idColumn() == null) {
      return; // reported on the target
    }
    Column targetId = targetHead.idColumn().column();

    String referenced = string(join, "referencedColumnName", "");
    if (!referenced.isBlank() && !naming.physical(referenced).equals(targetId.name())) {
      throw new Problem(Message.REFERENCED_COLUMN_NOT_PRIMARY_KEY, e, join, value(join, "referencedColumnName"),
          referenced, field.describe(), simpleName(targetType), targetId.name());
    }
    String written = string(join, "name", "");
    String name = naming.physical(written.isBlank() ? e.getSimpleName() + "_" + targetId.name() : written);
    String definition = string(join, "columnDefinition", "").trim();
    SqlType type = definition.isEmpty() ? targetId.type() : TypeMapping.parseDefinition(definition);
    boolean nullable = bool(join, "nullable", true) && bool(relationship, "optional", true);
    t.addColumn(new Column(name, type, nullable, null, null), field, readOnly(join));
    if (oneToOne || bool(join, "unique", false)) {
      t.addUnique(List.of(name), null);
    }

    AnnotationMirror foreignKey = annotation(join, "foreignKey");
    if ("NO_CONSTRAINT".equals(enumConstant(foreignKey, "value", "CONSTRAINT"))) {
      return;
    }
    String fkName = string(foreignKey, "name", "");
    fkName = fkName.isBlank() ? Naming.objectName(t.head.table(), List.of(name), "fkey") : naming.physical(fkName);
    ReferentialAction onDelete = onDelete(e);
    t.foreignKeys.putIfAbsent(fkName, new ForeignKey(fkName, List.of(name), targetHead.schema(), targetHead.table(),
        List.of(targetId.name()), onDelete, null));
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

  private void collection(Field field, AnnotationMirror collection) {
    VariableElement e = field.element();
    String name = "@" + annotationName(collection);
    boolean elementCollection = name.equals("@ElementCollection");
    AnnotationMirror table = firstJpa(e, "JoinColumn", "JoinColumns", "JoinTable", "CollectionTable");
    if (table != null) {
      throw new Problem(Message.RELATIONSHIP_NOT_SUPPORTED, e, table, null, name, field.describe(),
          "@" + annotationName(table), elementCollection
              ? "Element collections are not captured yet; map the elements as an entity with a @ManyToOne back"
                  + " to this one."
              : "Collection mappings are not captured yet; map the relationship on the other side with @ManyToOne"
                  + " and use mappedBy here.");
    }
    if (!elementCollection && !string(collection, "mappedBy", "").isBlank()) {
      return; // the inverse side: no table of its own
    }
    reporter.report(Message.UNCAPTURED_COLLECTION, e, collection, null, name, field.describe());
  }

  // --- table-level constraints ---

  private void tableConstraints(TableBuilder t) {
    Head head = t.head;
    AnnotationMirror table = jpa(head.type(), "Table");
    for (AnnotationValue item : arrayItems(table, "uniqueConstraints")) {
      AnnotationMirror unique = (AnnotationMirror) item.getValue();
      List<String> names = new ArrayList<>();
      for (String column : strings(unique, "columnNames")) {
        names.add(existingColumn(t, table, item, naming.physical(column), "@UniqueConstraint"));
      }
      if (names.contains(null)) {
        continue;
      }
      String written = string(unique, "name", "");
      t.addUnique(names, written.isBlank() ? null : naming.physical(written));
    }
    for (AnnotationValue item : arrayItems(table, "indexes")) {
      AnnotationMirror index = (AnnotationMirror) item.getValue();
      String columnList = string(index, "columnList", "");
      List<String> names = new ArrayList<>();
      for (String part : columnList.split(",")) {
        String column = part.trim();
        if (column.isEmpty()) {
          continue;
        }
        String[] words = column.split("\\s+");
        if (words.length == 2 && words[1].equalsIgnoreCase("DESC")) {
          throw new Problem(Message.INDEX_ORDER_NOT_SUPPORTED, head.type(), table, item, simpleName(head.type()),
              columnList);
        }
        if (words.length == 2 && words[1].equalsIgnoreCase("ASC")) {
          column = words[0];
        }
        names.add(existingColumn(t, table, item, naming.physical(column), "@Index"));
      }
      if (names.isEmpty()) {
        throw new Problem(Message.EMPTY_COLUMN_LIST, head.type(), table, item, simpleName(head.type()), columnList);
      }
      if (names.contains(null)) {
        continue;
      }
      String written = string(index, "name", "");
      String name = written.isBlank() ? Naming.objectName(head.table(), names, "idx") : naming.physical(written);
      t.indexes.putIfAbsent(name, Index.on(name, names, bool(index, "unique", false)));
    }
  }

  /** {@code column} if the table has it; else reports it (unless a failed field explains it) and returns null. */
  private String existingColumn(TableBuilder t, AnnotationMirror table, AnnotationValue item, String column,
      String kind) {
    if (t.columns.containsKey(column)) {
      return column;
    }
    if (!t.failed) {
      reporter.report(Message.UNKNOWN_COLUMN, t.head.type(), table, item, kind, simpleName(t.head.type()), column,
          t.head.qualifiedTable(), String.join(", ", t.columns.keySet()));
    }
    return null;
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

    void register(Head head, Table table) {
      Element at = head.type();
      AnnotationMirror mirror = tableAnnotationOrEntity(head);
      String owner = simpleName(head.type());
      claim(relations, table.schema(), table.name(), "table", "the table of " + owner, at, mirror);
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
      Field field = s.field();
      claim(relations, s.sequence().schema(), s.sequence().name(), "sequence", "the sequence of " + field.describe(),
          field.element(), jpa(field.element(), "GeneratedValue"));
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

  private static AnnotationMirror tableAnnotationOrEntity(Head head) {
    AnnotationMirror table = jpa(head.type(), "Table");
    return table != null ? table : head.annotation();
  }

  private static AnnotationMirror firstJpa(Element element, String... simpleNames) {
    for (String name : simpleNames) {
      AnnotationMirror mirror = jpa(element, name);
      if (mirror != null) {
        return mirror;
      }
    }
    return null;
  }

  private static String annotationName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The class name without its package, nesting kept: {@code Customer}, {@code Shop.Order}. */
  static String simpleName(TypeElement type) {
    String qualified = type.getQualifiedName().toString();
    Element enclosing = type.getEnclosingElement();
    while (enclosing != null && enclosing.getKind() != ElementKind.PACKAGE) {
      enclosing = enclosing.getEnclosingElement();
    }
    if (enclosing == null) {
      return qualified;
    }
    String pkg = ((PackageElement) enclosing).getQualifiedName().toString();
    return pkg.isEmpty() || !qualified.startsWith(pkg + ".") ? qualified : qualified.substring(pkg.length() + 1);
  }
}
