package dev.migrate.processor;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One table while the model is being built: several entities (a single-table hierarchy, two
 * entities on one table), a secondary table or a collection can add to it. Columns keep the order
 * Hibernate 6.6 gives them in its DDL: by {@link #level}, then by {@link Phase}, then in the order
 * they were added.
 */
final class TableDraft {

  /**
   * Where a column goes in Hibernate's column order: a discriminator before the identifier, the key
   * of a joined subclass's or a secondary table after its attributes, join columns after all
   * attributes, collection columns last.
   */
  enum Phase {
    DISCRIMINATOR,
    ID,
    BASIC,
    SUBCLASS_KEY,
    JOIN,
    COLLECTION
  }

  /**
   * A column, who mapped it, and whether it is a read-only view ({@code insertable = false,
   * updatable = false}).
   */
  record Slot(
      Column column,
      String owner,
      String ownerKey,
      Element element,
      boolean readOnly,
      Phase phase,
      int level,
      int sequence) {}

  final String schema;
  final String name;

  /** Where to report problems with the table as a whole. */
  final Element element;

  final AnnotationMirror mirror;
  final Map<String, Slot> columns = new LinkedHashMap<>();
  final Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
  final Map<String, CheckConstraint> checks = new LinkedHashMap<>();
  final Map<String, Index> indexes = new LinkedHashMap<>();
  final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
  List<String> primaryKey;

  /**
   * Stored column name to the name as Hibernate spells it before PostgreSQL folds it ({@link
   * PrimaryKeyOrder}).
   */
  final Map<String, String> spellings = new java.util.HashMap<>();

  /** Where {@link #add} looks up the spelling of a new column: the builder's most recent names. */
  Map<String, String> spellingSource = Map.of();

  /**
   * Whether the primary key takes Hibernate's column order ({@link PrimaryKeyOrder}) or stays as
   * declared.
   */
  boolean hibernateKeyOrder = true;

  /**
   * The order a unique constraint on the primary key's columns gives the key ({@link #addUnique}),
   * or null.
   */
  private List<String> keyOrder;

  String comment;
  List<String> renamedFrom = List.of();

  /** Set when a member failed, so that constraints naming its columns are not reported again. */
  boolean failed;

  private int sequence;

  /**
   * The level of the columns {@link #add} adds next: in a {@code TABLE_PER_CLASS} subclass's table,
   * minus the number of entity classes between the subclass and the ancestor that declares the
   * attribute, else 0. Hibernate's union subclass table ({@code DenormalizedTable.getColumns})
   * lists the columns of its superclass's table before its own, so columns sort by level before
   * {@link Phase}.
   */
  int level;

  TableDraft(String schema, String name, Element element, AnnotationMirror mirror) {
    this.schema = schema;
    this.name = name;
    this.element = element;
    this.mirror = mirror;
  }

  String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /**
   * Adds {@code column}. A read-only column defers to a writable one with the same name.
   *
   * @param ownerKey the class whose mapping adds the column (the entity, for embedded attributes)
   * @return the existing writable slot with the same name (the caller decides whether it
   *     conflicts), or {@code null} when the column was added or merged
   */
  Slot add(
      Column column,
      String owner,
      String ownerKey,
      Element element,
      boolean readOnly,
      Phase phase) {
    Slot existing = columns.get(column.name());
    spellings.putIfAbsent(column.name(), spellingSource.getOrDefault(column.name(), column.name()));
    if (existing == null) {
      columns.put(
          column.name(),
          new Slot(column, owner, ownerKey, element, readOnly, phase, level, sequence++));
      return null;
    }
    if (readOnly) {
      return null;
    }
    if (existing.readOnly()) {
      columns.put(
          column.name(),
          new Slot(
              column,
              owner,
              ownerKey,
              element,
              false,
              existing.phase(),
              existing.level(),
              existing.sequence()));
      return null;
    }
    return existing;
  }

  /**
   * Adds a unique constraint, unless it is on the primary key's columns: Hibernate 6.6 drops such a
   * unique key, and the first one gives the primary key its column order ({@code
   * Table.checkPrimaryKeyUniqueKey}); Migrate's own tables only drop one in the key's own order.
   */
  void addUnique(List<String> columnNames, String constraintName) {
    if (hibernateKeyOrder && sameColumns(columnNames, primaryKey)) {
      if (keyOrder == null) {
        keyOrder = List.copyOf(columnNames);
      }
      return;
    }
    if (columnNames.equals(primaryKey)) {
      return;
    }
    String n =
        constraintName != null ? constraintName : Naming.objectName(name, columnNames, "key");
    for (UniqueConstraint u : uniques.values()) {
      if (u.columns().equals(columnNames) && constraintName == null) {
        return;
      }
    }
    uniques.putIfAbsent(n, new UniqueConstraint(n, columnNames));
  }

  void addCheck(String column, String expression) {
    for (CheckConstraint c : checks.values()) {
      if (c.expression().equals(expression)) {
        return;
      }
    }
    String n = checkName(column);
    checks.put(n, new CheckConstraint(n, expression));
  }

  /** PostgreSQL's name for the next check on {@code column}: {@code <table>_<column>_check[n]}. */
  private String checkName(String column) {
    List<String> columns = column == null ? List.of() : List.of(column);
    String n = Naming.objectName(name, columns, "check");
    for (int i = 1; checks.containsKey(n) || reservedCheckNames.contains(n); i++) {
      n = Naming.objectName(name, columns, "check" + i);
    }
    return n;
  }

  /** A converter check to resolve when the model is read, on {@code column}, named {@code name}. */
  record ConverterCheckAt(String column, String name, BasicColumns.PendingConverterCheck check) {}

  /** The converter checks of this table, in the order added. */
  final List<ConverterCheckAt> converterChecks = new ArrayList<>();

  private final java.util.Set<String> reservedCheckNames = new java.util.HashSet<>();

  /**
   * Adds the checks of {@code mapped} on {@code column}: its fixed ones, then its converter check
   * (named now, resolved when the model is read).
   */
  void addChecks(String column, BasicColumns.Mapped mapped) {
    mapped.checks().forEach(check -> addCheck(column, check));
    if (mapped.converterCheck() != null) {
      String n = checkName(column);
      reservedCheckNames.add(n);
      converterChecks.add(new ConverterCheckAt(column, n, mapped.converterCheck()));
    }
  }

  void addForeignKey(ForeignKey foreignKey) {
    for (ForeignKey f : foreignKeys.values()) {
      if (f.columns().equals(foreignKey.columns())
          && f.referencedTable().equals(foreignKey.referencedTable())
          && java.util.Objects.equals(f.referencedSchema(), foreignKey.referencedSchema())) {
        return;
      }
    }
    foreignKeys.putIfAbsent(foreignKey.name(), foreignKey);
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    return a != null && b != null && a.size() == b.size() && a.containsAll(b);
  }

  Table build() {
    List<Slot> ordered = new ArrayList<>(columns.values());
    ordered.sort(
        Comparator.comparingInt(Slot::level)
            .thenComparing(Slot::phase)
            .thenComparingInt(Slot::sequence));
    List<Column> cols = new ArrayList<>();
    for (Slot s : ordered) {
      Column c = s.column();
      if (primaryKey != null && primaryKey.contains(c.name()) && c.nullable()) {
        c = c.withNullable(false);
      }
      cols.add(c);
    }
    Map<String, Column> byName = new LinkedHashMap<>();
    cols.forEach(c -> byName.put(c.name(), c));
    PrimaryKey pk =
        primaryKey == null || primaryKey.isEmpty()
            ? null
            : new PrimaryKey(
                Naming.objectName(name, List.of(), "pkey"),
                !hibernateKeyOrder
                    ? primaryKey
                    : sameColumns(keyOrder, primaryKey)
                        ? keyOrder
                        : PrimaryKeyOrder.order(primaryKey, byName, spellings));
    return new Table(
        schema,
        name,
        cols,
        pk,
        List.copyOf(uniques.values()),
        List.copyOf(checks.values()),
        List.copyOf(indexes.values()),
        List.copyOf(foreignKeys.values()),
        comment,
        renamedFrom);
  }
}
