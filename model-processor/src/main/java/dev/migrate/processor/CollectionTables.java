package dev.migrate.processor;

import static dev.migrate.processor.Annotations.HIBERNATE;
import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotationName;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.firstJpa;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.model.Column;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.processor.Members.Attribute;
import dev.migrate.processor.TableDraft.Phase;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Collections of entities: the join table of a {@code @ManyToMany} or unidirectional
 * {@code @OneToMany} (owner and element join columns, its primary key by collection kind, foreign
 * keys), or the join column a {@code @OneToMany} with {@code @JoinColumn} puts on the target's
 * table. Also the columns every collection table may have, which {@link ElementCollections} shares:
 * the order column, the map key column and the id-bag's identifier.
 */
final class CollectionTables {

  private final ModelBuilder builder;

  CollectionTables(ModelBuilder builder) {
    this.builder = builder;
  }

  /**
   * Maps the collection attribute {@code a} ({@code annotation} is its JPA annotation), run after
   * every entity.
   */
  void map(MappingContext context, Attribute a, AnnotationMirror annotation) {
    Element e = a.element();
    String kind = annotationName(annotation);
    if (!kind.equals("ElementCollection") && !string(annotation, "mappedBy", "").isBlank()) {
      AnnotationMirror order = jpa(e, "OrderColumn");
      if (kind.equals("ManyToMany") && order != null) {
        throw new Problem(
            Message.MANY_TO_MANY_INVERSE_ORDER_COLUMN,
            e,
            order,
            null,
            a.describe(),
            string(annotation, "mappedBy", ""),
            targetName(a, annotation));
      }
      if (kind.equals("OneToMany")) {
        inverseSideColumns(context, a, annotation);
      }
      return; // the inverse side: no table of its own, no column but a list's order or a map's key
    }
    Entity owner = context.entity();
    if (owner == null || owner.idColumns().isEmpty()) {
      return;
    }
    CollectionShape shape = CollectionShape.of(a, builder.types());
    if (shape == null) {
      throw new Problem(
          Message.COLLECTION_ELEMENT_UNKNOWN,
          e,
          annotation,
          null,
          "@" + kind,
          a.describe(),
          a.type());
    }
    if (kind.equals("ElementCollection")) {
      TypeMirror element = Annotations.type(annotation, "targetClass");
      if (element == null
          || element.getKind() != TypeKind.DECLARED
          || ((TypeElement) builder.types().asElement(element))
              .getQualifiedName()
              .contentEquals("void")) {
        element = shape.element();
      }
      builder.elementCollections().map(context, a, shape, element);
      return;
    }
    Entity target = builder.associations().target(a, annotation, shape.element());
    if (target == null || target.idColumns().isEmpty()) {
      return;
    }
    boolean oneToMany = kind.equals("OneToMany");
    List<AnnotationMirror> joinColumns = jpaRepeated(e, "JoinColumn");
    if (jpa(e, "JoinColumns") != null) {
      joinColumns = annotations(jpa(e, "JoinColumns"), "value");
    }
    if (oneToMany && jpa(e, "JoinTable") == null && !joinColumns.isEmpty()) {
      oneToManyJoinColumn(a, owner, target, joinColumns, shape);
      return;
    }
    joinTable(context, a, owner, target, shape, oneToMany);
  }

