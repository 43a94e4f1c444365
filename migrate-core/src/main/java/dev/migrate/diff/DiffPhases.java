package dev.migrate.diff;

import static dev.migrate.diff.SchemaDiff.byKey;
import static dev.migrate.diff.SchemaDiff.key;
import static dev.migrate.diff.SchemaDiff.removedOrChanged;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropCheckConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropEnumType;
import dev.migrate.ops.DropEnumValue;
import dev.migrate.ops.DropForeignKey;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropPrimaryKey;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropUniqueConstraint;
import dev.migrate.ops.Op;
import dev.migrate.ops.SetTableComment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * One run of {@link SchemaDiff}'s ordering phases over two models whose renames are applied: the
 * lookups the phases share, and one method per phase whose Javadoc gives its reason. {@link #run()}
 * lists the phases in the order their ops execute (jOOQ's {@code Diff} appends per object kind the
 * same way).
 *
 * <p>The ordering is a fixed sequence of phases rather than a walk of the foreign-key graph, so
 * that it needs no recursion and works for chains and cycles of any length. Not thread-safe; used
 * once.
 */
final class DiffPhases {

  private final Normalizer normalizer;
  private final Database current;
  private final Database target;
  private final DiffOptions options;
  private final List<Op> ops;
  private final List<String> warnings;
  private final List<String> infos;
  private final Map<String, Table> currentTables;
  private final Map<String, Table> targetTables;

  /** The database's sequences; {@link #disownAndCreateSequences} replaces those it disowns. */
  private final Map<String, Sequence> currentSequences;

  private final Map<String, Sequence> targetSequences;
  private final Map<String, EnumType> currentEnums;
  private final Map<String, EnumType> targetEnums;

  /**
   * Enum types that lose labels, with their labels after {@link #createAndGrowEnumTypes} added the
   * new ones.
   */
  private final Map<String, List<String>> shrinking = new LinkedHashMap<>();

  /**
   * What is taken down and put back around a change under it: recreated columns, foreign keys over
   * changed keys.
   */
  private final Rebuilds rebuilds;

  /**
   * A run that appends to {@code ops}, {@code warnings} and {@code infos}.
   *
   * @param current the database's side, renames applied
   * @param target the model's side, without rename hints
   */
  DiffPhases(
      Normalizer normalizer,
      Database current,
      Database target,
      DiffOptions options,
      List<Op> ops,
      List<String> warnings,
      List<String> infos) {
    this.normalizer = normalizer;
    this.current = current;
    this.target = target;
    this.options = options;
    this.ops = ops;
    this.warnings = warnings;
    this.infos = infos;
    currentTables = byKey(current.tables(), t -> key(t.schema(), t.name()));
    targetTables = byKey(target.tables(), t -> key(t.schema(), t.name()));
    currentSequences = byKey(current.sequences(), s -> key(s.schema(), s.name()));
    targetSequences = byKey(target.sequences(), s -> key(s.schema(), s.name()));
    currentEnums = byKey(current.enumTypes(), t -> key(t.schema(), t.name()));
    targetEnums = byKey(target.enumTypes(), t -> key(t.schema(), t.name()));
    java.util.Set<String> enumNames = new java.util.HashSet<>();
    for (EnumType type : current.enumTypes()) {
      enumNames.add(type.name());
      enumNames.add(type.qualifiedName());
    }
    for (EnumType type : target.enumTypes()) {
      enumNames.add(type.name());
      enumNames.add(type.qualifiedName());
    }
    rebuilds = new Rebuilds(currentTables, targetTables, normalizer, enumNames, this::sameIndex);
  }

  /** The phases, in the order their ops execute. */
  void run() {
    createSchemas();
    createAndGrowEnumTypes();
    disownAndCreateSequences();
    createTables();
    dropForeignKeys();
    dropIndexes();
    alterTables();
    dropTables();
    createIndexes();
    addForeignKeys();
    ownSequences();
    dropSequences();
    dropEnumTypes();
    dropEnumValues();
  }

  /**
   * Schemas the model needs and the database lacks, before anything is created in them. Never
   * dropped: the reverse of CREATE SCHEMA in this revision's downgrade is the only DROP SCHEMA.
   */
  private void createSchemas() {
    if (options.existingSchemas() != null) {
      java.util.Set<String> needed = new java.util.TreeSet<>();
      target.tables().stream().map(Table::schema).filter(Objects::nonNull).forEach(needed::add);
      target.sequences().stream()
          .map(Sequence::schema)
          .filter(Objects::nonNull)
          .forEach(needed::add);
      target.enumTypes().stream()
          .map(EnumType::schema)
          .filter(Objects::nonNull)
          .forEach(needed::add);
      current.tables().stream().map(Table::schema).filter(Objects::nonNull).forEach(needed::remove);
      needed.removeAll(options.existingSchemas());
      needed.forEach(name -> ops.add(new CreateSchema(name)));
    }
  }

  /**
   * Enum types before the tables whose columns use them: new ones created, grown ones get their
   * labels (each right after its predecessor in the model's order). Labels that go are removed in
   * {@link #dropEnumValues}, once no altered default uses them. PostgreSQL cannot reorder labels,
   * so a change of order is reported and left alone.
   */
  private void createAndGrowEnumTypes() {
    for (var e : targetEnums.entrySet()) {
      EnumType was = currentEnums.get(e.getKey());
      EnumType now = e.getValue();
      if (was == null) {
        ops.add(new CreateEnumType(now));
      } else if (!was.values().equals(now.values())) {
        List<String> kept = was.values().stream().filter(now.values()::contains).toList();
        if (!isSubsequence(kept, now.values())) {
          infos.add(
              "enum type "
                  + now.qualifiedName()
                  + " is "
                  + was.values()
                  + " in the database and "
                  + now.values()
                  + " in the model; PostgreSQL cannot reorder enum values, so autogen leaves it alone:"
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
  }

  /**
   * Sequences. Ownership first goes where it changes, the sequence goes or the owning column is
   * recreated (PostgreSQL would drop an owned sequence with its table or column, before the
   * sequence's own drop in {@link #dropSequences}; {@link #ownSequences} sets the owner again);
   * then new sequences are created without an owner (OWNED BY needs the table, set by {@link
   * #ownSequences}) and changed ones altered, before any new column's default calls nextval() on
   * them.
   */
  private void disownAndCreateSequences() {
    for (var e : currentSequences.entrySet()) {
      Sequence was = e.getValue();
      Sequence now = targetSequences.get(e.getKey());
      if (was.ownedBy() != null
          && (now == null
              || !was.ownedBy().equals(now.ownedBy())
              || ownerRecreated(was, rebuilds))) {
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
  }

  /**
   * New tables, without their indexes and foreign keys: a table can be created before the tables it
   * references exist, and cycles need the constraints added after all tables ({@link
   * #addForeignKeys}).
   */
  private void createTables() {
    for (var e : targetTables.entrySet()) {
      if (!currentTables.containsKey(e.getKey())) {
        ops.add(new CreateTable(e.getValue().withoutIndexesAndForeignKeys()));
      }
    }
  }

  /**
   * Foreign keys that go away or change, before any column, constraint or table they depend on is
   * dropped; also those that stay but whose columns change type or whose referenced key is dropped
   * or replaced (Rebuilds), added back in {@link #addForeignKeys}.
   */
  private void dropForeignKeys() {
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
  }

  /**
   * Indexes that go away or change, likewise before their columns go; also those over a recreated
   * column.
   */
  private void dropIndexes() {
    for (var e : currentTables.entrySet()) {
      Table was = e.getValue();
      Table now = targetTables.get(e.getKey());
      List<Index> keep = now == null ? List.of() : now.indexes();
      for (Index index :
          Rebuilds.changedOrUsing(
              was.indexes(), keep, this::sameIndex, rebuilds.recreated(e.getKey()))) {
        ops.add(new DropIndex(was.schema(), was.name(), index));
      }
    }
  }

  /**
   * Tables on both sides, one table at a time: constraints that go away or change are dropped
   * before the columns they cover; columns are added and altered before the constraints that cover
   * them are added.
   */
  private void alterTables() {
    for (var e : currentTables.entrySet()) {
      Table now = targetTables.get(e.getKey());
      if (now != null) {
        alterTable(e.getValue(), now, rebuilds.recreated(e.getKey()), ops, warnings);
      }
    }
  }

  /**
   * Tables that go away: their indexes and foreign keys, and foreign keys that referenced them, are
   * gone.
   */
  private void dropTables() {
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
        if (!currentTables.containsKey(e.getKey())
            && Objects.equals(gone.schema(), created.schema())
            && sameColumnsAndTypes(gone, created)) {
          String subject =
              options
                  .members()
                  .ofTable(created.schema(), created.name())
                  .map(member -> member + " (table " + created.name() + ")")
                  .orElse(created.name());
          warnings.add(
              "did you rename table "
                  + gone.qualifiedName()
                  + " to "
                  + created.name()
                  + "? annotate "
                  + subject
                  + " with @RenamedFrom(\""
                  + gone.name()
                  + "\") (autogen wrote drop + create, which"
                  + " loses the rows of "
                  + gone.name()
                  + ")");
        }
      }
    }
  }

  /** New and changed indexes, and those over a recreated column, once every column exists. */
  private void createIndexes() {
    for (var e : targetTables.entrySet()) {
      Table now = e.getValue();
      Table was = currentTables.get(e.getKey());
      List<Index> had = was == null ? List.of() : was.indexes();
      for (Index index :
          Rebuilds.changedOrUsing(
              now.indexes(), had, this::sameIndex, rebuilds.recreated(e.getKey()))) {
        ops.add(new CreateIndex(now.schema(), now.name(), index));
      }
    }
  }

  /**
   * New and changed foreign keys, and those {@link #dropForeignKeys} took down, once every table,
   * column and referenced key exists.
   */
  private void addForeignKeys() {
    for (var e : targetTables.entrySet()) {
      Table now = e.getValue();
      Table was = currentTables.get(e.getKey());
      List<ForeignKey> had = was == null ? List.of() : was.foreignKeys();
      List<ForeignKey> changed = removedOrChanged(now.foreignKeys(), had, Objects::equals);
      for (ForeignKey fk : now.foreignKeys()) {
        if (changed.contains(fk)
            || was != null && rebuilds.rebuildsForeignKey(e.getKey(), fk.name())) {
          ops.add(new AddForeignKey(now.schema(), now.name(), fk));
        }
      }
    }
  }

  /** Owners of sequences, once their tables and columns exist. */
  private void ownSequences() {
    for (var e : targetSequences.entrySet()) {
      Sequence was = currentSequences.get(e.getKey());
      Sequence now = e.getValue();
      String owner = was == null ? null : was.ownedBy();
      if (now.ownedBy() != null && !now.ownedBy().equals(owner)) {
        Sequence before = was == null ? now.withOwnedBy(null) : now.withOwnedBy(owner);
        ops.add(new AlterSequence(before, now));
      }
    }
  }

  /** Sequences that go away, last: a dropped column's default may have used one. */
  private void dropSequences() {
    for (var e : currentSequences.entrySet()) {
      if (!targetSequences.containsKey(e.getKey())) {
        ops.add(new DropSequence(e.getValue()));
      }
    }
  }

  /** Enum types that go away, once no dropped or altered column uses them. */
  private void dropEnumTypes() {
    for (var e : currentEnums.entrySet()) {
      if (!targetEnums.containsKey(e.getKey())) {
        ops.add(new DropEnumType(e.getValue()));
      }
    }
  }

  /**
   * Enum labels that go, last of all, from the end of the type: each op names its neighbour, so
   * that the downgrade puts it back in place. Destructive in intent; it fails while a row holds the
   * label.
   */
  private void dropEnumValues() {
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

  /**
   * Whether the column that owns {@code sequence} ({@code OWNED BY table.column}) is dropped and
   * added again.
   */
  private static boolean ownerRecreated(Sequence sequence, Rebuilds rebuilds) {
    String owner = sequence.ownedBy();
    int dot = owner.lastIndexOf('.');
    return dot > 0
        && rebuilds
            .recreated(key(sequence.schema(), owner.substring(0, dot)))
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
   * Indexes compare by value, their key expressions and predicates through the normalizer
   * (PostgreSQL stores them deparsed: {@code lower(email)} may come back as {@code
   * lower((email)::text)}).
   */
  private boolean sameIndex(Index a, Index b) {
    if (!a.name().equals(b.name())
        || a.unique() != b.unique()
        || !a.method().equals(b.method())
        || !a.include().equals(b.include())
        || a.keys().size() != b.keys().size()
        || !Objects.equals(
            normalizer.normalizeCheck(a.where()), normalizer.normalizeCheck(b.where()))) {
      return false;
    }
    for (int i = 0; i < a.keys().size(); i++) {
      IndexKey x = a.keys().get(i);
      IndexKey y = b.keys().get(i);
      if (x.descending() != y.descending()
          || !Objects.equals(x.column(), y.column())
          || !Objects.equals(
              normalizer.normalizeCheck(x.expression()),
              normalizer.normalizeCheck(y.expression()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The changes of one table on both sides. {@code recreated} names the columns whose type the
   * database cannot convert in place: each is dropped and added again where it would be altered,
   * with the constraints that involve it dropped before and added after (PostgreSQL's {@code DROP
   * COLUMN} would take them along).
   */
  private void alterTable(
      Table was, Table now, java.util.Set<String> recreated, List<Op> ops, List<String> warnings) {
    String schema = now.schema();
    String table = now.name();
    BiPredicate<CheckConstraint, CheckConstraint> sameCheck =
        (a, b) ->
            Objects.equals(
                normalizer.normalizeCheck(a.expression()),
                normalizer.normalizeCheck(b.expression()));

    for (CheckConstraint c :
        Rebuilds.changedOrUsing(
            was.checkConstraints(), now.checkConstraints(), sameCheck, recreated)) {
      ops.add(new DropCheckConstraint(schema, table, c));
    }
    for (UniqueConstraint u :
        Rebuilds.changedOrUsing(
            was.uniqueConstraints(), now.uniqueConstraints(), Objects::equals, recreated)) {
      ops.add(new DropUniqueConstraint(schema, table, u));
    }
    if (!Objects.equals(was.comment(), now.comment())) {
      ops.add(new SetTableComment(schema, table, was.comment(), now.comment()));
    }
    boolean primaryKeyChanges =
        !Objects.equals(was.primaryKey(), now.primaryKey())
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
        warnings.add(
            "table "
                + now.qualifiedName()
                + ": column "
                + column.name()
                + " changes type from "
                + old.get().type()
                + " to "
                + column.type()
                + ", which the database cannot convert; autogen wrote drop"
                + " + add, which loses the data of "
                + column.name()
                + " (convert it by hand with op.execute(...) if"
                + " the data matters)");
      } else if (!sameColumn(old.get(), column)) {
        ops.add(new AlterColumn(schema, table, old.get(), column));
      }
    }
    for (Column column : was.columns()) {
      if (now.column(column.name()).isEmpty()) {
        ops.add(new DropColumn(schema, table, column));
        for (Column added : now.columns()) {
          if (was.column(added.name()).isEmpty()
              && normalizer.sameType(column.type(), added.type())) {
            String subject =
                options
                    .members()
                    .ofColumn(now.schema(), now.name(), added.name())
                    .map(member -> member + " (column " + added.name() + ")")
                    .orElse(added.name());
            warnings.add(
                "table "
                    + now.qualifiedName()
                    + ": did you rename "
                    + column.name()
                    + " to "
                    + added.name()
                    + "? annotate "
                    + subject
                    + " with @RenamedFrom(\""
                    + column.name()
                    + "\") (autogen wrote drop"
                    + " + add, which loses the data of "
                    + column.name()
                    + ")");
          }
        }
      }
    }

    if (primaryKeyChanges && now.primaryKey() != null) {
      ops.add(new AddPrimaryKey(schema, table, now.primaryKey()));
    }
    for (UniqueConstraint u :
        Rebuilds.changedOrUsing(
            now.uniqueConstraints(), was.uniqueConstraints(), Objects::equals, recreated)) {
      ops.add(new AddUniqueConstraint(schema, table, u));
    }
    for (CheckConstraint c :
        Rebuilds.changedOrUsing(
            now.checkConstraints(), was.checkConstraints(), sameCheck, recreated)) {
      ops.add(new AddCheckConstraint(schema, table, c));
    }
  }

  private boolean sameColumn(Column a, Column b) {
    return normalizer.sameType(a.type(), b.type())
        && a.nullable() == b.nullable()
        && a.identity() == b.identity()
        && Objects.equals(a.comment(), b.comment())
        && Objects.equals(
            normalizer.normalizeDefault(a.defaultValue()),
            normalizer.normalizeDefault(b.defaultValue()));
  }
}
