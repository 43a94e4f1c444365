package dev.migrate.processor;

import static dev.migrate.processor.Annotations.HIBERNATE;
import static dev.migrate.processor.Annotations.annotation;
import static dev.migrate.processor.Annotations.annotationName;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.firstJpa;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.simpleName;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.SqlType;
import dev.migrate.processor.MappingContext.Validation;
import dev.migrate.processor.Members.Attribute;
import dev.migrate.processor.TableDraft.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * To-one associations ({@code @ManyToOne}, owning {@code @OneToOne}): the association's target
 * entity, its join columns (written {@code @JoinColumn}s paired with the target's primary key, else
 * {@code <attribute>_<key column>}), their nullability, the unique constraint of a one-to-one, and
 * the foreign key ({@code @ForeignKey}, {@code @OnDelete}). Collections and {@code @MapsId} use the
 * same join columns and foreign keys.
 */
final class Associations {

  private static final String ON_DELETE = HIBERNATE + "OnDelete";

  private final ModelBuilder builder;

  Associations(ModelBuilder builder) {
    this.builder = builder;
  }

  /**
   * The entity an association attribute refers to ({@code targetEntity} or {@code declared});
   * {@code null} if its type does not resolve (javac reports that) or the target cannot be mapped
   * (reported on the target).
   *
   * @throws Problem {@link Message#TARGET_NOT_ENTITY} if the target is not an entity
   */
  Entity target(Attribute a, AnnotationMirror relationship, TypeMirror declared) {
    TypeMirror target = Annotations.type(relationship, "targetEntity");
    if (target == null
        || target.getKind() == TypeKind.VOID
        || target.getKind() == TypeKind.DECLARED
            && ((TypeElement) builder.types().asElement(target))
                .getQualifiedName()
                .contentEquals("void")) {
      target = declared;
    }
    if (target == null || target.getKind() == TypeKind.ERROR) {
      return null;
    }
    TypeElement targetType =
        target.getKind() == TypeKind.DECLARED
            ? (TypeElement) builder.types().asElement(target)
            : null;
    if (targetType == null || !hasJpa(targetType, "Entity")) {
      throw new Problem(
          Message.TARGET_NOT_ENTITY,
          a.element(),
          relationship,
          null,
          "@" + annotationName(relationship),
          a.describe(),
          target);
    }
    return builder.entities().entity(targetType);
  }

  /**
   * The {@code @JoinColumn}s written on an association attribute ({@code @JoinColumns} or
   * repeated).
   */
  static List<AnnotationMirror> writtenJoinColumns(Attribute a) {
    AnnotationMirror joins = jpa(a.element(), "JoinColumns");
    return joins != null ? annotations(joins, "value") : jpaRepeated(a.element(), "JoinColumn");
  }

  /** Maps the owning side of a to-one association {@code a} into the context's table. */
  void joinColumns(MappingContext context, Attribute a, AnnotationMirror relationship) {
    Element e = a.element();
    boolean oneToOne = annotationName(relationship).equals("OneToOne");
    if (!string(relationship, "mappedBy", "").isBlank()) {
      return; // the inverse side: the other table holds the join column
    }
    AnnotationMirror joinTable = jpa(e, "JoinTable");
    if (joinTable != null) {
      throw new Problem(
          Message.RELATIONSHIP_NOT_SUPPORTED,
          e,
          joinTable,
          null,
          "@" + annotationName(relationship),
          a.describe(),
          "@JoinTable",
          "Map it with a join column (the default).");
    }
    AnnotationMirror primaryKeyJoin = firstJpa(e, "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns");
    if (primaryKeyJoin != null) {
      throw new Problem(
          Message.RELATIONSHIP_NOT_SUPPORTED,
          e,
          primaryKeyJoin,
          null,
          "@" + annotationName(relationship),
          a.describe(),
          "@" + annotationName(primaryKeyJoin),
          "Use @MapsId to share the primary key, or map it with a join column (the default).");
    }
    Entity target = target(a, relationship, a.type());
    if (target == null || target.idColumns().isEmpty()) {
      return; // reported on the target
    }
    AnnotationMirror override = context.associationOverrides().get(context.path() + a.name());
    List<AnnotationMirror> written =
        override != null ? annotations(override, "joinColumns") : List.of();
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
    // Hibernate Validator's @NotNull makes the join columns NOT NULL, except in a single-table
    // subclass and inside
    // an embeddable that is not @Valid @NotNull (TypeSafeActivator.applyDDL, Hibernate 6.6)
    boolean notNullByValidation =
        context.validation() == Validation.FULL
            && BasicColumns.beanValidation(e, "NotNull") != null
            && !context.forceNullable();
    boolean optional = bool(relationship, "optional", true);
    // Hibernate 7 leaves a single-table subclass's non-optional join columns nullable and checks
    // them against the discriminator instead (DiscriminatorChecks)
    boolean checkedInstead =
        !optional
            && !idPart
            && context.forceNullable()
            && !context.path().contains(".")
            && builder.hibernate().checksSingleTableSubclassNotNull();
    boolean nullable = (optional || checkedInstead) && !idPart && !notNullByValidation;
    // unlike basic columns, join columns keep their nullability in a single-table subclass
    // (Hibernate 6.6)
    List<Column> columns =
        joinColumnList(
            a,
            target,
            written,
            a.name(),
            nullable,
            context.forceNullable() && context.path().contains("."));
    if (columns.isEmpty()) {
      return;
    }
    if (!optional
        && !idPart
        && !context.path().contains(".")
        && context.entity() != null
        && context.entity().strategy().equals("SINGLE_TABLE")) {
      columns.stream()
          .filter(Column::nullable)
          .forEach(
              c ->
                  builder
                      .discriminatorChecks()
                      .subclassNotNull(context.entity(), a.name(), c.name()));
    }
    boolean readOnly = !written.isEmpty() && written.stream().allMatch(BasicColumns::readOnly);
    TableDraft t = context.table();
    // join columns follow all attributes, except in an element collection's embeddable, where
    // Hibernate binds them
    // in attribute order with the others
    Phase phase =
        context.path().startsWith(MappingContext.ELEMENT_PATH) ? context.phase() : Phase.JOIN;
    for (Column c : columns) {
      builder.attributes().addColumn(context.withPhase(phase), a, c, readOnly);
    }
    List<String> names = columns.stream().map(Column::name).toList();
    if (oneToOne && !mapsId || written.stream().anyMatch(j -> bool(j, "unique", false))) {
      t.addUnique(names, null);
    }
    AnnotationMirror fk =
        annotation(
            foreignKeyOwner != null ? foreignKeyOwner : written.isEmpty() ? null : written.get(0),
            "foreignKey");
    foreignKey(t, names, target, fk, e, onDelete(e));
  }