  /**
   * {@code @OneToMany} with {@code @JoinColumn}: the join column (and order column, or nullable map
   * key column) go on the target's table.
   */
  private void oneToManyJoinColumn(
      Attribute a,
      Entity owner,
      Entity target,
      List<AnnotationMirror> joinColumns,
      CollectionShape shape) {
    TableDraft t = builder.table(target.schema(), target.table(), target.type(), null);
    List<Column> columns =
        builder.associations().joinColumnList(a, owner, joinColumns, a.name(), true, false);
    MappingContext c = MappingContext.forCollection(target, t).withPhase(Phase.COLLECTION);
    Attributes attributes = builder.attributes();
    boolean readOnly = joinColumns.stream().allMatch(BasicColumns::readOnly);
    for (Column column : columns) {
      attributes.addColumn(c, a, column, readOnly);
    }
    List<String> names = columns.stream().map(Column::name).toList();
    AnnotationMirror fk =
        annotation(
            jpa(a.element(), "JoinColumns") != null
                ? jpa(a.element(), "JoinColumns")
                : joinColumns.get(0),
            "foreignKey");
    builder
        .associations()
        .foreignKey(t, names, owner, fk, a.element(), Associations.onDelete(a.element()));
    AnnotationMirror order = jpa(a.element(), "OrderColumn");
    if (order != null) {
      Column orderColumn = orderColumn(a, order).withNullable(bool(order, "nullable", true));
      attributes.addColumn(c, a, orderColumn, false);
      checkOrderColumn(t, orderColumn);
    }
    if (shape.map()) { // the key column is nullable in the child's table, as Hibernate makes it
      mapKey(c, a, shape).forEach(k -> attributes.addColumn(c, a, k.withNullable(true), false));
    }
  }

  /**
   * The inverse side of a {@code @OneToMany(mappedBy = ...)} that is a list with
   * {@code @OrderColumn} or a map without {@code @MapKey}: Hibernate keeps the order or the key in
   * a column of the target's table, after its other columns, as for a {@code @OneToMany} with
   * {@code @JoinColumn}: the order column ({@code <attribute>_ORDER integer}) nullable unless
   * {@code @OrderColumn(nullable = false)}, under 7.4 with its check; the map key column
   * ({@code @MapKeyColumn}, default {@code <attribute>_KEY}) always nullable. Checked against the
   * metadata of Hibernate 6.6.33, 7.2.19 and 7.4.13 ({@code OracleRegressionTest}).
   */
  private void inverseSideColumns(
      MappingContext context, Attribute a, AnnotationMirror annotation) {
    AnnotationMirror order = jpa(a.element(), "OrderColumn");
    Entity owner = context.entity();
    CollectionShape shape = CollectionShape.of(a, builder.types());
    if (owner == null
        || owner.idColumns().isEmpty()
        || shape == null // not a collection: reported on the owning side
        || order == null && !shape.map()) {
      return;
    }
    Entity target = builder.associations().target(a, annotation, shape.element());
    if (target == null || target.idColumns().isEmpty()) {
      return;
    }
    TableDraft t = builder.table(target.schema(), target.table(), target.type(), null);
    MappingContext c = MappingContext.forCollection(target, t).withPhase(Phase.COLLECTION);
    Attributes attributes = builder.attributes();
    if (order != null) {
      Column orderColumn = orderColumn(a, order).withNullable(bool(order, "nullable", true));
      attributes.addColumn(c, a, orderColumn, false);
      checkOrderColumn(t, orderColumn);
    }
    if (shape.map()) {
      mapKey(c, a, shape).forEach(k -> attributes.addColumn(c, a, k.withNullable(true), false));
    }
  }

