package dev.migrate.processor;

import static dev.migrate.processor.Annotations.jpaRepeated;
import static dev.migrate.processor.Annotations.string;

import dev.migrate.processor.Members.Access;
import dev.migrate.processor.TableDraft.Phase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where attributes are being mapped: the table, the attribute path so far ({@code "address."}), the
 * overrides in force (by full attribute path), and what the context forces on nullability. Built
 * only by the named factories ({@link #forEntity}, {@link #forEntityId}, {@link #forCollection})
 * and changed by the {@code with...} methods, each of which returns a new context.
 *
 * @param validation which Bean Validation constraints shape the columns
 * @param entity the entity whose attributes are mapped (the owner, for a collection table); may be
 *     {@code null}
 * @param table the table the columns go into; {@code null} while an entity's identifier is being
 *     read
 * @param path the attribute path so far, {@code ""} at the top, {@code "address."} inside {@code
 *     address}
 * @param columnOverrides {@code @AttributeOverride}s by full attribute path
 * @param associationOverrides {@code @AssociationOverride}s by full attribute path
 * @param forceNullable whether basic columns are nullable whatever they say (a single-table
 *     subclass)
 * @param forceNotNull whether columns are not null whatever they say (an identifier)
 * @param phase where the columns go in Hibernate's column order
 * @param access field or property access of the attributes
 */
record MappingContext(
    Validation validation,
    Entity entity,
    TableDraft table,
    String path,
    Map<String, AnnotationMirror> columnOverrides,
    Map<String, AnnotationMirror> associationOverrides,
    boolean forceNullable,
    boolean forceNotNull,
    Phase phase,
    Access access) {

  /**
   * The attribute path of an element collection's embeddable ({@code value.}, JPA's prefix for a
   * map value).
   */
  static final String ELEMENT_PATH = "value.";

  /**
   * Which Bean Validation constraints shape the columns of a context, as Hibernate 6.6's {@code
   * TypeSafeActivator.applyDDL} applies them: all of them on an entity's own attributes; inside an
   * embedded attribute only when that attribute is {@code @Valid} (cascaded), and {@code @NotNull}
   * there only when the embedded attribute is {@code @NotNull} itself (and so on for each level of
   * nesting); none in collection tables.
   */
  enum Validation {
    FULL,
    WITHOUT_NOT_NULL,
    NONE;

    /**
     * On an entity's own attributes: all of it, or none with {@code -Amigrate.beanValidation=none}.
     */
    static Validation top(boolean beanValidation) {
      return beanValidation ? FULL : NONE;
    }
  }

  /**
   * The attributes of {@code e} in its table {@code t}: the entity's overrides, nullable when
   * {@code e} is a single-table subclass.
   */
  static MappingContext forEntity(Validation validation, Entity e, TableDraft t) {
    return new MappingContext(
        validation,
        e,
        t,
        "",
        entityOverrides(e.type(), "AttributeOverride"),
        entityOverrides(e.type(), "AssociationOverride"),
        e.singleTableSubclass(),
        false,
        Phase.BASIC,
        e.access());
  }

  /**
   * The identifier attributes of {@code e} in table {@code t} (or {@code null} to read them): not
   * null.
   */
  static MappingContext forEntityId(Validation validation, Entity e, TableDraft t) {
    return forEntity(validation, e, t).forIdColumns(t);
  }

  /**
   * A collection's columns in table {@code t}, owned by {@code owner}: no Bean Validation, no
   * overrides, at the top of the path.
   */
  static MappingContext forCollection(Entity owner, TableDraft t) {
    return new MappingContext(
        Validation.NONE,
        owner,
        t,
        "",
        Map.of(),
        Map.of(),
        false,
        false,
        Phase.BASIC,
        owner.access());
  }

  /**
   * This context's validation, entity, overrides and access for reading identifier columns into
   * {@code scratch}: at the top of the path, not null.
   */
  MappingContext forIdColumns(TableDraft scratch) {
    return copy(
        c -> {
          c.table = scratch;
          c.path = "";
          c.forceNullable = false;
          c.forceNotNull = true;
          c.phase = Phase.ID;
        });
  }

  MappingContext withTable(TableDraft t) {
    return t == table ? this : copy(c -> c.table = t);
  }

  MappingContext withPath(String p) {
    return copy(c -> c.path = p);
  }

  MappingContext withPhase(Phase p) {
    return copy(c -> c.phase = p);
  }

  MappingContext withValidation(Validation v) {
    return copy(c -> c.validation = v);
  }

  /** This context, with {@code notNull} forced on its columns or not. */
  MappingContext withForceNotNull(boolean notNull) {
    return copy(c -> c.forceNotNull = notNull);
  }

  MappingContext withOverrides(
      Map<String, AnnotationMirror> columns, Map<String, AnnotationMirror> associations) {
    return copy(
        c -> {
          c.columnOverrides = columns;
          c.associationOverrides = associations;
        });
  }

  /** This context with {@code change} made to the components a wither may change. */
  private MappingContext copy(Consumer<Changes> change) {
    Changes c = new Changes(this);
    change.accept(c);
    return new MappingContext(
        c.validation,
        entity,
        c.table,
        c.path,
        c.columnOverrides,
        c.associationOverrides,
        c.forceNullable,
        c.forceNotNull,
        c.phase,
        access);
  }

  /**
   * The components of a context that its withers change (its entity and access stay), starting as
   * they are.
   */
  private static final class Changes {
    Validation validation;
    TableDraft table;
    String path;
    Map<String, AnnotationMirror> columnOverrides;
    Map<String, AnnotationMirror> associationOverrides;
    boolean forceNullable;
    boolean forceNotNull;
    Phase phase;

    Changes(MappingContext c) {
      validation = c.validation;
      table = c.table;
      path = c.path;
      columnOverrides = c.columnOverrides;
      associationOverrides = c.associationOverrides;
      forceNullable = c.forceNullable;
      forceNotNull = c.forceNotNull;
      phase = c.phase;
    }
  }

  /**
   * {@code @AttributeOverride}s (or {@code @AssociationOverride}s) on an entity, by attribute path.
   */
  static Map<String, AnnotationMirror> entityOverrides(Element type, String kind) {
    Map<String, AnnotationMirror> result = new HashMap<>();
    for (AnnotationMirror o : jpaRepeated(type, kind)) {
      result.putIfAbsent(string(o, "name", ""), o);
    }
    return result;
  }
}
