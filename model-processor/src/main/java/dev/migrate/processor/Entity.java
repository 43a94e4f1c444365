package dev.migrate.processor;

import dev.migrate.model.Column;
import dev.migrate.processor.Members.Access;
import dev.migrate.processor.Members.Attribute;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * What other entities need to know about an entity, as {@link EntityReader} reads it once per
 * class.
 *
 * @param jpaName the entity name: {@code @Entity(name)}, else the simple class name
 * @param parent the nearest superclass that is an entity, or {@code null} for a hierarchy root
 * @param strategy the hierarchy's {@code InheritanceType} constant
 * @param schema the physical schema of its table, or {@code null} for the default one
 * @param table the physical name of its table (the root's for a {@code SINGLE_TABLE} subclass)
 * @param attributes what this entity maps into its own table(s): its own and its mapped
 *     superclasses' (for {@code TABLE_PER_CLASS} also those of its entity superclasses), identifier
 *     attributes excluded
 * @param ids the identifier attributes ({@code @Id}, {@code @EmbeddedId}), the root's for a
 *     subclass
 * @param idColumns the primary key columns of its table, as a join column copies them (no identity)
 * @param generatedIdColumn the single {@code @Id} column that a {@code @GeneratedValue} may shape,
 *     or {@code null}
 * @param idClass the root's {@code @IdClass}, or {@code null}
 */
record Entity(
    TypeElement type,
    AnnotationMirror annotation,
    String jpaName,
    Entity parent,
    String strategy,
    String schema,
    String table,
    Access access,
    List<Attribute> attributes,
    List<Attribute> ids,
    List<Column> idColumns,
    Column generatedIdColumn,
    AnnotationMirror idClass) {

  /** This entity with its primary key columns and the one a {@code @GeneratedValue} may shape. */
  Entity withIdColumns(List<Column> idColumns, Column generatedIdColumn) {
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
        ids,
        idColumns,
        generatedIdColumn,
        idClass);
  }

  /** The root of this entity's hierarchy (itself for a root). */
  Entity root() {
    Entity e = this;
    while (e.parent() != null) {
      e = e.parent();
    }
    return e;
  }

  /** Whether this is a subclass mapped into its root's table ({@code SINGLE_TABLE}). */
  boolean singleTableSubclass() {
    return parent != null && strategy.equals("SINGLE_TABLE");
  }

  /** How many entity superclasses this one has: 0 for a hierarchy root. */
  int depth() {
    int d = 0;
    for (Entity p = parent; p != null; p = p.parent()) {
      d++;
    }
    return d;
  }
}