  /** The collection table of a {@code @ManyToMany} or unidirectional {@code @OneToMany}. */
  private void joinTable(
      MappingContext context,
      Attribute a,
      Entity owner,
      Entity target,
      CollectionShape shape,
      boolean oneToMany) {
    Element e = a.element();
    AnnotationMirror joinTable = jpa(e, "JoinTable");
    String written = string(joinTable, "name", "");
    String name;
    if (!written.isBlank()) {
      name = builder.drafts().physical(written);
    } else if (builder.naming() == Naming.SNAKE_CASE) {
      name = builder.drafts().physical(owner.table() + "_" + a.name());
    } else {
      name = builder.drafts().physical(owner.table() + "_" + target.table());
    }
    String schemaName = string(joinTable, "schema", "");
    TableDraft t = builder.table(builder.drafts().physicalOrNull(schemaName), name, e, joinTable);
    MappingContext c = MappingContext.forCollection(owner, t).withPath(context.path());
    Attributes attributes = builder.attributes();
    Associations associations = builder.associations();

    String inverse = inverseAttribute(target, a);
    String ownerPrefix = inverse != null ? inverse : owner.jpaName();
    List<Column> ownerColumns =
        associations.joinColumnList(
            a, owner, annotations(joinTable, "joinColumns"), ownerPrefix, false, false);
    List<Column> elementColumns =
        associations.joinColumnList(
            a, target, annotations(joinTable, "inverseJoinColumns"), a.name(), false, false);
    ownerColumns.forEach(col -> attributes.addColumn(c.withPhase(Phase.ID), a, col, false));
    List<String> ownerNames = ownerColumns.stream().map(Column::name).toList();
    List<String> elementNames = elementColumns.stream().map(Column::name).toList();
    List<Column> extra = new ArrayList<>();
    AnnotationMirror order = jpa(e, "OrderColumn");
    if (order != null) {
      extra.add(orderColumn(a, order));
      checkOrderColumn(t, extra.get(0));
    }
    if (shape.map()) {
      extra.addAll(mapKey(c, a, shape));
    }
    elementColumns.forEach(col -> attributes.addColumn(c.withPhase(Phase.JOIN), a, col, false));
    extra.forEach(col -> attributes.addColumn(c.withPhase(Phase.COLLECTION), a, col, false));

    List<String> pk = new ArrayList<>(ownerNames);
    Column collectionId = collectionId(owner, t, a);
    if (collectionId != null) {
      attributes.addColumn(c.withPhase(Phase.COLLECTION), a, collectionId, false);
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
    associations.foreignKey(t, ownerNames, owner, annotation(joinTable, "foreignKey"), e, null);
    associations.foreignKey(
        t, elementNames, target, annotation(joinTable, "inverseForeignKey"), e, null);
  }

  /**
   * The simple name of the class a collection attribute's elements are ({@code targetEntity}, else
   * the element type), or {@code "the target entity"} when it is unknown.
   */
  private String targetName(Attribute a, AnnotationMirror annotation) {
    TypeMirror target = Annotations.type(annotation, "targetEntity");
    if (target == null
        || target.getKind() != TypeKind.DECLARED
        || ((TypeElement) builder.types().asElement(target))
            .getQualifiedName()
            .contentEquals("void")) {
      CollectionShape shape = CollectionShape.of(a, builder.types());
      target = shape == null ? null : shape.element();
    }
    return target != null && target.getKind() == TypeKind.DECLARED
        ? Annotations.simpleName((TypeElement) builder.types().asElement(target))
        : "the target entity";
  }

  /** The attribute of {@code target} whose {@code mappedBy} names {@code a}, or {@code null}. */
  private static String inverseAttribute(Entity target, Attribute a) {
    for (Attribute other : target.attributes()) {
      AnnotationMirror m =
          firstJpa(other.element(), "ManyToMany", "OneToMany", "ManyToOne", "OneToOne");
      if (m != null && string(m, "mappedBy", "").equals(a.name())) {
        return other.name();
      }
    }
    return null;
  }

  /**
   * The identifier column of an id-bag (Hibernate's {@code @CollectionId}), which becomes the
   * collection table's primary key on its own ({@code IdBagBinder}, Hibernate 6.6), or {@code null}
   * without {@code @CollectionId}.
   *
   * <p>Its type comes from {@code @CollectionIdJdbcTypeCode} ({@code BIGINT}, {@code INTEGER} or
   * {@code SMALLINT}), else from {@code @CollectionIdJdbcType} or {@code @CollectionIdJavaType}
   * when Migrate can read the class ({@link #typeOfClass}); without any Hibernate cannot start
   * ("Unable to determine JavaType"): that, another type code and a class whose column type is up
   * to its code are reported. Its generator: {@code increment} needs nothing in the database;
   * {@code sequence} is Hibernate's sequence {@code <collection table>_SEQ} (start 1, increment
   * 50), the name of a {@code @SequenceGenerator} is that sequence; anything else (Hibernate itself
   * refuses {@code identity}, {@code assigned}, {@code native} and no generator) is reported.
   */
  Column collectionId(Entity owner, TableDraft t, Attribute a) {
    AnnotationMirror id = Annotations.find(a.element(), HIBERNATE + "CollectionId");
    if (id == null) {
      return null;
    }
    AnnotationMirror code = Annotations.find(a.element(), HIBERNATE + "CollectionIdJdbcTypeCode");
    AnnotationValue v = value(code, "value");
    Integer typeCode = v != null && v.getValue() instanceof Integer i ? i : null;
    SqlType type =
        typeCode == null
            ? typeOfClass(a, "CollectionIdJdbcType", "CollectionIdJavaType")
            : switch (typeCode) {
              case java.sql.Types.BIGINT -> SqlType.bigint();
              case java.sql.Types.INTEGER -> SqlType.integer();
              case java.sql.Types.SMALLINT -> SqlType.smallint();
              default -> null;
            };
    if (type == null) {
      throw new Problem(
          Message.MAPPING_NOT_SUPPORTED,
          a.element(),
          code != null ? code : id,
          v,
          typeCode == null
              ? "@CollectionId without @CollectionIdJdbcTypeCode or one of Hibernate's JavaType classes"
              : "@CollectionIdJdbcTypeCode(" + typeCode + ")",
          a.describe(),
          "Give the id-bag's identifier its type with @CollectionIdJdbcTypeCode(SqlTypes.BIGINT), INTEGER or"
              + " SMALLINT, or @CollectionIdJavaType(LongJavaType.class), IntegerJavaType or ShortJavaType.");
    }
    String generator = string(id, "generator", "");
    IdGenerators generators = builder.idGenerators();
    if (generator.equals("sequence")) {
      builder
          .drafts()
          .declareSequence(
              new Sequence(null, builder.drafts().physical(t.name + "_SEQ"), 1, 50), a, id);
    } else if (!generator.equals("increment")) {
      AnnotationMirror sequenceGenerator =
          generator.isBlank()
              ? null
              : generators.findGenerator(owner, a, generator, "SequenceGenerator");
      if (sequenceGenerator == null) {
        throw new Problem(
            Message.MAPPING_NOT_SUPPORTED,
            a.element(),
            id,
            value(id, "generator"),
            "@CollectionId(generator = \"" + generator + "\")",
            a.describe(),
            "Use generator = \"increment\", \"sequence\" or the name of a @SequenceGenerator.");
      }
      builder.drafts().declareSequence(generators.sequence(owner, a, id, generator), a, id);
    }
    AnnotationMirror column = annotation(id, "column");
    String written = string(column, "name", "");
    return new Column(
        builder.drafts().physical(written.isBlank() ? "id" : written), type, false, null, null);
  }

  /**
   * The column type that {@code @<jdbcType>(X.class)} or {@code @<javaType>(X.class)} on {@code a}
   * gives ({@link JdbcTypes#jdbcTypeClass}, {@link JdbcTypes#javaTypeClass}: one of Hibernate's own
   * classes or an application's subclass of one that changes nothing); the JdbcType wins, as in
   * Hibernate. {@code null} without either, or for a JDBC type other than an integer.
   *
   * @throws Problem {@link Message#TYPE_CLASS_NOT_MODELLED} for a class whose type is decided by
   *     its code
   */
  private static SqlType typeOfClass(Attribute a, String jdbcType, String javaType) {
    AnnotationMirror jdbc = Annotations.find(a.element(), HIBERNATE + jdbcType);
    TypeMirror jdbcClass = Annotations.type(jdbc, "value");
    if (jdbcClass != null) {
      JdbcTypes.TypeClass resolved = JdbcTypes.jdbcTypeClass(jdbcClass);
      if (resolved.undecided() != null) {
        throw new Problem(
            Message.TYPE_CLASS_NOT_MODELLED,
            a.element(),
            jdbc,
            value(jdbc, "value"),
            "@" + jdbcType,
            jdbcClass,
            a.describe(),
            resolved.undecided());
      }
      return switch (resolved.code()) {
        case JdbcTypes.BIGINT -> SqlType.bigint();
        case JdbcTypes.INTEGER -> SqlType.integer();
        case JdbcTypes.SMALLINT -> SqlType.smallint();
        default -> null;
      };
    }
    AnnotationMirror java = Annotations.find(a.element(), HIBERNATE + javaType);
    TypeMirror javaClass = Annotations.type(java, "value");
    if (javaClass == null) {
      return null;
    }
    JdbcTypes.TypeClass resolved = JdbcTypes.javaTypeClass(javaClass);
    if (resolved.undecided() != null) {
      throw new Problem(
          Message.TYPE_CLASS_NOT_MODELLED,
          a.element(),
          java,
          value(java, "value"),
          "@" + javaType,
          javaClass,
          a.describe(),
          resolved.undecided());
    }
    return TypeMapping.describedColumnType(
        resolved.describes(), new TypeMapping.Sizes(TypeMapping.DEFAULT_LENGTH, 0, 0, null));
  }

  /**
   * The {@code @OrderColumn} of a list: {@code <attribute>_ORDER integer not null} unless it says
   * otherwise.
   */
  Column orderColumn(Attribute a, AnnotationMirror order) {
    String written = string(order, "name", "");
    return new Column(
        builder.drafts().physical(written.isBlank() ? a.name() + "_ORDER" : written),
        SqlType.integer(),
        false,
        null,
        null);
  }

  /**
   * Under Hibernate 7.4, {@code check (<order column> >= 0)} on {@code t} ({@link
   * HibernateVersion#checksOrderColumns}).
   */
  void checkOrderColumn(TableDraft t, Column order) {
    if (builder.hibernate().checksOrderColumns()) {
      t.addCheck(order.name(), builder.syntax().quoteIdentifier(order.name()) + ">=0");
    }
  }

  /**
   * The map key column of a {@code Map} attribute ({@code @MapKeyColumn}, default {@code
   * <attribute>_KEY}); none with {@code @MapKey}, whose key is an attribute of the element.
   *
   * @throws Problem {@link Message#MAPPING_NOT_SUPPORTED} for a map keyed by an entity or an
   *     embeddable
   */
  List<Column> mapKey(MappingContext context, Attribute a, CollectionShape shape) {
    Element e = a.element();
    if (jpa(e, "MapKey") != null) {
      return List.of();
    }
    AnnotationMirror keyColumn = jpa(e, "MapKeyColumn");
    String written = string(keyColumn, "name", "");
    String name = builder.drafts().physical(written.isBlank() ? a.name() + "_KEY" : written);
    if (builder.attributes().embeddable(shape.key()) != null
        || shape.key().getKind() == TypeKind.DECLARED
            && hasJpa(builder.types().asElement(shape.key()), "Entity")) {
      throw new Problem(
          Message.MAPPING_NOT_SUPPORTED,
          e,
          null,
          null,
          "A map keyed by an entity or embeddable",
          a.describe(),
          "Key the map by a basic type (String, a number, an enum) with @MapKeyColumn.");
    }
    BasicColumns.Mapped mapped =
        builder
            .basicColumns()
            .mapKeyColumn(
                context,
                a,
                e,
                shape.key(),
                keyColumn,
                name,
                jpa(e, "MapKeyEnumerated"),
                jpa(e, "MapKeyTemporal"));
    Column c = mapped.column().withNullable(false);
    context.table().addChecks(c.name(), mapped);
    return List.of(c);
  }
}
