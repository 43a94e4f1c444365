package dev.migrate.processor;

import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.integer;
import static dev.migrate.processor.Annotations.isSet;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.strings;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.SqlType;
import dev.migrate.processor.TableDraft.Phase;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Tables described with Migrate's own annotations ({@code dev.migrate.annotations}), for projects
 * without JPA: every non-static, non-transient field of a {@code @Table} class is a column, in
 * declaration order; {@code @Id} fields form the primary key. Types map as for JPA ({@link
 * TypeMapping}) unless {@code @Column(type)} gives one; names go through the same {@link Naming}.
 */
final class PlainTables {

  private static final String MIGRATE = "dev.migrate.annotations.";

  private final ModelBuilder builder;

  PlainTables(ModelBuilder builder) {
    this.builder = builder;
  }

  /** The table a {@code @Table} class describes: schema, name, and primary key columns. */
  private record Head(String schema, String name, List<Column> ids) {}

  void build(List<TypeElement> classes) {
    List<Runnable> foreignKeys = new ArrayList<>();
    for (TypeElement type : classes) {
      try {
        map(type, foreignKeys);
      } catch (Problem p) {
        builder.reporter().report(p);
      } catch (RuntimeException e) {
        builder.reporter().internal(type, e);
      }
    }
    foreignKeys.forEach(Runnable::run);
  }

  private Head head(TypeElement type) {
    AnnotationMirror table = Annotations.find(type, MIGRATE + "Table");
    Naming naming = builder.naming();
    String name = string(table, "name", "");
    String schema = string(table, "schema", "");
    List<Column> ids = new ArrayList<>();
    for (VariableElement field : fields(type)) {
      if (Annotations.find(field, MIGRATE + "Id") != null) {
        ids.add(column(type, field).withIdentity(null).withNullable(false));
      }
    }
    return new Head(
        schema.isBlank() ? null : naming.physical(schema),
        naming.physical(name.isBlank() ? type.getSimpleName().toString() : name),
        ids);
  }

