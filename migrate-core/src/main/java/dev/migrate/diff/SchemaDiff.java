package dev.migrate.diff;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.model.TableElement;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.DropEnumValue;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.DropEnumType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropCheckConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropForeignKey;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropPrimaryKey;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropUniqueConstraint;
import dev.migrate.ops.ModelReplay;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Compares two models and lists the ops that turn the first into the second: pure (no I/O), deterministic (the
 * same inputs give the same list), and in an order that PostgreSQL can execute top to bottom.
 *
 * <p>Objects are matched by (schema, name); tables, sequences, constraints and indexes with the same name but other
 * content are altered (columns) or dropped and re-created (constraints, indexes). A column whose new type the
 * database cannot convert in place ({@link Normalizer#convertsInPlace}) is dropped and added again, with a warning.
 * What does not change but depends on something that does (foreign keys over retyped columns or replaced keys,
 * constraints over a recreated column) is dropped before and added after; see {@code Rebuilds}. Renames come only
 * from {@code @RenamedFrom} hints in the target model, never from guessing.
 *
 * <p>The ordering is a fixed sequence of phases rather than a walk of the foreign-key graph, so that it needs no
 * recursion and works for chains and cycles of any length; each phase's reason is at {@link #diff}.
 */
public final class SchemaDiff {

  private final Normalizer normalizer;

  /** A diff that compares types, checks and defaults through {@code normalizer} (normally the dialect). */
  public SchemaDiff(Normalizer normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  /** Whether {@link #diff} would return no op. */
  public boolean same(Database current, Database target) {
    return diff(current, target).isEmpty();
  }

  /**
   * The ops that take {@code current} to {@code target}, in execution order; empty when they are equivalent.
   * The reverse (for a downgrade), {@link Op#reverseAll}, and is also valid SQL order. Same as
   * {@link #compare} with {@link DiffOptions#defaults()}, without the notes.
   */
  public List<Op> diff(Database current, Database target) {
    return compare(current, target, DiffOptions.defaults()).ops();
  }

  /**
   * The ops that take {@code current} (normally the database) to {@code target} (normally the model), with what
   * the user should review and what was left alone on purpose.
   *
   * <p>Before the phases of {@link #phases}: tables matching {@link DiffOptions#excludeTables} are dropped from
   * both sides; {@code @RenamedFrom} hints of {@code target} become {@link RenameTable} and {@link RenameColumn}
   * ops (when the database has the old name and not the new one), applied to {@code current} so that the rest
   * compares the renamed objects; tables, sequences and enum types that {@code target} lacks and that
   * {@link DiffOptions#owned} does not list are left out with an info line. After them, a dropped and an added
   * column of the same type in one table (or a dropped and a created table with the same columns) give a
   * "did you rename" warning: renames are never guessed.
   */
  public DiffResult compare(Database current, Database target, DiffOptions options) {
    List<String> warnings = new ArrayList<>();
    List<String> infos = new ArrayList<>();
    current = withoutExcluded(current, options);
    Database hinted = withoutExcluded(target, options);
    target = withoutHints(hinted);

    List<Op> ops = new ArrayList<>(renames(current, hinted));
    current = ModelReplay.apply(current, ops);
    current = withoutForeignObjects(current, target, options.owned(), infos);
    phases(current, target, options, ops, warnings, infos);
    return new DiffResult(ops, warnings, infos);
  }

  private static Database withoutExcluded(Database model, DiffOptions options) {
    if (options.excludeTables().isEmpty()) {
      return model;
    }
    return new Database(
        model.tables().stream().filter(t -> !options.excluded(t.schema(), t.name())).toList(),
        model.sequences(), model.enumTypes());
  }

  private static Database withoutHints(Database model) {
    return new Database(model.tables().stream().map(Table::withoutHints).toList(), model.sequences(),
        model.enumTypes());
  }

  /**
   * The renames that {@code @RenamedFrom} hints ask for, planned by {@link RenamePlan}: tables first, schema by
   * schema, then the columns of each table that is on both sides (after its rename). A hint wins over a name match,
   * so {@code b @RenamedFrom("a")} next to a new column {@code a} renames {@code a} to {@code b} before the new
   * {@code a} is added (phase 5); the downgrade drops {@code a} and renames {@code b} back. A table's rename precedes
   * its columns', which name it by its new name.
   */
  private static List<Op> renames(Database current, Database target) {
    List<Op> renames = new ArrayList<>();
    Map<String, Table> currentTables = byKey(current.tables(), t -> key(t.schema(), t.name()));
    java.util.Set<String> schemas = new java.util.LinkedHashSet<>();
    target.tables().forEach(t -> schemas.add(key(t.schema(), "")));
    Map<String, Table> renamedTables = new LinkedHashMap<>(currentTables);
    for (String schemaKey : schemas) {
      String schema = null;
      java.util.Set<String> existing = new java.util.LinkedHashSet<>();
      List<RenamePlan.Wanted> wanted = new ArrayList<>();
      for (Table t : current.tables()) {
        if (key(t.schema(), "").equals(schemaKey)) {
          existing.add(t.name());
        }
      }
      for (Table t : target.tables()) {
        if (key(t.schema(), "").equals(schemaKey)) {
          schema = t.schema();
          wanted.add(new RenamePlan.Wanted(t.name(), t.renamedFrom()));
        }
      }
      for (RenamePlan.Step step : RenamePlan.plan(existing, wanted)) {
        renames.add(new RenameTable(schema, step.from(), step.to()));
        Table moved = renamedTables.remove(key(schema, step.from()));
        renamedTables.put(key(schema, step.to()), moved);
      }
    }
    for (Table table : target.tables()) {
      Table was = renamedTables.get(key(table.schema(), table.name()));
      if (was == null) {
        continue;
      }
      java.util.Set<String> existing = new java.util.LinkedHashSet<>();
      was.columns().forEach(c -> existing.add(c.name()));
      List<RenamePlan.Wanted> wanted = table.columns().stream()
          .map(c -> new RenamePlan.Wanted(c.name(), c.renamedFrom())).toList();
      for (RenamePlan.Step step : RenamePlan.plan(existing, wanted)) {
        renames.add(new RenameColumn(table.schema(), table.name(), step.from(), step.to()));
      }
    }
    return renames;
  }

  /**
   * {@code current} without the tables, sequences and enum types that {@code target} lacks and {@code owned}
   * does not list, one info line for each.
   */
  private static Database withoutForeignObjects(Database current, Database target, ChainObjects owned,
      List<String> infos) {
    if (owned == null) {
      return current;
    }
    List<Table> tables = new ArrayList<>();
    for (Table t : current.tables()) {
      if (target.table(t.schema(), t.name()).isPresent() || owned.tables().contains(t.qualifiedName())) {
        tables.add(t);
      } else {
        infos.add("table " + t.qualifiedName() + " is in the database but not in the model; no revision of this"
            + " chain created it, so it is left alone (list it in <excludeTables> to silence this line)");
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    for (Sequence s : current.sequences()) {
      boolean modelled = target.sequences().stream()
          .anyMatch(m -> Objects.equals(m.schema(), s.schema()) && m.name().equals(s.name()));
      if (modelled || owned.sequences().contains(s.qualifiedName())) {
        sequences.add(s);
      } else {
        infos.add("sequence " + s.qualifiedName() + " is in the database but not in the model; no revision of this"
            + " chain created it, so it is left alone");
      }
    }
    List<EnumType> enumTypes = new ArrayList<>();
    for (EnumType e : current.enumTypes()) {
      boolean modelled = target.enumTypes().stream()
          .anyMatch(m -> Objects.equals(m.schema(), e.schema()) && m.name().equals(e.name()));
      if (modelled || owned.enumTypes().contains(e.qualifiedName())) {
        enumTypes.add(e);
      } else {
        infos.add("enum type " + e.qualifiedName() + " is in the database but not in the model; no revision of"
            + " this chain created it, so it is left alone");
      }
    }
    return new Database(tables, sequences, enumTypes);
  }

  /** The phases, in order; each comment gives the phase's reason. */
  private void phases(Database current, Database target, DiffOptions options, List<Op> ops, List<String> warnings,
      List<String> infos) {
    Map<String, Table> currentTables = byKey(current.tables(), t -> key(t.schema(), t.name()));
    Map<String, Table> targetTables = byKey(target.tables(), t -> key(t.schema(), t.name()));
    Map<String, Sequence> currentSequences = byKey(current.sequences(), s -> key(s.schema(), s.name()));
    Map<String, Sequence> targetSequences = byKey(target.sequences(), s -> key(s.schema(), s.name()));
    // what is taken down and put back around a change under it: recreated columns, foreign keys over changed keys
    java.util.Set<String> enumNames = new java.util.HashSet<>();
    for (EnumType type : current.enumTypes()) {
      enumNames.add(type.name());
      enumNames.add(type.qualifiedName());
    }
    for (EnumType type : target.enumTypes()) {
      enumNames.add(type.name());
      enumNames.add(type.qualifiedName());
    }
    Rebuilds rebuilds = new Rebuilds(currentTables, targetTables, normalizer, enumNames, this::sameIndex);

    // 0. Schemas the model needs and the database lacks, before anything is created in them. Never dropped: the
    //    reverse of CREATE SCHEMA in this revision's downgrade is the only DROP SCHEMA.
    if (options.existingSchemas() != null) {
      java.util.Set<String> needed = new java.util.TreeSet<>();
      target.tables().stream().map(Table::schema).filter(Objects::nonNull).forEach(needed::add);
      target.sequences().stream().map(Sequence::schema).filter(Objects::nonNull).forEach(needed::add);
      target.enumTypes().stream().map(EnumType::schema).filter(Objects::nonNull).forEach(needed::add);
      current.tables().stream().map(Table::schema).filter(Objects::nonNull).forEach(needed::remove);
      needed.removeAll(options.existingSchemas());
      needed.forEach(name -> ops.add(new CreateSchema(name)));
    }

    // 0b. Enum types before the tables whose columns use them: new ones created, grown ones get their labels (each
    //     right after its predecessor in the model's order). Labels that go are removed in phase 12, once no altered
    //     default uses them. PostgreSQL cannot reorder labels, so a change of order is reported and left alone.
    Map<String, EnumType> currentEnums = byKey(current.enumTypes(), t -> key(t.schema(), t.name()));
    Map<String, EnumType> targetEnums = byKey(target.enumTypes(), t -> key(t.schema(), t.name()));
    Map<String, List<String>> shrinking = new LinkedHashMap<>();
    for (var e : targetEnums.entrySet()) {
      EnumType was = currentEnums.get(e.getKey());
      EnumType now = e.getValue();
      if (was == null) {
        ops.add(new CreateEnumType(now));
      } else if (!was.values().equals(now.values())) {
        List<String> kept = was.values().stream().filter(now.values()::contains).toList();
        if (!isSubsequence(kept, now.values())) {
          infos.add("enum type " + now.qualifiedName() + " is " + was.values() + " in the database and "
              + now.values() + " in the model; PostgreSQL cannot reorder enum values, so autogen leaves it alone:"
              + " recreate the type by hand with op.execute(...) if the order matters");
          continue;
        }
        List<String> state = new ArrayList<>(was.values());
        for (int i = 0; i < now.values().size(); i++) {
          String value = now.values().get(i);
          if (!state.contains(value)) {
            String after = i > 0 ? now.values().get(i - 1) : null;
            String before = i == 0 && !state.isEmpty() ? state.get(0) : null;
            ops.add(new AddEnumValue(now.schema(), now.name(), value, before, after));
            state.add(after != null ? state.indexOf(after) + 1 : 0, value);
          }
        }
        if (state.size() > now.values().size()) {
          shrinking.put(e.getKey(), state);
        }
      }
    }

    // 1. Sequences. Ownership first goes where it changes, the sequence goes or the owning column is recreated
    //    (PostgreSQL would drop an owned sequence with its table or column, before the sequence's own drop in phase
    //    10; phase 9 sets the owner again); then new sequences are created
    //    without an owner (OWNED BY needs the table, set in phase 8) and changed ones altered, before any new
    //    column's default calls nextval() on them.
    for (var e : currentSequences.entrySet()) {
      Sequence was = e.getValue();
      Sequence now = targetSequences.get(e.getKey());
      if (was.ownedBy() != null
          && (now == null || !was.ownedBy().equals(now.ownedBy()) || ownerRecreated(was, rebuilds))) {
        Sequence disowned = was.withOwnedBy(null);
        ops.add(new AlterSequence(was, disowned));
        e.setValue(disowned);
      }
    }
    for (var e : targetSequences.entrySet()) {
      Sequence was = currentSequences.get(e.getKey());
      Sequence now = e.getValue();
      if (was == null) {
        ops.add(new CreateSequence(now.withOwnedBy(null)));
      } else if (!normalizer.sameSequence(was, now.withOwnedBy(was.ownedBy()))) {
        ops.add(new AlterSequence(was, now.withOwnedBy(was.ownedBy())));
      }
    }

    // 2. New tables, without their indexes and foreign keys: a table can be created before the tables it
    //    references exist, and cycles need the constraints added after all tables (phase 8).
    for (var e : targetTables.entrySet()) {
      if (!currentTables.containsKey(e.getKey())) {
        ops.add(new CreateTable(e.getValue().withoutIndexesAndForeignKeys()));
      }
    }

    // 3. Foreign keys that go away or change, before any column, constraint or table they depend on is dropped;
    //    also those that stay but whose columns change type or whose referenced key is dropped or replaced
    //    (Rebuilds), added back in phase 8.
    for (var e : currentTables.entrySet()) {
      Table was = e.getValue();
      Table now = targetTables.get(e.getKey());
      List<ForeignKey> keep = now == null ? List.of() : now.foreignKeys();
      List<ForeignKey> changed = removedOrChanged(was.foreignKeys(), keep, Objects::equals);
      for (ForeignKey fk : was.foreignKeys()) {
        if (changed.contains(fk) || rebuilds.rebuildsForeignKey(e.getKey(), fk.name())) {
          ops.add(new DropForeignKey(was.schema(), was.name(), fk));
        }
      }
    }

    // 4. Indexes that go away or change, likewise before their columns go; also those over a recreated column.
    for (var e : currentTables.entrySet()) {
      Table was = e.getValue();
      Table now = targetTables.get(e.getKey());
      List<Index> keep = now == null ? List.of() : now.indexes();
      for (Index index : Rebuilds.changedOrUsing(was.indexes(), keep, this::sameIndex,
          rebuilds.recreated(e.getKey()))) {
        ops.add(new DropIndex(was.schema(), was.name(), index));
      }
    }

    // 5. Tables on both sides, one table at a time: constraints that go away or change are dropped before the
    //    columns they cover; columns are added and altered before the constraints that cover them are added.
    for (var e : currentTables.entrySet()) {
      Table now = targetTables.get(e.getKey());
      if (now != null) {
        alterTable(e.getValue(), now, rebuilds.recreated(e.getKey()), ops, warnings);
      }
    }

    // 6. Tables that go away: their indexes and foreign keys, and foreign keys that referenced them, are gone.
    List<Table> dropped = new ArrayList<>();
    for (var e : currentTables.entrySet()) {
      if (!targetTables.containsKey(e.getKey())) {
        dropped.add(e.getValue());
        ops.add(new DropTable(e.getValue().withoutIndexesAndForeignKeys()));
      }
    }
    for (Table gone : dropped) {
      for (var e : targetTables.entrySet()) {
        Table created = e.getValue();
        if (!currentTables.containsKey(e.getKey()) && Objects.equals(gone.schema(), created.schema())
            && sameColumnsAndTypes(gone, created)) {
          warnings.add("did you rename table " + gone.qualifiedName() + " to " + created.name() + "? annotate "
              + created.name() + " with @RenamedFrom(\"" + gone.name() + "\") (autogen wrote drop + create, which"
              + " loses the rows of " + gone.name() + ")");
        }
      }
    }

    // 7. New and changed indexes, and those over a recreated column, once every column exists.
    for (var e : targetTables.entrySet()) {
      Table now = e.getValue();
      Table was = currentTables.get(e.getKey());
      List<Index> had = was == null ? List.of() : was.indexes();
      for (Index index : Rebuilds.changedOrUsing(now.indexes(), had, this::sameIndex,
          rebuilds.recreated(e.getKey()))) {
        ops.add(new CreateIndex(now.schema(), now.name(), index));
      }
    }

    // 8. New and changed foreign keys, and those phase 3 took down, once every table, column and referenced key
    //    exists.
    for (var e : targetTables.entrySet()) {
      Table now = e.getValue();
      Table was = currentTables.get(e.getKey());
      List<ForeignKey> had = was == null ? List.of() : was.foreignKeys();
      List<ForeignKey> changed = removedOrChanged(now.foreignKeys(), had, Objects::equals);
      for (ForeignKey fk : now.foreignKeys()) {
        if (changed.contains(fk) || was != null && rebuilds.rebuildsForeignKey(e.getKey(), fk.name())) {
          ops.add(new AddForeignKey(now.schema(), now.name(), fk));
        }
      }
    }

    // 9. Owners of sequences, once their tables and columns exist.
    for (var e : targetSequences.entrySet()) {
      Sequence was = currentSequences.get(e.getKey());
      Sequence now = e.getValue();
      String owner = was == null ? null : was.ownedBy();
      if (now.ownedBy() != null && !now.ownedBy().equals(owner)) {
        Sequence before = was == null ? now.withOwnedBy(null) : now.withOwnedBy(owner);
        ops.add(new AlterSequence(before, now));
      }
    }

    // 10. Sequences that go away, last: a dropped column's default may have used one.
    for (var e : currentSequences.entrySet()) {
      if (!targetSequences.containsKey(e.getKey())) {
        ops.add(new DropSequence(e.getValue()));
      }
    }

    // 11. Enum types that go away, once no dropped or altered column uses them.
    for (var e : currentEnums.entrySet()) {
      if (!targetEnums.containsKey(e.getKey())) {
        ops.add(new DropEnumType(e.getValue()));
      }
    }

    // 12. Enum labels that go, last of all, from the end of the type: each op names its neighbour, so that the
    //     downgrade puts it back in place. Destructive in intent; it fails while a row holds the label.
    for (var e : shrinking.entrySet()) {
      EnumType now = targetEnums.get(e.getKey());
      List<String> state = e.getValue();
      for (int i = state.size() - 1; i >= 0; i--) {
        String value = state.get(i);
        if (!now.values().contains(value)) {
          String after = i > 0 ? state.get(i - 1) : null;
          String before = i == 0 && state.size() > 1 ? state.get(1) : null;
          ops.add(new DropEnumValue(now.schema(), now.name(), value, before, after));
          state.remove(i);
        }
      }
    }
  }

  /** Whether the column that owns {@code sequence} ({@code OWNED BY table.column}) is dropped and added again. */
  private static boolean ownerRecreated(Sequence sequence, Rebuilds rebuilds) {
    String owner = sequence.ownedBy();
    int dot = owner.lastIndexOf('.');
    return dot > 0 && rebuilds.recreated(key(sequence.schema(), owner.substring(0, dot)))
        .contains(owner.substring(dot + 1));
  }

  /** Whether {@code part} is {@code whole} with some elements left out, in the same order. */
  private static boolean isSubsequence(List<String> part, List<String> whole) {
    int i = 0;
    for (String element : whole) {
      if (i < part.size() && part.get(i).equals(element)) {
        i++;
      }
    }
    return i == part.size();
  }

  private boolean sameColumnsAndTypes(Table a, Table b) {
    if (a.columns().size() != b.columns().size()) {
      return false;
    }
    for (int i = 0; i < a.columns().size(); i++) {
      Column x = a.columns().get(i);
      Column y = b.columns().get(i);
      if (!x.name().equals(y.name()) || !normalizer.sameType(x.type(), y.type())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Indexes compare by value, their key expressions and predicates through the normalizer (PostgreSQL stores them
   * deparsed: {@code lower(email)} may come back as {@code lower((email)::text)}).
   */
  private boolean sameIndex(Index a, Index b) {
    if (!a.name().equals(b.name()) || a.unique() != b.unique() || !a.method().equals(b.method())
        || !a.include().equals(b.include()) || a.keys().size() != b.keys().size()
        || !Objects.equals(normalizer.normalizeCheck(a.where()), normalizer.normalizeCheck(b.where()))) {
      return false;
    }
    for (int i = 0; i < a.keys().size(); i++) {
      IndexKey x = a.keys().get(i);
      IndexKey y = b.keys().get(i);
      if (x.descending() != y.descending() || !Objects.equals(x.column(), y.column())
          || !Objects.equals(normalizer.normalizeCheck(x.expression()), normalizer.normalizeCheck(y.expression()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The changes of one table on both sides. {@code recreated} names the columns whose type the database cannot
   * convert in place: each is dropped and added again where it would be altered, with the constraints that involve
   * it dropped before and added after (PostgreSQL's {@code DROP COLUMN} would take them along).
   */
  private void alterTable(Table was, Table now, java.util.Set<String> recreated, List<Op> ops,
      List<String> warnings) {
    String schema = now.schema();
    String table = now.name();
    BiPredicate<CheckConstraint, CheckConstraint> sameCheck = (a, b) ->
        Objects.equals(normalizer.normalizeCheck(a.expression()), normalizer.normalizeCheck(b.expression()));

    for (CheckConstraint c : Rebuilds.changedOrUsing(was.checkConstraints(), now.checkConstraints(), sameCheck,
        recreated)) {
      ops.add(new DropCheckConstraint(schema, table, c));
    }
    for (UniqueConstraint u : Rebuilds.changedOrUsing(was.uniqueConstraints(), now.uniqueConstraints(),
        Objects::equals, recreated)) {
      ops.add(new DropUniqueConstraint(schema, table, u));
    }
    if (!Objects.equals(was.comment(), now.comment())) {
      ops.add(new SetTableComment(schema, table, was.comment(), now.comment()));
    }
    boolean primaryKeyChanges = !Objects.equals(was.primaryKey(), now.primaryKey())
        || was.primaryKey() != null && Rebuilds.uses(was.primaryKey(), recreated);
    if (primaryKeyChanges && was.primaryKey() != null) {
      ops.add(new DropPrimaryKey(schema, table, was.primaryKey()));
    }

    for (Column column : now.columns()) {
      var old = was.column(column.name());
      if (old.isEmpty()) {
        ops.add(new AddColumn(schema, table, column));
      } else if (recreated.contains(column.name())) {
        ops.add(new DropColumn(schema, table, old.get()));
        ops.add(new AddColumn(schema, table, column));
        warnings.add("table " + now.qualifiedName() + ": column " + column.name() + " changes type from "
            + old.get().type() + " to " + column.type() + ", which the database cannot convert; autogen wrote drop"
            + " + add, which loses the data of " + column.name() + " (convert it by hand with op.execute(...) if"
            + " the data matters)");
      } else if (!sameColumn(old.get(), column)) {
        ops.add(new AlterColumn(schema, table, old.get(), column));
      }
    }
    for (Column column : was.columns()) {
      if (now.column(column.name()).isEmpty()) {
        ops.add(new DropColumn(schema, table, column));
        for (Column added : now.columns()) {
          if (was.column(added.name()).isEmpty() && normalizer.sameType(column.type(), added.type())) {
            warnings.add("table " + now.qualifiedName() + ": did you rename " + column.name() + " to " + added.name()
                + "? annotate " + added.name() + " with @RenamedFrom(\"" + column.name() + "\") (autogen wrote drop"
                + " + add, which loses the data of " + column.name() + ")");
          }
        }
      }
    }

    if (primaryKeyChanges && now.primaryKey() != null) {
      ops.add(new AddPrimaryKey(schema, table, now.primaryKey()));
    }
    for (UniqueConstraint u : Rebuilds.changedOrUsing(now.uniqueConstraints(), was.uniqueConstraints(),
        Objects::equals, recreated)) {
      ops.add(new AddUniqueConstraint(schema, table, u));
    }
    for (CheckConstraint c : Rebuilds.changedOrUsing(now.checkConstraints(), was.checkConstraints(), sameCheck,
        recreated)) {
      ops.add(new AddCheckConstraint(schema, table, c));
    }
  }

  private boolean sameColumn(Column a, Column b) {
    return normalizer.sameType(a.type(), b.type())
        && a.nullable() == b.nullable()
        && a.identity() == b.identity()
        && Objects.equals(a.comment(), b.comment())
        && Objects.equals(normalizer.normalizeDefault(a.defaultValue()), normalizer.normalizeDefault(b.defaultValue()));
  }

  /** The elements of {@code from} that {@code other} lacks, or has under the same name with other content. */
  static <T extends TableElement> List<T> removedOrChanged(List<T> from, List<T> other,
      BiPredicate<T, T> same) {
    Map<String, T> others = byKey(other, TableElement::name);
    List<T> result = new ArrayList<>();
    for (T element : from) {
      T match = others.get(element.name());
      if (match == null || !same.test(element, match)) {
        result.add(element);
      }
    }
    return result;
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      map.put(key.apply(item), item);
    }
    return map;
  }

  static String key(String schema, String name) {
    return (schema == null ? "" : schema) + '\u0000' + name;
  }
}
