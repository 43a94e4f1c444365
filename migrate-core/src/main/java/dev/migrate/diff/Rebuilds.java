package dev.migrate.diff;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.Table;
import dev.migrate.model.TableElement;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.ops.ColumnReferences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What the diff must take down and put back although it does not change, because something it
 * depends on changes under it. Computed once, before the phases, from the two models (renames
 * already applied to {@code current}).
 *
 * <ul>
 *   <li><b>Recreated columns</b>: a column on both sides whose type the database cannot convert in
 *       place ({@link Normalizer#convertsInPlace}) is dropped and added again. PostgreSQL's {@code
 *       DROP COLUMN} takes the indexes and constraints of the table that involve the column with it
 *       (ALTER TABLE docs), so every such element (primary key, unique and check constraint, index,
 *       foreign key) is dropped before and added after, explicitly, which keeps the op list
 *       replayable and its reverse exact.
 *   <li><b>Foreign keys</b> are dropped before and added after the change ({@code
 *       DiffPhases.dropForeignKeys} and {@code addForeignKeys}) when one of their columns or
 *       referenced columns changes type or is recreated (PostgreSQL re-checks a foreign key when
 *       {@code ALTER COLUMN ... TYPE} rewrites either side, and fails while the two sides have
 *       incompatible types), or when a primary key, unique constraint or unique index over their
 *       referenced columns is dropped or replaced (PostgreSQL ties a foreign key to one such index,
 *       {@code pg_constraint.conindid}, and refuses to drop it: "constraint ... depends on index
 *       ..."). Which of several equal keys PostgreSQL chose is not in the model, so any of them
 *       going counts.
 * </ul>
 */
final class Rebuilds {

  private final Map<String, Set<String>> recreated = new HashMap<>();
  private final Set<String> foreignKeys = new HashSet<>();

  /**
   * @param current the database's tables by {@code SchemaDiff.key}, renames applied
   * @param target the model's tables by the same key
   * @param normalizer how the diff compares types, and which type changes convert in place
   * @param enumTypes the models' enum type names, bare and qualified ({@link
   *     Normalizer#convertsInPlace})
   * @param sameIndex how the diff compares indexes
   */
  Rebuilds(
      Map<String, Table> current,
      Map<String, Table> target,
      Normalizer normalizer,
      Set<String> enumTypes,
      BiPredicate<Index, Index> sameIndex) {
    Map<String, Set<String>> retyped = new HashMap<>();
    Map<String, List<List<String>>> droppedKeys = new HashMap<>();
    for (var e : current.entrySet()) {
      Table was = e.getValue();
      Table now = target.get(e.getKey());
      if (now == null) {
        continue;
      }
      Set<String> changedType = new HashSet<>();
      Set<String> notConvertible = new HashSet<>();
      for (Column column : now.columns()) {
        was.column(column.name())
            .ifPresent(
                old -> {
                  if (!normalizer.sameType(old.type(), column.type())) {
                    changedType.add(column.name());
                    if (!normalizer.convertsInPlace(old.type(), column.type(), enumTypes)) {
                      notConvertible.add(column.name());
                    }
                  }
                });
      }
      retyped.put(e.getKey(), changedType);
      recreated.put(e.getKey(), notConvertible);

      List<List<String>> keys = new ArrayList<>();
      if (was.primaryKey() != null
          && (!Objects.equals(was.primaryKey(), now.primaryKey())
              || uses(was.primaryKey(), notConvertible))) {
        keys.add(was.primaryKey().columns());
      }
      for (UniqueConstraint u :
          changedOrUsing(
              was.uniqueConstraints(), now.uniqueConstraints(), Objects::equals, notConvertible)) {
        keys.add(u.columns());
      }
      for (Index index : changedOrUsing(was.indexes(), now.indexes(), sameIndex, notConvertible)) {
        if (index.unique()
            && index.where() == null
            && index.keys().stream().allMatch(k -> k.column() != null)) {
          keys.add(index.keys().stream().map(IndexKey::column).toList());
        }
      }
      droppedKeys.put(e.getKey(), keys);
    }

    for (var e : current.entrySet()) {
      Table was = e.getValue();
      if (!target.containsKey(e.getKey())) {
        continue;
      }
      for (ForeignKey fk : was.foreignKeys()) {
        String referenced = SchemaDiff.key(fk.referencedSchema(), fk.referencedTable());
        Set<String> referencedColumns = new HashSet<>(fk.referencedColumns());
        boolean rebuild =
            fk.columns().stream().anyMatch(retyped.getOrDefault(e.getKey(), Set.of())::contains)
                || fk.referencedColumns().stream()
                    .anyMatch(retyped.getOrDefault(referenced, Set.of())::contains)
                || droppedKeys.getOrDefault(referenced, List.of()).stream()
                    .anyMatch(key -> new HashSet<>(key).equals(referencedColumns));
        if (rebuild) {
          foreignKeys.add(e.getKey() + '\u0000' + fk.name());
        }
      }
    }
  }

  /** The columns of the table ({@code SchemaDiff.key}) that are dropped and added again. */
  Set<String> recreated(String table) {
    return recreated.getOrDefault(table, Set.of());
  }

  /**
   * Whether the foreign key {@code name} of the table ({@code SchemaDiff.key}) is dropped and added
   * again.
   */
  boolean rebuildsForeignKey(String table, String name) {
    return foreignKeys.contains(table + '\u0000' + name);
  }

  /**
   * The elements of {@code from} that {@code other} lacks or has with other content, and those that
   * involve one of {@code columns}, in {@code from}'s order.
   */
  static <T extends TableElement> List<T> changedOrUsing(
      List<T> from, List<T> other, BiPredicate<T, T> same, Set<String> columns) {
    Set<T> result = new LinkedHashSet<>(SchemaDiff.removedOrChanged(from, other, same));
    for (T element : from) {
      if (uses(element, columns)) {
        result.add(element);
      }
    }
    return from.stream().filter(result::contains).toList();
  }

  /**
   * Whether {@code element} involves one of {@code columns} (of its own table), by name or in its
   * SQL text.
   */
  static boolean uses(TableElement element, Set<String> columns) {
    if (columns.isEmpty()) {
      return false;
    }
    if (element instanceof PrimaryKey pk) {
      return pk.columns().stream().anyMatch(columns::contains);
    }
    if (element instanceof UniqueConstraint u) {
      return u.columns().stream().anyMatch(columns::contains);
    }
    if (element instanceof ForeignKey fk) {
      return fk.columns().stream().anyMatch(columns::contains);
    }
    if (element instanceof CheckConstraint c) {
      return columns.stream().anyMatch(name -> ColumnReferences.mentions(c.expression(), name));
    }
    if (element instanceof Index index) {
      for (IndexKey key : index.keys()) {
        if (key.column() != null
            ? columns.contains(key.column())
            : columns.stream()
                .anyMatch(name -> ColumnReferences.mentions(key.expression(), name))) {
          return true;
        }
      }
      return index.include().stream().anyMatch(columns::contains)
          || index.where() != null
              && columns.stream().anyMatch(name -> ColumnReferences.mentions(index.where(), name));
    }
    return false;
  }
}
