package dev.migrate.processor;

import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotationName;
import static dev.migrate.processor.Annotations.firstJpa;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.string;

import dev.migrate.model.Column;
import dev.migrate.processor.MappingContext.Validation;
import dev.migrate.processor.Members.Access;
import dev.migrate.processor.Members.Attribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Maps one attribute in a {@link MappingContext}: hands an association to {@link Associations},
 * leaves a collection for {@link CollectionTables}, descends into an embedded attribute (its
 * overrides and Bean Validation cascade), and adds a basic attribute's column ({@link
 * BasicColumns}) to its table or secondary table. Owns the rule that two attributes mapping one
 * column must map it alike.
 */
final class Attributes {

  private final ModelBuilder builder;

  Attributes(ModelBuilder builder) {
    this.builder = builder;
  }

  /** Maps one attribute (basic, embedded, association, collection) in {@code context}. */
  void map(MappingContext context, Attribute a) {
    Element e = a.element();
    if (a.type().getKind() == TypeKind.ERROR) {
      return; // javac reports the unresolved type itself
    }
    AnnotationMirror toOne = firstJpa(e, "ManyToOne", "OneToOne");
    if (toOne != null) {
      builder.associations().joinColumns(context, a, toOne);
      return;
    }
    AnnotationMirror collection = firstJpa(e, "OneToMany", "ManyToMany", "ElementCollection");
    if (collection != null) {
      if (context.phase() != TableDraft.Phase.ID) {
        builder
            .drafts()
            .deferCollection(
                () ->
                    builder
                        .reporter()
                        .guardMember(
                            context.table(),
                            a,
                            () -> builder.collectionTables().map(context, a, collection)),
                !annotationName(collection).equals("ElementCollection")
                    && !string(collection, "mappedBy", "").isBlank());
      }
      return;
    }
    AnnotationMirror embedded = firstJpa(e, "Embedded", "EmbeddedId");
    if (embedded != null || embeddable(a.type()) != null && jpa(e, "Convert") == null) {
      embedded(context, a);
      return;
    }
    if (jpa(e, "MapsId") != null) {
      throw new Problem(
          Message.MAPS_ID_WITHOUT_ASSOCIATION, e, jpa(e, "MapsId"), null, a.describe());
    }
    BasicColumns.Mapped mapped = builder.basicColumns().column(context, a);
    TableDraft target = builder.entityTables().secondaryTable(context, a, jpa(e, "Column"));
    MappingContext inTarget = context.withTable(target);
    addColumn(inTarget, a, mapped.column(), BasicColumns.readOnly(override(context, a)));
    target.addChecks(mapped.column().name(), mapped);
    if (mapped.unique()) {
      target.addUnique(List.of(mapped.column().name()), null);
    }
  }

  /**
   * Adds {@code column} of {@code a} to the context's table.
   *
   * @throws Problem {@link Message#COLUMN_CONFLICT} if another entity maps a column of that name
   *     differently, or {@link Message#DUPLICATE_COLUMN} if another attribute of the same entity
   *     maps it
   */
  void addColumn(MappingContext context, Attribute a, Column column, boolean readOnly) {
    String ownerKey = ownerKey(context, a);
    TableDraft.Slot existing =
        context.table().add(column, a.describe(), ownerKey, a.element(), readOnly, context.phase());
    if (existing == null) {
      return;
    }
    if (!existing.ownerKey().equals(ownerKey)) {
      if (existing.column().equals(column)) {
        return; // the same column, mapped the same way by another entity on the table
      }
      throw columnProblem(
          Message.COLUMN_CONFLICT,
          context,
          a,
          column,
          describeColumn(column),
          existing.owner(),
          describeColumn(existing.column()));
    }
    throw columnProblem(Message.DUPLICATE_COLUMN, context, a, column, existing.owner());
  }

  /**
   * {@code message} on {@code a} about its {@code column} in the context's table, {@code more}
   * following the attribute, column and table.
   */
  private static Problem columnProblem(
      Message message, MappingContext context, Attribute a, Column column, Object... more) {
    Object[] args =
        Stream.concat(
                Stream.of(a.describe(), column.name(), context.table().qualifiedName()),
                Arrays.stream(more))
            .toArray();
    return new Problem(message, a.element(), null, null, args);
  }

