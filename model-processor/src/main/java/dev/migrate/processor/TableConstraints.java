package dev.migrate.processor;

import static dev.migrate.processor.Annotations.MIGRATE;
import static dev.migrate.processor.Annotations.annotations;
import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.simpleName;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.strings;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Table-level constraints written on a class, once its table has every column: JPA's
 * {@code @UniqueConstraint}s and {@code @Index}es (of {@code @Table}, {@code @SecondaryTable}, ...)
 * and Migrate's {@code @Index} (expressions, {@code include}, {@code where}, {@code method}). A
 * column they name that the table does not have is reported ({@link Message#UNKNOWN_COLUMN}) and
 * the constraint left out.
 */
final class TableConstraints {

  private final ModelBuilder builder;

  TableConstraints(ModelBuilder builder) {
    this.builder = builder;
  }

  /** The {@code @UniqueConstraint}s in {@code table}'s {@code member}, on {@code t}. */
  void uniqueConstraints(TableDraft t, Element at, AnnotationMirror table, String member) {
    for (AnnotationValue item : arrayItems(table, member)) {
      AnnotationMirror unique = (AnnotationMirror) item.getValue();
      List<String> names = new ArrayList<>();
      for (String column : strings(unique, "columnNames")) {
        names.add(
            existingColumn(
                t, at, table, item, builder.drafts().physical(column), "@UniqueConstraint"));
      }
      if (names.contains(null)) {
        continue;
      }
      String written = string(unique, "name", "");
      t.addUnique(names, builder.drafts().physicalOrNull(written));
    }
  }

  /**
   * JPA {@code @Index(columnList = "a, b DESC")}s of a {@code @Table}, {@code @SecondaryTable}, ...
   *
   * @throws Problem {@link Message#EMPTY_COLUMN_LIST} for an index without columns
   */
  void jpaIndexes(TableDraft t, Element at, AnnotationMirror table, String member) {
    for (AnnotationValue item : arrayItems(table, member)) {
      AnnotationMirror index = (AnnotationMirror) item.getValue();
      String columnList = string(index, "columnList", "");
      List<IndexKey> keys = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String part : columnList.split(",")) {
        String column = part.trim();
        if (column.isEmpty()) {
          continue;
        }
        String[] words = column.split("\\s+");
        boolean descending = false;
        if (words.length == 2
            && (words[1].equalsIgnoreCase("DESC") || words[1].equalsIgnoreCase("ASC"))) {
          column = words[0];
          descending = words[1].equalsIgnoreCase("DESC");
        }
        String name =
            existingColumn(t, at, table, item, builder.drafts().physical(column), "@Index");
        names.add(name);
        if (name != null) {
          keys.add(new IndexKey(name, null, descending));
        }
      }
      if (names.isEmpty()) {
        throw new Problem(
            Message.EMPTY_COLUMN_LIST, at, table, item, describeElement(at), columnList);
      }
      if (names.contains(null)) {
        continue;
      }
      String written = string(index, "name", "");
      if (bool(index, "unique", false)) {
        // Hibernate 6.6 turns a unique @Index into a unique constraint (with the index's name, if
        // any)
        t.addUnique(names, builder.drafts().physicalOrNull(written));
        continue;
      }
      String name =
          written.isBlank()
              ? Naming.objectName(t.name, names, "idx")
              : builder.drafts().physical(written);
      t.indexes.putIfAbsent(name, new Index(name, keys, false, null, List.of(), null));
    }
  }

  /**
   * Migrate's {@code @Index} annotations on {@code at} (repeated or in {@code @Table(indexes)}).
   *
   * @throws Problem {@link Message#EMPTY_COLUMN_LIST} for an index whose keys are all blank
   */
  void migrateIndexes(TableDraft t, Element at) {
    AnnotationMirror single = Annotations.find(at, MIGRATE + "Index");
    AnnotationMirror container = Annotations.find(at, MIGRATE + "Index.List");
    AnnotationMirror table = Annotations.find(at, MIGRATE + "Table");
    List<AnnotationMirror> indexes = new ArrayList<>();
    if (single != null) {
      indexes.add(single);
    }
    indexes.addAll(annotations(container, "value"));
    indexes.addAll(annotations(table, "indexes"));
    for (AnnotationMirror index : indexes) {
      List<IndexKey> keys = new ArrayList<>();
      List<String> nameParts = new ArrayList<>();
      for (String key : strings(index, "keys")) {
        String text = key.trim();
        boolean descending = false;
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith(" DESC")) {
          descending = true;
          text = text.substring(0, text.length() - 5).trim();
        } else if (upper.endsWith(" ASC")) {
          text = text.substring(0, text.length() - 4).trim();
        }
        if (text.isEmpty()) {
          continue;
        }
        if (text.startsWith("(") || text.contains("(")) {
          String expression =
              text.startsWith("(") && text.endsWith(")")
                  ? text.substring(1, text.length() - 1)
                  : text;
          keys.add(new IndexKey(null, expression.trim(), descending));
          nameParts.add("expr");
        } else {
          String column =
              existingColumn(
                  t, at, index, value(index, "keys"), builder.drafts().physical(text), "@Index");
          if (column == null) {
            keys.clear();
            break;
          }
          keys.add(new IndexKey(column, null, descending));
          nameParts.add(column);
        }
      }
      if (keys.isEmpty()) {
        if (strings(index, "keys").stream().allMatch(String::isBlank)) {
          throw new Problem(
              Message.EMPTY_COLUMN_LIST,
              at,
              index,
              value(index, "keys"),
              describeElement(at),
              String.join(", ", strings(index, "keys")));
        }
        continue;
      }
      List<String> include = new ArrayList<>();
      for (String column : strings(index, "include")) {
        String c =
            existingColumn(
                t, at, index, value(index, "include"), builder.drafts().physical(column), "@Index");
        if (c != null) {
          include.add(c);
        }
      }
      String where = string(index, "where", "").trim();
      String method = string(index, "method", "btree").trim().toLowerCase(Locale.ROOT);
      String written = string(index, "name", "");
      String name =
          written.isBlank()
              ? Naming.objectName(t.name, nameParts, "idx")
              : builder.drafts().physical(written);
      t.indexes.putIfAbsent(
          name,
          new Index(
              name,
              keys,
              bool(index, "unique", false),
              method,
              include,
              where.isEmpty() ? null : where));
    }
  }

  /**
   * {@code column} if the table has it; else reports it (unless a failed member explains it) and
   * returns null.
   */
  private String existingColumn(
      TableDraft t,
      Element at,
      AnnotationMirror annotation,
      AnnotationValue item,
      String column,
      String kind) {
    if (t.columns.containsKey(column)) {
      return column;
    }
    if (!t.failed) {
      builder
          .reporter()
          .report(
              Message.UNKNOWN_COLUMN,
              at,
              annotation,
              item,
              kind,
              describeElement(at),
              column,
              t.qualifiedName(),
              String.join(", ", t.columns.keySet()));
    }
    return null;
  }

  private static String describeElement(Element at) {
    return at instanceof TypeElement type ? simpleName(type) : at.toString();
  }

  private static List<AnnotationValue> arrayItems(AnnotationMirror mirror, String member) {
    AnnotationValue v = value(mirror, member);
    List<AnnotationValue> items = new ArrayList<>();
    if (v != null && v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror) {
          items.add(av);
        }
      }
    }
    return items;
  }
}
