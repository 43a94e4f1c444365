package dev.migrate.processor;

import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;

/**
 * The check constraints Hibernate 7 puts on an inheritance hierarchy's discriminator ({@link
 * HibernateVersion#checksDiscriminatorValues}, {@link
 * HibernateVersion#checksSingleTableSubclassNotNull}); 6.6 has none of them.
 *
 * <ul>
 *   <li>On the discriminator column ({@code DiscriminatorColumnSecondPass}): {@code <column> in
 *       ('<value>', ...)} over the values of the root, when concrete, then of its subclasses in
 *       {@code PersistentClass.getSubclasses()} order: for each direct subclass (in the order of
 *       their class names, as the entities reach Hibernate sorted) its own subclasses first, then
 *       the direct subclasses themselves. None when a value is {@code "null"} or {@code "not
 *       null"}.
 *   <li>On the table of a single-table subclass ({@code SingleTableSubclass.createConstraints}):
 *       {@code <discriminator> <> '<value>' or (<column> is not null and ...)} over the nullable
 *       columns of the non-optional attributes (primitives, {@code @Basic(optional = false)},
 *       {@code @ManyToOne(optional = false)}) declared by the subclass's superclass (the root
 *       included: {@code @Column int n} there is not optional but nullable) and by the subclass,
 *       each class's in attribute-name order.
 * </ul>
 *
 * <p>A discriminator value is {@code @DiscriminatorValue}, else the entity name (a string
 * discriminator) or its Java {@code hashCode} (an integer one), as {@code
 * EntityBinder.discriminatorValueString} makes it.
 */
final class DiscriminatorChecks {

  /** The physical discriminator column of a root, and whether its values are strings. */
  record Discriminator(String column, boolean character) {}

  /** A column that a single-table subclass leaves nullable though its attribute is not optional. */
  record SubclassNotNull(String attribute, String column) {}

  private final ModelBuilder builder;
  private final Map<Entity, Discriminator> discriminators = new IdentityHashMap<>();
  private final Map<javax.lang.model.element.TypeElement, List<SubclassNotNull>> notNull =
      new IdentityHashMap<>();

  DiscriminatorChecks(ModelBuilder builder) {
    this.builder = builder;
  }

  /** Remembers that root {@code e} has discriminator column {@code column}. */
  void discriminator(Entity e, String column, boolean character) {
    discriminators.put(e, new Discriminator(column, character));
  }

  /**
   * Remembers that, in single-table subclass {@code entity}, attribute {@code attribute}'s column
   * {@code column} is nullable though the attribute is not optional.
   */
  void subclassNotNull(Entity entity, String attribute, String column) {
    notNull
        .computeIfAbsent(entity.type(), k -> new ArrayList<>())
        .add(new SubclassNotNull(attribute, column));
  }

  /** Adds the checks of every hierarchy among {@code entities} to its table. */
  void addChecks(List<Entity> entities) {
    HibernateVersion hibernate = builder.hibernate();
    for (Map.Entry<Entity, Discriminator> root : discriminators.entrySet()) {
      Entity r = root.getKey();
      Discriminator d = root.getValue();
      List<Entity> ordered = new ArrayList<>();
      if (!isAbstract(r)) {
        ordered.add(r);
      }
      ordered.addAll(subclasses(r, entities));
      ordered.removeIf(DiscriminatorChecks::isAbstract);
      List<String> values = ordered.stream().map(e -> value(e, d)).toList();
      if (values.contains("null") || values.contains("not null")) {
        continue;
      }
      TableDraft t = builder.table(r.schema(), r.table(), r.type(), null);
      String quoted = builder.syntax().quoteIdentifier(d.column());
      if (hibernate.checksDiscriminatorValues()) {
        t.addCheck(
            d.column(),
            quoted
                + " in ("
                + values.stream().map(v -> literal(v, d)).collect(Collectors.joining(","))
                + ")");
      }
      if (!hibernate.checksSingleTableSubclassNotNull() || !r.strategy().equals("SINGLE_TABLE")) {
        continue;
      }
      for (Entity s : ordered) {
        if (s.parent() == null) {
          continue;
        }
        List<SubclassNotNull> columns = new ArrayList<>();
        columns.addAll(sorted(s.parent()));
        columns.addAll(sorted(s));
        if (columns.isEmpty()) {
          continue;
        }
        t.addCheck(
            null,
            quoted
                + " <> "
                + literal(value(s, d), d)
                + " or ("
                + columns.stream()
                    .map(c -> builder.syntax().quoteIdentifier(c.column()) + " is not null")
                    .collect(Collectors.joining(" and "))
                + ")");
      }
    }
  }

  private List<SubclassNotNull> sorted(Entity e) {
    return notNull.getOrDefault(e.type(), List.of()).stream()
        .sorted(Comparator.comparing(SubclassNotNull::attribute))
        .toList();
  }

  /**
   * {@code PersistentClass.getSubclasses()}: each direct subclass's subclasses, then them, direct
   * subclasses in the order Hibernate binds them ({@code entities} is in {@link
   * ModelBuilder#bindingOrder}).
   */
  private List<Entity> subclasses(Entity parent, List<Entity> entities) {
    List<Entity> direct =
        entities.stream()
            .filter(e -> e.parent() != null && e.parent().type().equals(parent.type()))
            .toList();
    List<Entity> result = new ArrayList<>();
    for (Entity d : direct) {
      result.addAll(subclasses(d, entities));
    }
    result.addAll(direct);
    return result;
  }

  private static boolean isAbstract(Entity e) {
    return e.type().getModifiers().contains(Modifier.ABSTRACT);
  }

  private static String value(Entity e, Discriminator d) {
    AnnotationMirror written = jpa(e.type(), "DiscriminatorValue");
    if (written != null) {
      return string(written, "value", "");
    }
    return d.character() ? e.jpaName() : String.valueOf(e.jpaName().hashCode());
  }

  private static String literal(String value, Discriminator d) {
    return d.character() ? "'" + value.replace("'", "''") + "'" : value;
  }

  /** Whether a {@code @DiscriminatorColumn} makes string (or character) values. */
  static boolean isCharacter(AnnotationMirror discriminatorColumn) {
    return !enumConstant(discriminatorColumn, "discriminatorType", "STRING").equals("INTEGER");
  }
}
