package dev.migrate.roundtrip;

import dev.migrate.model.Identity;
import dev.migrate.model.ReferentialAction;
import dev.migrate.roundtrip.Draft.DCheck;
import dev.migrate.roundtrip.Draft.DColumn;
import dev.migrate.roundtrip.Draft.DFk;
import dev.migrate.roundtrip.Draft.DIndex;
import dev.migrate.roundtrip.Draft.DKey;
import dev.migrate.roundtrip.Draft.DSequence;
import dev.migrate.roundtrip.Draft.DTable;
import dev.migrate.roundtrip.Draft.DUnique;
import dev.migrate.roundtrip.TypeCatalog.TypeDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the generators produce: plain records of small numbers that jqwik can shrink, each resolved
 * against a {@link Draft} (a choice is taken modulo the number of candidates, so any number is
 * valid). Shrinking a choice towards 0 picks the first table, the first column, the simplest type.
 */
final class Specs {

  private Specs() {}

  /**
   * Names that need quoting (upper case, blanks, dashes, key words, non-ASCII); 0 means a plain
   * name.
   */
  static final List<String> QUOTED_TABLE_NAMES =
      List.of("Order", "user", "my table", "big-name", "größe");

  static final List<String> QUOTED_COLUMN_NAMES =
      List.of("Select", "user", "Mixed Case", "a-b", "straße", "order");

  /**
   * Comments: quotes, non-ASCII, a line break; the empty comment, which PostgreSQL stores as no
   * comment.
   */
  static final List<String> COMMENTS =
      List.of("the comment", "it's \"quoted\"", "größe ☃", "two\nlines", "");

  /** The comment a choice stands for: {@code null} for 0 or when comments are off. */
  static String comment(int choice) {
    if (choice <= 0 || !Shapes.COMMENTS) {
      return null;
    }
    String comment = pick(COMMENTS, choice - 1);
    return comment.isEmpty() && !Shapes.EMPTY_COMMENTS ? "x" : comment;
  }

  static int pick(int choice, int size) {
    return Math.floorMod(choice, size);
  }

  static <T> T pick(List<T> items, int choice) {
    return items.get(pick(choice, items.size()));
  }

  /**
   * A column.
   *
   * @param type index into {@link TypeCatalog#TYPES}; past its end, into the draft's enum types
   *     (when there are any, else modulo the catalogue)
   * @param defaultChoice -1 for none, else index into the type's defaults
   * @param identity 0 none, 1 by default, 2 always (only kept on integer columns)
   * @param name 0 for {@code c<n>}, else a name that needs quoting
   */
  record ColumnSpec(
      int type, boolean nullable, int defaultChoice, int identity, int name, int comment) {

    DColumn resolve(Draft draft, DTable table) {
      TypeDef typeDef =
          type >= TypeCatalog.TYPES.size() && !draft.enums.isEmpty()
              ? pick(draft.enums, type).typeDef()
              : TypeCatalog.pick(type);
      String columnName = table.freeColumnName(typeDef);
      if (name > 0 && Shapes.QUOTED_NAMES) {
        String quoted = pick(QUOTED_COLUMN_NAMES, name - 1);
        if (table.column(quoted).isEmpty() && table.mayReuse(quoted, typeDef)) {
          columnName = quoted;
        }
      }
      Identity id = identity == 0 ? null : identity == 1 ? Identity.BY_DEFAULT : Identity.ALWAYS;
      DColumn column = new DColumn(columnName, typeDef, nullable, defaultChoice, id);
      column.comment = Specs.comment(comment);
      return column;
    }
  }

  /**
   * An index over 1-2 columns of a table; {@code expression} -1 for plain keys, else an expression
   * template.
   */
  record IndexSpec(List<Integer> columns, int expression, boolean unique, int extras) {

