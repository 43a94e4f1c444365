package dev.migrate.processor;

import static dev.migrate.processor.Annotations.jpa;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.processor.Members.Attribute;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Checks that names PostgreSQL keeps in one namespace do not clash: relations (tables, sequences,
 * indexes, including those behind primary keys and unique constraints) per schema, and constraints
 * per table. A clash is reported ({@link Message#NAME_CONFLICT}) on the second owner; nothing is
 * thrown.
 */
final class SchemaNamespace {

  private final Reporter reporter;
  private final Map<String, String> relations = new HashMap<>();

  SchemaNamespace(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Claims the names of {@code table} (built from {@code draft}, where a clash is reported). */
  void register(TableDraft draft, Table table) {
    Element at = draft.element;
    AnnotationMirror mirror = draft.mirror;
    String owner = "table " + table.qualifiedName();
    claim(relations, table.schema(), table.name(), "table", owner, at, mirror);
    Map<String, String> constraints = new HashMap<>();
    // a primary key or unique constraint is named in both namespaces: it is a constraint with an
    // index behind it
    List<Map<String, String>> indexed = List.of(relations, constraints);
    if (table.primaryKey() != null) {
      String pk = table.primaryKey().name();
      for (Map<String, String> names : indexed) {
        claim(names, table.schema(), pk, "primary key", "the primary key of " + owner, at, mirror);
      }
    }
    for (UniqueConstraint u : table.uniqueConstraints()) {
      for (Map<String, String> names : indexed) {
        claim(
            names,
            table.schema(),
            u.name(),
            "unique constraint",
            "a unique constraint of " + owner,
            at,
            mirror);
      }
    }
    for (Index i : table.indexes()) {
      claim(relations, table.schema(), i.name(), "index", "an index of " + owner, at, mirror);
    }
    for (CheckConstraint c : table.checkConstraints()) {
      claim(
          constraints,
          table.schema(),
          c.name(),
          "check constraint",
          "a check constraint of " + owner,
          at,
          mirror);
    }
    for (ForeignKey f : table.foreignKeys()) {
      claim(
          constraints,
          table.schema(),
          f.name(),
          "foreign key",
          "a foreign key of " + owner,
          at,
          mirror);
    }
  }

  /**
   * Claims the name of a declared sequence (a clash is reported on the attribute that declared it).
   */
  void register(ModelDrafts.DeclaredSequence s) {
    Attribute attribute = s.attribute();
    claim(
        relations,
        s.sequence().schema(),
        s.sequence().name(),
        "sequence",
        "the sequence of " + attribute.describe(),
        attribute.element(),
        jpa(attribute.element(), "GeneratedValue"));
  }

  private void claim(
      Map<String, String> names,
      String schema,
      String name,
      String what,
      String owner,
      Element at,
      AnnotationMirror mirror) {
    String first = names.putIfAbsent(schema + "\u0000" + name, owner);
    if (first != null && !first.equals(owner)) {
      reporter.report(
          Message.NAME_CONFLICT,
          at,
          mirror,
          null,
          what,
          name,
          schema == null ? "the target schema" : "schema " + schema,
          first,
          owner);
    }
  }
}
