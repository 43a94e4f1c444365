package dev.migrate.processor;

import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.string;

import dev.migrate.model.Column;
import dev.migrate.processor.Members.Attribute;
import dev.migrate.processor.TableDraft.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @ElementCollection}: the collection table ({@code @CollectionTable}, default {@code
 * <Entity>_<attribute>}) of the owner's key and the element's column (a basic value) or columns (an
 * embeddable, its attributes under {@code value.}), with the order, map key and id-bag columns of
 * {@link CollectionTables}, the primary key the collection's kind gives it, and the foreign key to
 * the owner.
 */
final class ElementCollections {

  private final ModelBuilder builder;

  ElementCollections(ModelBuilder builder) {
    this.builder = builder;
  }

  /**
   * Maps the element collection {@code a} of the context's entity, whose elements are {@code
   * elementType}.
   */
  void map(MappingContext context, Attribute a, CollectionShape shape, TypeMirror elementType) {
    Element e = a.element();
    Entity owner = context.entity();
    Attributes attributes = builder.attributes();
    CollectionTables collections = builder.collectionTables();
    AnnotationMirror collectionTable = jpa(e, "CollectionTable");
    String written = string(collectionTable, "name", "");
    String name =
        builder.drafts().physical(written.isBlank() ? owner.jpaName() + "_" + a.name() : written);
    String schemaName = string(collectionTable, "schema", "");
    TableDraft t =
        builder.table(builder.drafts().physicalOrNull(schemaName), name, e, collectionTable);
    MappingContext c = MappingContext.forCollection(owner, t);

    List<Column> ownerColumns =
        builder
            .associations()
            .joinColumnList(
                a,
                owner,
                annotations(collectionTable, "joinColumns"),
                owner.jpaName(),
                false,
                false);
    ownerColumns.forEach(col -> attributes.addColumn(c.withPhase(Phase.ID), a, col, false));
    List<String> ownerNames = ownerColumns.stream().map(Column::name).toList();
    int before = t.columns.size();
    TypeElement embeddable = attributes.embeddable(elementType);
    List<String> elementNames = new ArrayList<>();
    if (embeddable != null) {
      // the element's attributes sit under "value." (JPA's prefix for a map's value, optional for a
      // collection)
      MappingContext inner =
          c.withPath(MappingContext.ELEMENT_PATH)
              .withOverrides(
                  elementOverrides(e, "AttributeOverride"),
                  elementOverrides(e, "AssociationOverride"));
      for (Attribute attribute : attributes.embeddableAttributes(embeddable, owner.access())) {
        attributes.map(inner, attribute);
      }
      t.columns.keySet().stream().skip(before).forEach(elementNames::add);
    } else {
      AnnotationMirror col = jpa(e, "Column");
      String columnName = string(col, "name", "");
      BasicColumns.Mapped mapped =
          builder
              .basicColumns()
              .column(
                  c,
                  a,
                  e,
                  elementType,
                  col,
                  builder.drafts().physical(columnName.isBlank() ? a.name() : columnName),
                  jpa(e, "Enumerated"),
                  jpa(e, "Temporal"));
      attributes.addColumn(c, a, mapped.column(), false);
      t.addChecks(mapped.column().name(), mapped);
      elementNames.add(mapped.column().name());
    }
    List<Column> extra = new ArrayList<>();
    AnnotationMirror order = jpa(e, "OrderColumn");
    if (order != null) {
      extra.add(collections.orderColumn(a, order));
      collections.checkOrderColumn(t, extra.get(0));
    }
    if (shape.map()) {
      extra.addAll(collections.mapKey(c, a, shape));
    }
    extra.forEach(col -> attributes.addColumn(c.withPhase(Phase.COLLECTION), a, col, false));
    Column collectionId = collections.collectionId(owner, t, a);
    if (collectionId != null) {
      attributes.addColumn(c.withPhase(Phase.COLLECTION), a, collectionId, false);
      t.primaryKey = List.of(collectionId.name());
    } else if (order != null || shape.map()) {
      List<String> pk = new ArrayList<>(ownerNames);
      extra.forEach(col -> pk.add(col.name()));
      t.primaryKey = pk;
    } else if (shape.set()) {
      boolean allNotNull =
          elementNames.stream().allMatch(n -> !t.columns.get(n).column().nullable());
      List<String> key = new ArrayList<>(ownerNames);
      key.addAll(elementNames);
      if (allNotNull) {
        t.primaryKey = key;
      } else if (builder.hibernate().uniqueElementSets()) {
        t.addUnique(key, null); // Hibernate 7.4: a set holds no element twice
      }
    }
    builder
        .associations()
        .foreignKey(t, ownerNames, owner, annotation(collectionTable, "foreignKey"), e, null);
  }

  /**
   * The {@code @AttributeOverride}s (or {@code @AssociationOverride}s, by {@code kind}) of an
   * element collection by attribute path, each under {@code value.} whether or not it was written
   * with it.
   */
  private static Map<String, AnnotationMirror> elementOverrides(Element e, String kind) {
    Map<String, AnnotationMirror> result = new HashMap<>();
    for (AnnotationMirror o : jpaRepeated(e, kind)) {
      String key = string(o, "name", "");
      result.putIfAbsent(
          key.startsWith(MappingContext.ELEMENT_PATH) ? key : MappingContext.ELEMENT_PATH + key, o);
    }
    return result;
  }
}