  private static List<VariableElement> fields(TypeElement type) {
    List<VariableElement> result = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC)
          && !field.getModifiers().contains(Modifier.TRANSIENT)) {
        result.add(field);
      }
    }
    return result;
  }

  private void map(TypeElement type, List<Runnable> foreignKeys) {
    AnnotationMirror annotation = Annotations.find(type, MIGRATE + "Table");
    Head head = head(type);
    TableDraft t = builder.table(head.schema(), head.name(), type, annotation);
    t.hibernateKeyOrder = false; // Migrate's own tables keep their key as written
    String owner = builder.binaryName(type);
    List<String> pk = new ArrayList<>();
    for (VariableElement field : fields(type)) {
      String where = Annotations.simpleName(type) + "." + field.getSimpleName();
      try {
        Column column = column(type, field);
        AnnotationMirror id = Annotations.find(field, MIGRATE + "Id");
        if (id != null) {
          column = column.withNullable(false);
          if (bool(id, "identity", false)) {
            column = column.withIdentity(Identity.BY_DEFAULT);
          }
          pk.add(column.name());
        }
        TableDraft.Slot existing = t.add(column, where, owner, field, false, Phase.BASIC);
        if (existing != null) {
          throw new Problem(
              Message.DUPLICATE_COLUMN,
              field,
              null,
              null,
              where,
              column.name(),
              t.qualifiedName(),
              existing.owner());
        }
        if (bool(Annotations.find(field, MIGRATE + "Column"), "unique", false)) {
          t.addUnique(List.of(column.name()), null);
        }
        AnnotationMirror fk = Annotations.find(field, MIGRATE + "ForeignKey");
        if (fk != null) {
          String columnName = column.name();
          foreignKeys.add(() -> foreignKey(t, field, where, columnName, fk));
        }
      } catch (Problem p) {
        builder.reporter().report(p);
        t.failed = true;
      }
    }
    if (pk.isEmpty()) {
      builder
          .reporter()
          .report(
              Message.PLAIN_TABLE_WITHOUT_ID, type, annotation, null, Annotations.simpleName(type));
    } else {
      t.primaryKey = pk;
    }
    String comment = string(annotation, "comment", "");
    if (!comment.isBlank()) {
      t.comment = comment;
    }
    AnnotationMirror renamed = Annotations.find(type, MIGRATE + "RenamedFrom");
    if (renamed != null) {
      t.renamedFrom = strings(renamed, "value");
    }
    builder.tableConstraints().migrateIndexes(t, type);
  }

  private Column column(TypeElement type, VariableElement field) {
    String where = Annotations.simpleName(type) + "." + field.getSimpleName();
    AnnotationMirror col = Annotations.find(field, MIGRATE + "Column");
    String written = string(col, "name", "");
    String name =
        builder.naming().physical(written.isBlank() ? field.getSimpleName().toString() : written);
    int length = integer(col, "length", TypeMapping.DEFAULT_LENGTH);
    if (isSet(col, "length") && length <= 0) {
      throw new Problem(
          Message.LENGTH_NOT_POSITIVE, field, col, value(col, "length"), length, where);
    }
    int precision = integer(col, "precision", 0);
    int scale = integer(col, "scale", 0);
    if (precision > 0 && precision < scale) {
      throw new Problem(
          Message.PRECISION_LESS_THAN_SCALE,
          field,
          col,
          value(col, "scale"),
          precision,
          scale,
          where);
    }
    String definition = string(col, "type", "").trim();
    SqlType sqlType;
    if (!definition.isEmpty()) {
      sqlType = builder.syntax().parseType(definition);
    } else {
      TypeMirror javaType = field.asType();
      sqlType =
          TypeMapping.columnType(javaType, new TypeMapping.Sizes(length, precision, scale, null));
      if (sqlType == null
          && javaType.getKind() == TypeKind.DECLARED
          && builder.types().asElement(javaType).getKind()
              == javax.lang.model.element.ElementKind.ENUM) {
        sqlType = TypeMapping.string(new TypeMapping.Sizes(length, 0, 0, null));
      }
      if (sqlType == null) {
        AnnotationMirror fk = Annotations.find(field, MIGRATE + "ForeignKey");
        Head target = fk == null ? null : target(field, where, fk);
        if (target != null) {
          sqlType = target.ids().get(0).type();
        }
      }
      if (sqlType == null) {
        throw new Problem(Message.UNMAPPED_TYPE, field, null, null, where, javaType);
      }
    }
    boolean nullable = !field.asType().getKind().isPrimitive() && bool(col, "nullable", true);
    String defaultValue = string(col, "defaultValue", "");
    String comment = string(col, "comment", "");
    AnnotationMirror renamed = Annotations.find(field, MIGRATE + "RenamedFrom");
    return new Column(
        name,
        sqlType,
        nullable,
        defaultValue.isBlank() ? null : defaultValue,
        null,
        comment.isBlank() ? null : comment,
        renamed == null ? List.of() : strings(renamed, "value"));
  }

  private Head target(Element field, String where, AnnotationMirror fk) {
    TypeMirror target = Annotations.type(fk, "target");
    TypeElement targetType =
        target != null && target.getKind() == TypeKind.DECLARED
            ? (TypeElement) builder.types().asElement(target)
            : null;
    if (targetType == null || Annotations.find(targetType, MIGRATE + "Table") == null) {
      throw new Problem(
          Message.FOREIGN_KEY_TARGET_NOT_TABLE, field, fk, value(fk, "target"), where, target);
    }
    Head head = head(targetType);
    if (head.ids().size() != 1) {
      throw new Problem(
          Message.FOREIGN_KEY_TARGET_NOT_TABLE, field, fk, value(fk, "target"), where, target);
    }
    return head;
  }

  private void foreignKey(
      TableDraft t, Element field, String where, String column, AnnotationMirror fk) {
    try {
      Head target = target(field, where, fk);
      String written = string(fk, "name", "");
      String name =
          written.isBlank()
              ? Naming.objectName(t.name, List.of(column), "fkey")
              : builder.naming().physical(written);
      t.addForeignKey(
          new ForeignKey(
              name,
              List.of(column),
              target.schema(),
              target.name(),
              List.of(target.ids().get(0).name()),
              action(fk, "onDelete"),
              action(fk, "onUpdate"),
              bool(fk, "deferrable", false) || bool(fk, "initiallyDeferred", false),
              bool(fk, "initiallyDeferred", false)));
    } catch (Problem p) {
      builder.reporter().report(p);
    }
  }

  private static ReferentialAction action(AnnotationMirror fk, String member) {
    return ReferentialAction.valueOf(enumConstant(fk, member, "NO_ACTION"));
  }
}