  private String ownerKey(MappingContext context, Attribute a) {
    TypeElement owner = context.entity() != null ? context.entity().type() : a.owner();
    return builder.binaryName(owner);
  }

  private static String describeColumn(Column c) {
    return c.type()
        + (c.nullable() ? "" : " not null")
        + (c.defaultValue() == null ? "" : " default " + c.defaultValue());
  }

  /**
   * The {@code @AttributeOverride} in force for {@code a} (outermost first), else its own
   * {@code @Column}.
   */
  static AnnotationMirror override(MappingContext context, Attribute a) {
    AnnotationMirror o = context.columnOverrides().get(context.path() + a.name());
    return o != null ? annotation(o, "column") : jpa(a.element(), "Column");
  }

  // --- embeddables ---

  /** The {@code @Embeddable} class {@code type} names, or {@code null}. */
  TypeElement embeddable(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = builder.types().asElement(type);
    return hasJpa(element, "Embeddable") ? (TypeElement) element : null;
  }

  private void embedded(MappingContext context, Attribute a) {
    if (a.type().getKind() != TypeKind.DECLARED) {
      throw new Problem(
          Message.EMBEDDED_NOT_A_CLASS, a.element(), null, null, a.describe(), a.type());
    }
    TypeElement type = (TypeElement) builder.types().asElement(a.type());
    Map<String, AnnotationMirror> columns = new HashMap<>(context.columnOverrides());
    Map<String, AnnotationMirror> associations = new HashMap<>(context.associationOverrides());
    String prefix = context.path() + a.name() + ".";
    for (AnnotationMirror o : jpaRepeated(a.element(), "AttributeOverride")) {
      columns.putIfAbsent(prefix + string(o, "name", ""), o);
    }
    for (AnnotationMirror o : jpaRepeated(a.element(), "AssociationOverride")) {
      associations.putIfAbsent(prefix + string(o, "name", ""), o);
    }
    MappingContext inner =
        context
            .withValidation(embeddedValidation(context, a))
            .withPath(prefix)
            .withOverrides(columns, associations)
            .withForceNotNull(context.forceNotNull() || hasJpa(a.element(), "EmbeddedId"));
    for (Attribute attribute : embeddableAttributes(type, context.access())) {
      map(inner, attribute);
    }
  }

  /**
   * Bean Validation inside the embedded attribute {@code a}: Hibernate 6.6 ({@code
   * TypeSafeActivator.applyDDL}) descends into a composite property only when it is cascaded
   * ({@code @Valid}), and applies {@code @NotNull} below it only when the composite itself is
   * {@code @NotNull}.
   */
  private static Validation embeddedValidation(MappingContext context, Attribute a) {
    if (context.validation() == Validation.NONE
        || BasicColumns.beanValidation(a.element(), "Valid", "") == null) {
      return Validation.NONE;
    }
    return context.validation() == Validation.FULL
            && BasicColumns.beanValidation(a.element(), "NotNull") != null
        ? Validation.FULL
        : Validation.WITHOUT_NOT_NULL;
  }

  /** An embeddable's attributes: its mapped superclasses' first, each class sorted by name. */
  List<Attribute> embeddableAttributes(TypeElement type, Access inherited) {
    List<TypeElement> levels = new ArrayList<>();
    levels.add(type);
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement s = (TypeElement) builder.types().asElement(superclass);
      if (!hasJpa(s, "MappedSuperclass") && !hasJpa(s, "Embeddable")) {
        break;
      }
      levels.add(0, s);
      superclass = s.getSuperclass();
    }
    Access access = Members.explicitAccess(type) != null ? Members.explicitAccess(type) : inherited;
    List<Attribute> result = new ArrayList<>();
    for (TypeElement level : levels) {
      result.addAll(builder.members().declared(level, type, access));
    }
    return result;
  }
}
