package dev.migrate.roundtrip;

import static dev.migrate.roundtrip.Specs.pick;

import dev.migrate.model.Identity;
import dev.migrate.model.ReferentialAction;
import dev.migrate.roundtrip.Draft.DCheck;
import dev.migrate.roundtrip.Draft.DColumn;
import dev.migrate.roundtrip.Draft.DFk;
import dev.migrate.roundtrip.Draft.DIndex;
import dev.migrate.roundtrip.Draft.DTable;
import dev.migrate.roundtrip.Draft.DUnique;
import dev.migrate.roundtrip.Specs.CheckSpec;
import dev.migrate.roundtrip.Specs.ColumnSpec;
import dev.migrate.roundtrip.Specs.FkSpec;
import dev.migrate.roundtrip.Specs.IndexSpec;
import dev.migrate.roundtrip.Specs.SeqSpec;
import dev.migrate.roundtrip.Specs.TableSpec;
import dev.migrate.roundtrip.TypeCatalog.TypeDef;
import java.util.List;
import java.util.Set;

/**
 * One change a user makes to the entity model between revision A and revision B. Applied to a
 * {@link Draft}, it logs what it did in words ("drop column t0.c1"); an edit that finds nothing to
 * change (no table, no column of a fitting type) does nothing. Selectors are taken modulo the
 * number of candidates.
 */
sealed interface Edit {

  void apply(Draft draft, List<String> log);

  /** The table the {@code table} selector picks, or {@code null} when there is none. */
  static DTable tableAt(Draft draft, int table) {
    return draft.tables.isEmpty() ? null : pick(draft.tables, table);
  }

  /** The column the selectors pick, or {@code null}. */
  static DColumn columnAt(Draft draft, int table, int column) {
    DTable t = tableAt(draft, table);
    return t == null || t.columns.isEmpty() ? null : pick(t.columns, column);
  }

  static String where(DTable table, DColumn column) {
    return table.name + "." + column.name;
  }

