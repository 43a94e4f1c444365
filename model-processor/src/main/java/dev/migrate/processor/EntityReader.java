package dev.migrate.processor;

import static dev.migrate.processor.Annotations.MIGRATE;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.firstJpa;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.simpleName;
import static dev.migrate.processor.Annotations.string;

import dev.migrate.model.Column;
import dev.migrate.processor.Members.Access;
import dev.migrate.processor.Members.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads each entity class into its {@link Entity}, once: its name, hierarchy (the nearest entity
 * superclass and the mapped superclasses in between), inheritance strategy, table, access,
 * attributes, and the columns of its primary key as a join column copies them, {@code @MapsId}
 * included. Problems are reported; the entity is then {@code null}, and so are its subclasses.
 */
final class EntityReader {

  private final ModelBuilder builder;

  /**
   * Entities by binary class name; a {@code null} value marks one that failed or is being computed.
   */
  private final Map<String, Entity> entityInfo = new HashMap<>();

  EntityReader(ModelBuilder builder) {
    this.builder = builder;
  }

  /** The entity {@code type}, computed once; {@code null} if it cannot be mapped (reported). */
  Entity entity(TypeElement type) {
    String key = builder.binaryName(type);
    if (entityInfo.containsKey(key)) {
      return entityInfo.get(key);
    }
    entityInfo.put(key, null);
    Entity entity = null;
    try {
      entity = computeEntity(type);
    } catch (Problem p) {
      builder.reporter().report(p);
    } catch (RuntimeException e) {
      builder.reporter().internal(type, e);
    }
    entityInfo.put(key, entity);
    return entity;
  }

  private Entity computeEntity(TypeElement type) {
    AnnotationMirror annotation = jpa(type, "Entity");
    if (Annotations.find(type, MIGRATE + "Table") != null) {
      throw new Problem(
          Message.MIGRATE_TABLE_ON_ENTITY,
          type,
          Annotations.find(type, MIGRATE + "Table"),
          null,
          simpleName(type));
    }
    String jpaName = string(annotation, "name", "");
    if (jpaName.isBlank()) {
      jpaName = type.getSimpleName().toString();
    }
    // the superclasses up to the nearest entity: mapped superclasses whose attributes this entity
    // maps
    List<TypeElement> levels = new ArrayList<>();
    levels.add(type);
    TypeElement parentType = null;
    List<TypeElement> above =
        new ArrayList<>(); // mapped superclasses and entities above the parent, for access
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement s = (TypeElement) builder.types().asElement(superclass);
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
    Access access =
        parent != null && Members.explicitAccess(type) == null
            ? parent.access()
            : Members.inferAccess(accessLevels);

    String strategy =
        parent != null
            ? parent.strategy()
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
      table = builder.drafts().physical(tableName.isBlank() ? jpaName : tableName);
      schema = builder.drafts().physicalOrNull(schemaName);
    }

    List<Attribute> attributes = new ArrayList<>();
    if (parent != null && strategy.equals("TABLE_PER_CLASS")) {
      attributes.addAll(parent.attributes());
    }
    for (TypeElement level : levels) {
      attributes.addAll(builder.members().declared(level, type, access));
    }
    if (parent != null) {
      return new Entity(
          type,
          annotation,
          jpaName,
          parent,
          strategy,
          schema,
          table,
          access,
          attributes,
          parent.ids(),
          subclassIdColumns(type, parent, strategy),
          null,
          parent.idClass());
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
    Entity partial =
        new Entity(
            type,
            annotation,
            jpaName,
            null,
            strategy,
            schema,
            table,
            access,
            attributes,
            ids,
            List.of(),
            null,
            idClass);
    List<Column> idColumns = new ArrayList<>();
    Column generated = null;
    for (Attribute id : ids) {
      MappingContext context = MappingContext.forEntityId(builder.topValidation(), partial, null);
      for (Column c : idColumns(context, id)) {
        idColumns.add(c.withIdentity(null).withNullable(false));
      }
    }
    idColumns = mapsId(partial, idColumns);
    if (ids.size() == 1
        && hasJpa(ids.get(0).element(), "Id")
        && idColumns.size() == 1
        && idColumns.get(0).name().equals(builder.drafts().physical(columnName(ids.get(0))))) {
      generated = idColumns.get(0);
    }
    return partial.withIdColumns(idColumns, generated);
  }

  /**
   * {@code idColumns} of the root entity {@code partial} with the columns that a {@code @MapsId}
   * association shares replaced by its join columns (all of them, or those of the
   * {@code @EmbeddedId} part that {@code @MapsId} names).
   */
  private List<Column> mapsId(Entity partial, List<Column> idColumns) {
    TypeElement type = partial.type();
    for (Attribute a : partial.attributes()) {
      AnnotationMirror mapsId = jpa(a.element(), "MapsId");
      AnnotationMirror toOne = firstJpa(a.element(), "ManyToOne", "OneToOne");
      if (mapsId == null || toOne == null) {
        continue;
      }
      Entity target = builder.associations().target(a, toOne, a.type());
      if (target == null || target.idColumns().isEmpty()) {
        continue;
      }
      List<Column> joins =
          builder
              .associations()
              .joinColumnList(
                  a, target, Associations.writtenJoinColumns(a), a.name(), false, false);
      String part = string(mapsId, "value", "");
      List<String> replaced = new ArrayList<>();
      if (part.isEmpty()) {
        idColumns.forEach(c -> replaced.add(c.name()));
      } else {
        for (Attribute id : partial.ids()) {
          if (hasJpa(id.element(), "EmbeddedId") && id.type().getKind() == TypeKind.DECLARED) {
            TypeElement embeddable = (TypeElement) builder.types().asElement(id.type());
            for (Attribute inner :
                builder.attributes().embeddableAttributes(embeddable, partial.access())) {
              if (inner.name().equals(part)) {
                MappingContext c =
                    MappingContext.forEntityId(builder.topValidation(), partial, null)
                        .withPath(id.name() + ".")
                        .withOverrides(
                            MappingContext.entityOverrides(type, "AttributeOverride"), Map.of());
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
    return idColumns;
  }

  private static String columnName(Attribute a) {
    String written = string(jpa(a.element(), "Column"), "name", "");
    return written.isBlank() ? a.name() : written;
  }

  /**
   * A subclass's primary key: the root's, renamed by {@code @PrimaryKeyJoinColumn}s for {@code
   * JOINED}.
   */
  private List<Column> subclassIdColumns(TypeElement type, Entity parent, String strategy) {
    if (!strategy.equals("JOINED")) {
      return parent.idColumns();
    }
    List<AnnotationMirror> joins = jpaRepeated(type, "PrimaryKeyJoinColumn");
    List<Column> result = new ArrayList<>();
    for (int i = 0; i < parent.idColumns().size(); i++) {
      Column c = parent.idColumns().get(i);
      String written = i < joins.size() ? string(joins.get(i), "name", "") : "";
      result.add(
          written.isBlank()
              ? c
              : new Column(builder.drafts().physical(written), c.type(), false, null, null));
    }
    return result;
  }

  /** The identifier columns of one {@code @Id} or {@code @EmbeddedId} attribute. */
  private List<Column> idColumns(MappingContext context, Attribute id) {
    TableDraft scratch =
        new TableDraft(context.entity().schema(), context.entity().table(), id.element(), null);
    builder.attributes().map(context.forIdColumns(scratch), id);
    return scratch.columns.values().stream().map(TableDraft.Slot::column).toList();
  }
}