    DIndex resolve(Draft draft, DTable table) {
      if (table.columns.isEmpty()) {
        return null;
      }
      List<DKey> keys = new ArrayList<>();
      Set<String> used = new HashSet<>();
      for (int i = 0; i < columns.size(); i++) {
        DColumn column = pick(table.columns, columns.get(i));
        if (!used.add(column.name)) {
          continue;
        }
        boolean descending = Shapes.INDEX_EXTRAS && (extras & 1) != 0 && i == 0;
        var template =
            i == 0 && expression >= 0 && Shapes.EXPRESSION_INDEXES
                ? TypeCatalog.INDEX_EXPRESSIONS.stream()
                    .filter(t -> t.fits(column.type))
                    .findFirst()
                    .orElse(null)
                : null;
        keys.add(new DKey(column.name, template, descending));
      }
      String method = null;
      List<String> include = List.of();
      String where = null;
      if (Shapes.INDEX_EXTRAS) {
        // another access method: gin for jsonb and arrays, else hash or brin; none of them takes
        // DESC, INCLUDE or
        // UNIQUE, hash takes one key only (PostgreSQL docs, 11.2 Index Types)
        if ((extras & 2) != 0 && !unique) {
          List<String> methods =
              (extras & 16) != 0 ? List.of("gin", "brin", "hash") : List.of("gin", "hash", "brin");
          for (String candidate : methods) {
            List<DKey> plain =
                keys.stream().map(k -> new DKey(k.column(), k.expression(), false)).toList();
            if (Draft.methodFits(candidate, table, plain)) {
              method = candidate;
              keys = plain;
              break;
            }
          }
        }
        if ((extras & 4) != 0 && method == null) {
          DColumn extra = pick(table.columns, extras >> 3);
          if (!used.contains(extra.name)) {
            include = List.of(extra.name);
          }
        }
        if ((extras & 8) != 0) {
          where = keys.get(0).column();
        }
      }
      return new DIndex(table.name + "_ix" + draft.id(), keys, unique, method, include, where);
    }
  }

  /** A check over one column with the {@code template}-th template that fits the column's type. */
  record CheckSpec(int column, int template) {

    DCheck resolve(Draft draft, DTable table) {
      if (table.columns.isEmpty()) {
        return null;
      }
      DColumn col = pick(table.columns, column);
      var fitting = TypeCatalog.CHECKS.stream().filter(t -> t.fits(col.type)).toList();
      return new DCheck(table.name + "_ck" + draft.id(), col.name, pick(fitting, template));
    }
  }

  record TableSpec(
      int name,
      List<ColumnSpec> columns,
      List<Integer> pk,
      List<List<Integer>> uniques,
      List<CheckSpec> checks,
      List<IndexSpec> indexes,
      int comment) {

    DTable resolve(Draft draft) {
      String tableName = null;
      Set<String> taken = draft.relationNames();
      if (name > 0 && Shapes.QUOTED_NAMES) {
        String quoted = pick(QUOTED_TABLE_NAMES, name - 1);
        if (!taken.contains(quoted)) {
          tableName = quoted;
        }
      }
      for (int i = 0; tableName == null; i++) {
        if (!taken.contains("t" + i)) {
          tableName = "t" + i;
        }
      }
      DTable table = new DTable(tableName);
      table.comment = Specs.comment(comment);
      for (ColumnSpec c : columns) {
        table.columns.add(c.resolve(draft, table));
      }
      if (!table.columns.isEmpty()) {
        for (int i : pk) {
          String column = pick(table.columns, i).name;
          if (!table.pk.contains(column)) {
            table.pk.add(column);
          }
        }
        for (List<Integer> unique : uniques) {
          List<String> names =
              unique.stream().map(i -> pick(table.columns, i).name).distinct().toList();
          table.uniques.add(new DUnique(tableName + "_uq" + draft.id(), names));
        }
      }
      for (CheckSpec c : checks) {
        DCheck check = c.resolve(draft, table);
        if (check != null) {
          table.checks.add(check);
        }
      }
      for (IndexSpec i : indexes) {
        DIndex index = i.resolve(draft, table);
        if (index != null) {
          table.indexes.add(index);
        }
      }
      return table;
    }
  }

  /**
   * A foreign key from table {@code from} to the {@code key}-th key (primary key first, then unique
   * constraints) of table {@code to}; referencing columns of the same types are found in {@code
   * from} or added to it.
   */
  record FkSpec(int from, int to, int key, int onDelete, int onUpdate, int deferrable) {