  /**
   * The join columns referencing {@code target}'s primary key: from {@code written}
   * {@code @JoinColumn}s (by {@code referencedColumnName}, else by position), else implicit: {@code
   * <prefix>_<referenced column>}.
   *
   * @throws Problem {@link Message#JOIN_COLUMN_COUNT} or {@link
   *     Message#REFERENCED_COLUMN_NOT_PRIMARY_KEY} if the written join columns do not match the
   *     target's key
   */
  List<Column> joinColumnList(
      Attribute a,
      Entity target,
      List<AnnotationMirror> written,
      String prefix,
      boolean nullable,
      boolean forceNullable) {
    List<Column> referenced = target.idColumns();
    if (!written.isEmpty() && written.size() != referenced.size()) {
      throw new Problem(
          Message.JOIN_COLUMN_COUNT,
          a.element(),
          written.get(0),
          null,
          a.describe(),
          written.size(),
          simpleName(target.type()),
          referenced.size(),
          referenced.stream().map(Column::name).collect(Collectors.joining(", ")));
    }
    for (AnnotationMirror join : written) {
      String referencedName = string(join, "referencedColumnName", "");
      if (!referencedName.isBlank()
          && referenced.stream()
              .noneMatch(c -> c.name().equals(builder.drafts().physical(referencedName)))) {
        throw new Problem(
            Message.REFERENCED_COLUMN_NOT_PRIMARY_KEY,
            a.element(),
            join,
            value(join, "referencedColumnName"),
            referencedName,
            a.describe(),
            simpleName(target.type()),
            referenced.stream().map(Column::name).collect(Collectors.joining(", ")));
      }
    }
    // in the referenced key's column order, paired by referencedColumnName, else by position (as
    // Hibernate does)
    List<Column> result = new ArrayList<>();
    for (int i = 0; i < referenced.size(); i++) {
      Column ref = referenced.get(i);
      AnnotationMirror join = written.isEmpty() ? null : written.get(i);
      for (AnnotationMirror candidate : written) {
        if (builder
            .drafts()
            .physical(string(candidate, "referencedColumnName", ""))
            .equals(ref.name())) {
          join = candidate;
        }
      }
      String name = string(join, "name", "");
      String column = builder.drafts().physical(name.isBlank() ? prefix + "_" + ref.name() : name);
      String definition = string(join, "columnDefinition", "").trim();
      SqlType type = definition.isEmpty() ? ref.type() : builder.syntax().parseType(definition);
      boolean n = forceNullable || nullable && bool(join, "nullable", true);
      result.add(new Column(column, type, n, null, null));
    }
    return result;
  }

  /**
   * A foreign key from {@code columns} of {@code t} to {@code target}'s primary key, unless
   * NO_CONSTRAINT or {@code target}'s rows may live in several tables ({@link
   * ModelBuilder#isUnion}).
   */
  void foreignKey(
      TableDraft t,
      List<String> columns,
      Entity target,
      AnnotationMirror foreignKey,
      Element at,
      ReferentialAction onDelete) {
    if ("NO_CONSTRAINT".equals(enumConstant(foreignKey, "value", "CONSTRAINT"))
        || builder.isUnion(target)) {
      return;
    }
    String written = string(foreignKey, "name", "");
    String name =
        written.isBlank()
            ? Naming.objectName(t.name, columns, "fkey")
            : builder.drafts().physical(written);
    t.addForeignKey(
        new ForeignKey(
            name,
            columns,
            target.schema(),
            target.table(),
            target.idColumns().stream().map(Column::name).toList(),
            onDelete,
            null));
  }

  /**
   * Hibernate's {@code @OnDelete(action = ...)}, whose constants are named as {@link
   * ReferentialAction}'s.
   */
  static ReferentialAction onDelete(Element e) {
    String action = enumConstant(Annotations.find(e, ON_DELETE), "action", "NO_ACTION");
    try {
      return ReferentialAction.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return ReferentialAction.NO_ACTION;
    }
  }
}