  record AddColumn(int table, ColumnSpec column) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t != null) {
        DColumn c = column.resolve(draft, t);
        t.columns.add(c);
        log.add("add column " + where(t, c) + " " + c.toColumn());
      }
    }
  }

  record DropColumn(int table, int column) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DColumn c = columnAt(draft, table, column);
      if (c != null) {
        DTable t = tableAt(draft, table);
        t.columns.remove(c);
        log.add("drop column " + where(t, c));
      }
    }
  }

  /** A type change to the {@code choice}-th type that {@link TypeCatalog#convertible} allows. */
  record ChangeType(int table, int column, int choice) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DColumn c = columnAt(draft, table, column);
      if (c == null
          || !Shapes.TYPE_CHANGES_UNDER_FOREIGN_KEYS
              && inForeignKey(draft, tableAt(draft, table), c)) {
        return;
      }
      DTable t0 = tableAt(draft, table);
      // convertible from the current type and, after several edits, from the type in A
      List<TypeDef> candidates = new java.util.ArrayList<>(TypeCatalog.TYPES);
      draft.enums.forEach(e -> candidates.add(e.typeDef()));
      List<TypeDef> targets =
          candidates.stream()
              .filter(
                  t ->
                      !t.equals(c.type)
                          && TypeCatalog.convertible(c.type, t)
                          && t0.mayReuse(c.name, t))
              .toList();
      if (targets.isEmpty()) {
        return;
      }
      TypeDef was = c.type;
      c.type = pick(targets, choice);
      log.add(
          "change type of "
              + where(tableAt(draft, table), c)
              + " from "
              + was
              + " to "
              + c.type
              + (c.defaultValue() == null ? "" : " (default now " + c.defaultValue() + ")"));
      if (Shapes.TYPE_CHANGES_UNDER_FOREIGN_KEYS) {
        followForeignKeys(draft, t0, c, was, log);
      }
    }

    /**
     * The columns joined to {@code column} by foreign keys, on either side and transitively, take
     * its new type too, as the join columns of an entity whose id type changes do (otherwise the
     * foreign keys would no longer be valid and the draft's repair would drop them). A worklist, no
     * recursion.
     */
    private static void followForeignKeys(
        Draft draft, DTable table, DColumn column, TypeDef was, List<String> log) {
      java.util.Deque<DTable> tables = new java.util.ArrayDeque<>(List.of(table));
      java.util.Deque<DColumn> columns = new java.util.ArrayDeque<>(List.of(column));
      while (!columns.isEmpty()) {
        DTable t = tables.pop();
        DColumn c = columns.pop();
        for (DTable other : draft.tables) {
          for (DFk fk : other.fks) {
            for (int i = 0; i < fk.columns().size(); i++) {
              DColumn joined = null;
              DTable joinedTable = null;
              if (other == t && fk.columns().get(i).equals(c.name)) {
                joinedTable = draft.table(fk.target()).orElse(null);
                joined =
                    joinedTable == null
                        ? null
                        : joinedTable.column(fk.targetColumns().get(i)).orElse(null);
              } else if (fk.target().equals(t.name) && fk.targetColumns().get(i).equals(c.name)) {
                joinedTable = other;
                joined = other.column(fk.columns().get(i)).orElse(null);
              }
              if (joined != null
                  && joined.type.equals(was)
                  && joinedTable.mayReuse(joined.name, column.type)) {
                joined.type = column.type;
                log.add(
                    "  and "
                        + where(joinedTable, joined)
                        + " with it (foreign key "
                        + fk.name()
                        + ")");
                tables.push(joinedTable);
                columns.push(joined);
              }
            }
          }
        }
      }
    }
  }

  /**
   * A primary key becomes a unique constraint over the same columns, or (when the table has none)
   * the first unique constraint becomes the primary key; foreign keys that reference those columns
   * stay valid.
   */
  record SwapKey(int table) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t == null) {
        return;
      }
      if (!t.pk.isEmpty()) {
        DUnique u = new DUnique(t.name + "_uq" + draft.id(), List.copyOf(t.pk));
        log.add("primary key of " + t.name + " " + t.pk + " becomes unique " + u.name());
        t.uniques.add(u);
        t.pk = new java.util.ArrayList<>();
      } else if (!t.uniques.isEmpty()) {
        DUnique u = t.uniques.remove(0);
        log.add(
            "unique "
                + u.name()
                + " of "
                + t.name
                + " "
                + u.columns()
                + " becomes the primary key");
        t.pk = new java.util.ArrayList<>(u.columns());
      }
    }
  }

  /**
   * Whether a foreign key references {@code table}; see {@link
   * Shapes#KEY_CHANGES_UNDER_FOREIGN_KEYS}.
   */
  static boolean referenced(Draft draft, DTable table) {
    return !Shapes.KEY_CHANGES_UNDER_FOREIGN_KEYS
        && draft.tables.stream()
            .anyMatch(t -> t.fks.stream().anyMatch(fk -> fk.target().equals(table.name)));
  }

  /** Whether a foreign key uses or references {@code column} of {@code table}. */
  private static boolean inForeignKey(Draft draft, DTable table, DColumn column) {
    for (DTable t : draft.tables) {
      for (DFk fk : t.fks) {
        if (t == table && fk.columns().contains(column.name)
            || fk.target().equals(table.name) && fk.targetColumns().contains(column.name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Sets the default to the {@code choice}-th of the type's defaults, or removes it (choice -1).
   */
  record ChangeDefault(int table, int column, int choice) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DColumn c = columnAt(draft, table, column);
      if (c == null || c.identity != null) {
        return;
      }
      String was = c.defaultValue();
      c.defaultChoice = choice < 0 ? -1 : pick(choice, c.type.defaults().size());
      if (java.util.Objects.equals(was, c.defaultValue())) {
        c.defaultChoice = was == null ? 0 : -1;
      }
      log.add(
          "change default of "
              + where(tableAt(draft, table), c)
              + " from "
              + was
              + " to "
              + c.defaultValue());
    }
  }

  record ToggleNullable(int table, int column) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DColumn c = columnAt(draft, table, column);
      DTable t = tableAt(draft, table);
      if (c == null || c.identity != null || t.pk.contains(c.name)) {
        return;
      }
      c.nullable = !c.nullable;
      log.add("make " + where(t, c) + (c.nullable ? " nullable" : " NOT NULL"));
    }
  }

  /** Identity: 0 none, 1 by default, 2 always; only on integer columns. */
  record SetIdentity(int table, int column, int identity) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DColumn c = columnAt(draft, table, column);
      if (c == null || c.type.family() != TypeCatalog.Family.INT) {
        return;
      }
      Identity next =
          pick(new Identity[] {null, Identity.BY_DEFAULT, Identity.ALWAYS}, identity, c.identity);
      log.add(
          "identity of " + where(tableAt(draft, table), c) + " from " + c.identity + " to " + next);
      c.identity = next;
    }

    private static Identity pick(Identity[] options, int choice, Identity current) {
      Identity next = options[Specs.pick(choice, options.length)];
      return next == current ? options[Specs.pick(choice + 1, options.length)] : next;
    }
  }

  record AddTable(TableSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = spec.resolve(draft);
      draft.tables.add(t);
      log.add("add table " + t.name + " " + t.toTable());
    }
  }

  record DropTable(int table) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t != null) {
        draft.tables.remove(t);
        log.add("drop table " + t.name);
      }
    }
  }

  record AddUnique(int table, List<Integer> columns) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t == null || t.columns.isEmpty()) {
        return;
      }
      List<String> names = columns.stream().map(i -> pick(t.columns, i).name).distinct().toList();
      DUnique u = new DUnique(t.name + "_uq" + draft.id(), names);
      t.uniques.add(u);
      log.add("add unique " + u.name() + " on " + t.name + names);
    }
  }

  record DropUnique(int table, int which) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t != null && !t.uniques.isEmpty() && !referenced(draft, t)) {
        DUnique u = t.uniques.remove(Specs.pick(which, t.uniques.size()));
        log.add("drop unique " + u.name() + " of " + t.name);
      }
    }
  }

  record AddCheck(int table, CheckSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      DCheck c = t == null ? null : spec.resolve(draft, t);
      if (c != null) {
        t.checks.add(c);
        log.add("add check " + c.name() + " " + c.template().render(Draft.quote(c.column())));
      }
    }
  }

  record DropCheck(int table, int which) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t != null && !t.checks.isEmpty()) {
        DCheck c = t.checks.remove(Specs.pick(which, t.checks.size()));
        log.add("drop check " + c.name() + " of " + t.name);
      }
    }
  }

  record AddIndex(int table, IndexSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      DIndex i = t == null ? null : spec.resolve(draft, t);
      if (i != null) {
        t.indexes.add(i);
        log.add("add index " + i.toIndex() + " on " + t.name);
      }
    }
  }

  record DropIndex(int table, int which) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t != null && !t.indexes.isEmpty()) {
        DIndex i = t.indexes.remove(Specs.pick(which, t.indexes.size()));
        log.add("drop index " + i.name() + " of " + t.name);
      }
    }
  }

  record AddForeignKey(FkSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      spec.resolve(draft, log);
    }
  }

  record DropForeignKey(int table, int which) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t != null && !t.fks.isEmpty()) {
        DFk fk = t.fks.remove(Specs.pick(which, t.fks.size()));
        log.add("drop foreign key " + fk.name() + " of " + t.name);
      }
    }
  }

  /**
   * Other actions and, when {@link Shapes#DEFERRABLE_FOREIGN_KEYS}, deferrability (0 no, 1 yes, 2
   * deferred).
   */
  record ChangeForeignKeyActions(int table, int which, int onDelete, int onUpdate, int deferrable)
      implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t == null || t.fks.isEmpty()) {
        return;
      }
      int i = Specs.pick(which, t.fks.size());
      DFk fk = t.fks.get(i);
      ReferentialAction[] actions = ReferentialAction.values();
      DFk changed =
          new DFk(
              fk.name(),
              fk.columns(),
              fk.target(),
              fk.targetColumns(),
              actions[Specs.pick(onDelete, actions.length)],
              actions[Specs.pick(onUpdate, actions.length)],
              Shapes.DEFERRABLE_FOREIGN_KEYS ? deferrable % 3 > 0 : fk.deferrable(),
              Shapes.DEFERRABLE_FOREIGN_KEYS ? deferrable % 3 > 1 : fk.initiallyDeferred());
      t.fks.set(i, changed);
      log.add(
          "foreign key "
              + fk.name()
              + " of "
              + t.name
              + " on delete "
              + changed.onDelete()
              + " on update "
              + changed.onUpdate()
              + (changed.deferrable() ? " deferrable" : "")
              + (changed.initiallyDeferred() ? " initially deferred" : ""));
    }
  }

  /** Primary key over the chosen columns (replacing any), or none when {@code columns} is empty. */
  record SetPrimaryKey(int table, List<Integer> columns) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t == null || t.columns.isEmpty() || referenced(draft, t)) {
        return;
      }
      List<String> names = columns.stream().map(i -> pick(t.columns, i).name).distinct().toList();
      log.add("primary key of " + t.name + " from " + t.pk + " to " + names);
      t.pk = new java.util.ArrayList<>(names);
    }
  }

  record AddSequence(SeqSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      var taken = new java.util.HashSet<>(draft.relationNames());
      taken.addAll(Shapes.SEQUENCE_BOUND_CHANGES ? Set.of() : draft.retiredTables);
      String name = null;
      for (int i = 0; name == null; i++) {
        if (!taken.contains("s" + i)) {
          name = "s" + i;
        }
      }
      Draft.DSequence s = spec.resolve(name, draft);
      draft.sequences.add(s);
      log.add("add sequence " + s.toSequence());
    }
  }

  record DropSequence(int which) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      if (!draft.sequences.isEmpty()) {
        Draft.DSequence s = draft.sequences.remove(Specs.pick(which, draft.sequences.size()));
        log.add("drop sequence " + s.name());
      }
    }
  }

  record AlterSequence(int which, SeqSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      if (!draft.sequences.isEmpty()) {
        int i = Specs.pick(which, draft.sequences.size());
        Draft.DSequence was = draft.sequences.get(i);
        SeqSpec wanted = spec;
        if (!Shapes.SEQUENCE_BOUND_CHANGES
            && Long.signum(spec.increment()) != Long.signum(was.increment())) {
          wanted = new SeqSpec(-spec.start(), -spec.increment(), spec.bounds(), spec.owner());
        }
        Draft.DSequence next = wanted.resolve(was.name(), draft);
        if (!Shapes.SEQUENCE_BOUND_CHANGES && next.minValue() != null) {
          // explicit bounds that still include the current value (the old start)
          next =
              new Draft.DSequence(
                  next.name(),
                  next.start(),
                  next.increment(),
                  Math.min(next.minValue(), was.start()),
                  Math.max(next.maxValue(), was.start()),
                  next.ownedBy());
        }
        log.add(
            "alter sequence " + draft.sequences.get(i).toSequence() + " to " + next.toSequence());
        draft.sequences.set(i, next);
      }
    }
  }

  /** The comment of a table ({@code column} -1) or of one of its columns. */
  record SetComment(int table, int column, int comment) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t == null) {
        return;
      }
      String next = Specs.comment(comment);
      if (column < 0 || t.columns.isEmpty()) {
        log.add("comment of table " + t.name + " from " + t.comment + " to " + next);
        t.comment = next;
      } else {
        DColumn c = pick(t.columns, column);
        log.add("comment of column " + where(t, c) + " from " + c.comment + " to " + next);
        c.comment = next;
      }
    }
  }

  /** Renames a column to {@code r<n>} with a {@code @RenamedFrom} hint. */
  record RenameColumn(int table, int column) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DColumn c = columnAt(draft, table, column);
      if (c == null || !c.renamedFrom.isEmpty()) {
        return;
      }
      DTable t = tableAt(draft, table);
      String to = "r" + draft.id();
      log.add("rename column " + where(t, c) + " to " + to);
      draft.renameColumn(t, c, to);
    }
  }

  /** Renames a table to {@code renamed<n>} with a {@code @RenamedFrom} hint. */
  record RenameTable(int table) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      DTable t = tableAt(draft, table);
      if (t == null || !t.renamedFrom.isEmpty()) {
        return;
      }
      String to = "renamed" + draft.id();
      log.add("rename table " + t.name + " to " + to);
      draft.renameTable(t, to);
    }
  }

  /** A new enum type {@code e<n>}, with a name no type of A had. */
  record AddEnumType(Specs.EnumSpec spec) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      String name = null;
      for (int i = 0; name == null; i++) {
        String candidate = "e" + i;
        if (!draft.retiredTables.contains(candidate)
            && draft.enums.stream().noneMatch(e -> e.name().equals(candidate))) {
          name = candidate;
        }
      }
      Draft.DEnum e = spec.resolve(name);
      draft.enums.add(e);
      log.add("add enum type " + e.toEnumType());
    }
  }

  /** Drops an enum type; the columns of it go too ({@link Draft#repair()}). */
  record DropEnumType(int which) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      if (!draft.enums.isEmpty()) {
        Draft.DEnum e = draft.enums.remove(Specs.pick(which, draft.enums.size()));
        log.add("drop enum type " + e.name() + " and its columns");
      }
    }
  }

  /**
   * A new label at {@code position} (0: before the first) of an enum type; never one the type had
   * before.
   */
  record AddEnumValue(int which, int position, int label) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      if (draft.enums.isEmpty()) {
        return;
      }
      int i = Specs.pick(which, draft.enums.size());
      Draft.DEnum e = draft.enums.get(i);
      List<String> values = new java.util.ArrayList<>(e.values());
      String value = (label % 2 == 0 ? "v" : "new 'ü' ") + draft.id();
      values.add(Specs.pick(position, values.size() + 1), value);
      draft.enums.set(i, new Draft.DEnum(e.name(), values));
      log.add("add value '" + value + "' to enum type " + e.name() + ": " + values);
    }
  }

  /** Removes a label other than the first from an enum type. */
  record DropEnumValue(int which, int label) implements Edit {
    @Override
    public void apply(Draft draft, List<String> log) {
      if (draft.enums.isEmpty()) {
        return;
      }
      int i = Specs.pick(which, draft.enums.size());
      Draft.DEnum e = draft.enums.get(i);
      List<String> removable =
          e.values().stream().filter(v -> !v.equals(TypeCatalog.FIRST_LABEL)).toList();
      if (removable.isEmpty()) {
        return;
      }
      String value = pick(removable, label);
      List<String> values = e.values().stream().filter(v -> !v.equals(value)).toList();
      draft.enums.set(i, new Draft.DEnum(e.name(), values));
      log.add("remove value '" + value + "' from enum type " + e.name() + ": " + values);
    }
  }
}
