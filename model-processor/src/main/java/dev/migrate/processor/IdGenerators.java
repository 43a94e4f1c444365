package dev.migrate.processor;

import static dev.migrate.processor.Annotations.HIBERNATE;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.integer;
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
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * What {@code @GeneratedValue} puts in the database, as Hibernate 6.6 does on PostgreSQL: an
 * identity column, a sequence ({@code @SequenceGenerator}, a generator name, or {@code
 * <table>_seq}), Hibernate's generator table ({@code @TableGenerator}), or nothing (UUIDs). Checks
 * the identifier's Java type against the strategy.
 */
final class IdGenerators {

  private static final String GENERIC_GENERATOR = HIBERNATE + "GenericGenerator";

  private final ModelBuilder builder;

  IdGenerators(ModelBuilder builder) {
    this.builder = builder;
  }

  /**
   * {@code column} (the {@code @Id} column) as its {@code @GeneratedValue} makes it; registers its
   * generator.
   *
   * @throws Problem {@link Message#GENERATION_TYPE_MISMATCH} if the strategy cannot make values of
   *     the id's type, or another {@link Message} for a generator Migrate does not support or a
   *     conflicting sequence
   */
  Column generation(Entity entity, Attribute id, Column column) {
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
          throw typeMismatch(
              id,
              generated,
              strategy,
              "smallint, integer or bigint values: use long, int or short (or a wrapper)");
        }
        return column.asIdentity();
      case "TABLE":
        tableGenerator(entity, id, generated, generator);
        return column;
      case "UUID":
        if (!TypeMapping.isUuid(type) && !TypeMapping.isString(type)) {
          throw typeMismatch(id, generated, strategy, "UUIDs: use java.util.UUID or String");
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
      throw typeMismatch(
          id,
          generated,
          strategy,
          strategy.equals("AUTO")
              ? "sequence numbers for number types and UUIDs for java.util.UUID: use Long or UUID"
              : "sequence numbers: use long, int, short, BigInteger or BigDecimal");
    }
    Sequence sequence = sequence(entity, id, generated, generator);
    builder.drafts().declareSequence(sequence, id, generated);
    return column;
  }

  /**
   * {@link Message#GENERATION_TYPE_MISMATCH}: {@code strategy} makes {@code expected}, not values
   * of the type of {@code id}.
   */
  private static Problem typeMismatch(
      Attribute id, AnnotationMirror generated, String strategy, String expected) {
    return new Problem(
        Message.GENERATION_TYPE_MISMATCH,
        id.element(),
        generated,
        value(generated, "strategy"),
        strategy,
        id.describe(),
        id.type(),
        expected);
  }

  /**
   * Hibernate's table generator: a table ({@code hibernate_sequences} unless
   * {@code @TableGenerator(table)} says otherwise) with {@code sequence_name varchar(255) not null}
   * (the primary key) and {@code next_val bigint}.
   */
  private void tableGenerator(
      Entity entity, Attribute id, AnnotationMirror generated, String generator) {
    AnnotationMirror g =
        generator.isEmpty() ? null : findGenerator(entity, id, generator, "TableGenerator");
    String tableName = string(g, "table", "");
    String schemaName = string(g, "schema", "");
    String table =
        builder.drafts().physical(tableName.isBlank() ? "hibernate_sequences" : tableName);
    String schema = builder.drafts().physicalOrNull(schemaName);
    String pkColumn = builder.drafts().physical(string(g, "pkColumnName", "sequence_name"));
    String valueColumn = builder.drafts().physical(string(g, "valueColumnName", "next_val"));
    TableDraft t = builder.table(schema, table, id.element(), generated);
    t.add(
        new Column(pkColumn, SqlType.varchar(255), false, null, null),
        id.describe(),
        "",
        id.element(),
        false,
        Phase.ID);
    t.add(
        new Column(valueColumn, SqlType.bigint(), true, null, null),
        id.describe(),
        "",
        id.element(),
        false,
        Phase.BASIC);
    t.primaryKey = List.of(pkColumn);
  }

  /**
   * The sequence Hibernate 6.6 uses: the {@code @SequenceGenerator} named by {@code generator};
   * else a sequence named after the generator; else {@code <table>_seq} ({@code
   * StandardNamingStrategy}: the table name with {@code _SEQ}, unquoted). Start 1, increment 50
   * unless the generator says otherwise. The schema is the one the generator names, else none (the
   * default schema), even for a table in a schema: that is where Hibernate looks for it ({@code
   * HibernateOracleTest}).
   *
   * @throws Problem {@link Message#GENERATOR_NOT_SUPPORTED} for a {@code @GenericGenerator}, or
   *     {@link Message#ALLOCATION_SIZE_NOT_POSITIVE}
   */
  Sequence sequence(Entity entity, Attribute id, AnnotationMirror generated, String generator) {
    if (generator.isEmpty()) {
      return new Sequence(null, builder.drafts().physical(entity.root().table() + "_SEQ"), 1, 50);
    }
    AnnotationMirror sequenceGenerator = findGenerator(entity, id, generator, "SequenceGenerator");
    if (sequenceGenerator == null) {
      if (findHibernateGenerator(entity, id, generator) != null) {
        throw new Problem(
            Message.GENERATOR_NOT_SUPPORTED,
            id.element(),
            generated,
            value(generated, "generator"),
            "generator = \"" + generator + "\", a @GenericGenerator",
            id.describe());
      }
      return new Sequence(null, builder.drafts().physical(generator), 1, 50);
    }
    String sequenceName = string(sequenceGenerator, "sequenceName", "");
    String schema = string(sequenceGenerator, "schema", "");
    int allocationSize = integer(sequenceGenerator, "allocationSize", 50);
    if (allocationSize <= 0) {
      throw new Problem(
          Message.ALLOCATION_SIZE_NOT_POSITIVE,
          id.element(),
          generated,
          value(generated, "generator"),
          allocationSize,
          generator,
          id.describe());
    }
    return new Sequence(
        builder.drafts().physicalOrNull(schema),
        builder.drafts().physical(sequenceName.isBlank() ? generator : sequenceName),
        integer(sequenceGenerator, "initialValue", 1),
        allocationSize);
  }

  /**
   * The JPA generator annotation {@code kind} named {@code name}: on the attribute, on the entity
   * or its superclasses, then on any other entity being modelled (JPA generator names are global to
   * the unit).
   */
  AnnotationMirror findGenerator(Entity entity, Attribute id, String name, String kind) {
    List<Element> places = new ArrayList<>();
    places.add(id.element());
    places.addAll(superclasses(entity.type()));
    for (TypeElement other : builder.entityTypes()) {
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
      t = s.getKind() == TypeKind.DECLARED ? (TypeElement) builder.types().asElement(s) : null;
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
}