    void resolve(Draft draft, List<String> log) {
      if (draft.tables.isEmpty()) {
        return;
      }
      DTable source = pick(draft.tables, from);
      DTable target = pick(draft.tables, to);
      List<List<String>> keys = new ArrayList<>();
      if (target.keyable(target.pk)) {
        keys.add(target.pk);
      }
      target.uniques.stream()
          .filter(u -> target.keyable(u.columns()))
          .forEach(u -> keys.add(u.columns()));
      if (keys.isEmpty()) {
        return;
      }
      List<String> targetColumns = pick(keys, key);
      List<String> columns = new ArrayList<>();
      for (String name : targetColumns) {
        TypeDef type = target.column(name).orElseThrow().type;
        DColumn match =
            source.columns.stream()
                .filter(
                    c ->
                        c.type.equals(type)
                            && c.identity == null
                            && !columns.contains(c.name)
                            && !(source == target && targetColumns.contains(c.name)))
                .findFirst()
                .orElse(null);
        if (match == null) {
          match = new DColumn(source.freeColumnName(), type, true, -1, null);
          source.columns.add(match);
        }
        columns.add(match.name);
      }
      ReferentialAction[] actions = ReferentialAction.values();
      boolean isDeferrable = Shapes.DEFERRABLE_FOREIGN_KEYS && deferrable > 0;
      DFk fk =
          new DFk(
              source.name + "_fk" + draft.id(),
              columns,
              target.name,
              targetColumns,
              actions[pick(onDelete, actions.length)],
              actions[pick(onUpdate, actions.length)],
              isDeferrable,
              isDeferrable && deferrable > 1);
      source.fks.add(fk);
      if (log != null) {
        log.add(
            "add foreign key "
                + fk.name()
                + " "
                + source.name
                + columns
                + " -> "
                + target.name
                + targetColumns);
      }
    }
  }

  /** Labels of generated enum types after the first: quotes, non-ASCII, a blank. */
  static final List<String> ENUM_LABELS = List.of("b", "it's", "größe", "with space");

  /**
   * An enum type with {@value TypeCatalog#FIRST_LABEL} and the first {@code labels} of {@link
   * #ENUM_LABELS}.
   */
  record EnumSpec(int labels) {

    Draft.DEnum resolve(String name) {
      List<String> values = new ArrayList<>(List.of(TypeCatalog.FIRST_LABEL));
      values.addAll(ENUM_LABELS.subList(0, pick(labels, ENUM_LABELS.size() + 1)));
      return new Draft.DEnum(name, values);
    }
  }

  /**
   * A sequence; {@code bounds} adds MINVALUE/MAXVALUE when {@link Shapes#SEQUENCE_OPTIONS} is on.
   */
  record SeqSpec(long start, long increment, int bounds, int owner) {

    /**
     * The sequence, {@code OWNED BY} the {@code owner}-th integer column of the draft when {@link
     * Shapes#SEQUENCE_OPTIONS} is on and {@code owner} is not negative.
     */
    DSequence resolve(String name, Draft draft) {
      DSequence sequence = resolve(name);
      if (!Shapes.SEQUENCE_OPTIONS || owner < 0) {
        return sequence;
      }
      List<String> candidates = new ArrayList<>();
      for (DTable t : draft.tables) {
        t.columns.stream()
            .filter(c -> c.type.family() == TypeCatalog.Family.INT)
            .forEach(c -> candidates.add(t.name + "." + c.name));
      }
      return candidates.isEmpty() ? sequence : sequence.ownedBy(pick(candidates, owner));
    }

    DSequence resolve(String name) {
      long step = increment == 0 ? 1 : increment;
      long first = start;
      if (!Shapes.SEQUENCE_BOUND_CHANGES) {
        first = step > 0 ? Math.max(1, start) : Math.min(-1, start);
      }
      Long min = null;
      Long max = null;
      if (Shapes.SEQUENCE_OPTIONS && bounds > 0) {
        min = Math.min(first, -1000L);
        max = Math.max(first, 1_000_000L);
      }
      return new DSequence(name, first, step, min, max, null);
    }
  }
}
