package dev.migrate.roundtrip;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.roundtrip.TypeCatalog.CheckTemplate;
import dev.migrate.roundtrip.TypeCatalog.TypeDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mutable schema under construction: the generators build model A in it, copy it and edit the
 * copy into model B, then {@link #repair()} both into valid PostgreSQL schemas (what a user's
 * entity model would say) and turn them into {@link Database} records. Constraints, indexes and
 * foreign keys refer to columns by name, so an edit that drops or retypes a column can find what
 * depended on it.
 */
final class Draft {

  final List<DTable> tables = new ArrayList<>();
  final List<DSequence> sequences = new ArrayList<>();

  /**
   * Enum types, see {@link Shapes#ENUM_TYPES}; names {@code e<n>}, never reused for another type in
   * an edit.
   */
  final List<DEnum> enums = new ArrayList<>();

  /** Source of unique suffixes for names created by edits. */
  int nextId = 1;

  /**
   * Table (and, see {@link Shapes#SEQUENCE_BOUND_CHANGES}, sequence) names of the draft this one
   * was copied from: an edit does not reuse them for another relation.
   */
  final Set<String> retiredTables = new HashSet<>();

  Draft copy() {
    Draft copy = new Draft();
    for (DTable t : tables) {
      copy.tables.add(t.copy());
      copy.retiredTables.add(t.name);
    }
    copy.sequences.addAll(sequences);
    copy.enums.addAll(enums);
    enums.forEach(e -> copy.retiredTables.add(e.name()));
    if (!Shapes.SEQUENCE_BOUND_CHANGES) {
      // a sequence dropped and added again under its name is altered, which may move its bounds
      sequences.forEach(seq -> copy.retiredTables.add(seq.name()));
    }
    copy.nextId = nextId;
    return copy;
  }

  int id() {
    return nextId++;
  }

  Optional<DTable> table(String name) {
    return tables.stream().filter(t -> t.name.equals(name)).findFirst();
  }

  /**
   * Every relation name (tables, sequences, indexes, key constraints) in use, which share one
   * namespace.
   */
  Set<String> relationNames() {
    Set<String> names = new HashSet<>(Shapes.REUSED_NAMES_WITHOUT_CAST ? Set.of() : retiredTables);
    for (DTable t : tables) {
      names.add(t.name);
      names.add(t.pkName());
      t.uniques.forEach(u -> names.add(u.name()));
      t.indexes.forEach(i -> names.add(i.name()));
    }
    sequences.forEach(s -> names.add(s.name()));
    return names;
  }

  /**
   * Renames table {@code table} to {@code to}, and every foreign key that references it; constraint
   * names stay.
   */
  void renameTable(DTable table, String to) {
    String from = table.name;
    for (DTable t : tables) {
      t.fks.replaceAll(
          fk ->
              fk.target().equals(from)
                  ? new DFk(
                      fk.name(),
                      fk.columns(),
                      to,
                      fk.targetColumns(),
                      fk.onDelete(),
                      fk.onUpdate(),
                      fk.deferrable(),
                      fk.initiallyDeferred())
                  : fk);
    }
    sequences.replaceAll(
        seq ->
            seq.ownedBy() != null && seq.ownedBy().startsWith(from + ".")
                ? seq.ownedBy(to + seq.ownedBy().substring(from.length()))
                : seq);
    table.renamedFrom.add(0, from);
    table.name = to;
  }

  /**
   * Renames {@code column} of {@code table} to {@code to}, everywhere the table's keys and others
   * refer to it.
   */
  void renameColumn(DTable table, DColumn column, String to) {
    String from = column.name;
    java.util.function.UnaryOperator<List<String>> rename =
        names -> names.stream().map(n -> n.equals(from) ? to : n).toList();
    table.pk = new ArrayList<>(rename.apply(table.pk));
    table.uniques.replaceAll(u -> new DUnique(u.name(), rename.apply(u.columns())));
    table.checks.replaceAll(
        c -> c.column().equals(from) ? new DCheck(c.name(), to, c.template()) : c);
    table.indexes.replaceAll(
        i ->
            new DIndex(
                i.name(),
                i.keys().stream()
                    .map(
                        k ->
                            k.column().equals(from)
                                ? new DKey(to, k.expression(), k.descending())
                                : k)
                    .toList(),
                i.unique(),
                i.method(),
                rename.apply(i.include()),
                from.equals(i.whereColumn()) ? to : i.whereColumn()));
    table.fks.replaceAll(
        fk ->
            new DFk(
                fk.name(),
                rename.apply(fk.columns()),
                fk.target(),
                fk.targetColumns(),
                fk.onDelete(),
                fk.onUpdate(),
                fk.deferrable(),
                fk.initiallyDeferred()));
    for (DTable t : tables) {
      t.fks.replaceAll(
          fk ->
              fk.target().equals(table.name)
                  ? new DFk(
                      fk.name(),
                      fk.columns(),
                      fk.target(),
                      rename.apply(fk.targetColumns()),
                      fk.onDelete(),
                      fk.onUpdate(),
                      fk.deferrable(),
                      fk.initiallyDeferred())
                  : fk);
    }
    sequences.replaceAll(
        seq ->
            (table.name + "." + from).equals(seq.ownedBy())
                ? seq.ownedBy(table.name + "." + to)
                : seq);
    column.renamedFrom.add(0, from);
    column.name = to;
    TypeDef retired = table.retiredColumns.remove(from);
    if (retired != null) {
      table.retiredColumns.put(to, retired);
    }
    if (!Shapes.RENAME_AND_REUSE_OLD_NAME) {
      table.renamedAway.add(from);
    }
  }

  // ------------------------------------------------------------------------------------------------ repair

  /**
   * Makes the draft a schema PostgreSQL accepts and stores as stated: identity only on integer
   * columns, without a default, not null; primary key columns not null; constraints, indexes and
   * foreign keys only over columns that exist and have a fitting type; foreign keys only to a
   * primary key or unique constraint with the same types.
   */
  Draft repair() {
    Set<String> enumNames = new HashSet<>();
    enums.forEach(e -> enumNames.add(e.name()));
    for (DTable t : tables) {
      // a column whose enum type the edit dropped goes with it
      t.columns.removeIf(
          c ->
              c.type.family() == TypeCatalog.Family.ENUM
                  && !enumNames.contains(c.type.type().name()));
      for (DColumn c : t.columns) {
        if (c.identity != null && c.type.family() != TypeCatalog.Family.INT) {
          c.identity = null;
        }
        if (c.identity != null) {
          c.nullable = false;
          c.defaultChoice = -1;
        }
      }
      List<String> pk = new ArrayList<>(new LinkedHashSet<>(t.pk));
      pk.removeIf(name -> t.column(name).map(c -> !c.type.keyable()).orElse(true));
      t.pk = pk;
      for (String name : pk) {
        t.column(name).orElseThrow().nullable = false;
      }
      t.uniques.removeIf(u -> !t.keyable(u.columns()));
      // only tables that CREATE TABLE creates: those of A, and those B adds (an existing table gets
      // new
      // constraints through ALTER TABLE, which keeps duplicates)
      if (!Shapes.REDUNDANT_UNIQUES && !retiredTables.contains(t.name)) {
        Set<List<String>> keys = new HashSet<>();
        if (!t.pk.isEmpty()) {
          keys.add(t.pk);
        }
        t.uniques.removeIf(u -> !keys.add(u.columns()));
      }
      t.checks.removeIf(
          c -> t.column(c.column()).map(col -> !c.template().fits(col.type)).orElse(true));
      t.indexes.removeIf(i -> !i.fits(t));
    }
    for (DTable t : tables) {
      t.fks.removeIf(fk -> !valid(t, fk));
    }
    sequences.replaceAll(
        seq -> seq.ownedBy() == null || owner(seq.ownedBy()) ? seq : seq.ownedBy(null));
    return this;
  }

  /** Whether {@code tableDotColumn} names a column of this draft. */
  private boolean owner(String tableDotColumn) {
    return tables.stream()
        .anyMatch(
            t -> t.columns.stream().anyMatch(c -> (t.name + "." + c.name).equals(tableDotColumn)));
  }

  private boolean valid(DTable table, DFk fk) {
    Optional<DTable> target = table(fk.target());
    if (target.isEmpty() || fk.columns().isEmpty()) {
      return false;
    }
    Set<String> key = new HashSet<>(fk.targetColumns());
    boolean keyed =
        !target.get().pk.isEmpty() && new HashSet<>(target.get().pk).equals(key)
            || target.get().uniques.stream().anyMatch(u -> new HashSet<>(u.columns()).equals(key));
    if (!keyed || key.size() != fk.targetColumns().size()) {
      return false;
    }
    for (int i = 0; i < fk.columns().size(); i++) {
      Optional<DColumn> from = table.column(fk.columns().get(i));
      Optional<DColumn> to = target.get().column(fk.targetColumns().get(i));
      if (from.isEmpty() || to.isEmpty() || !from.get().type.equals(to.get().type)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether PostgreSQL has a default operator class of {@code method} for every key (btree for
   * {@code null}): gin for jsonb and arrays (column keys only), brin and hash for scalar types
   * (hash for one key only), and none of them with DESC (PostgreSQL docs, 11.2 Index Types and 11.4
   * Indexes and ORDER BY).
   */
  static boolean methodFits(String method, DTable table, List<DKey> keys) {
    if (method == null || method.equals("btree")) {
      return true;
    }
    if (method.equals("hash") && keys.size() != 1) {
      return false;
    }
    for (DKey key : keys) {
      DColumn column = table.column(key.column()).orElse(null);
      if (column == null || key.descending()) {
        return false;
      }
      TypeCatalog.Family family =
          key.expression() != null ? key.expression().family() : column.type.family();
      boolean fits;
      switch (method) {
        case "gin":
          fits =
              key.expression() == null
                  && (column.type.type().equals(dev.migrate.model.SqlType.jsonb())
                      || family == TypeCatalog.Family.TEXT_ARRAY
                      || family == TypeCatalog.Family.NUMBER_ARRAY);
          break;
        case "brin":
        case "hash":
          fits =
              family.numeric()
                  || family == TypeCatalog.Family.TEXT
                  || family == TypeCatalog.Family.DATE
                  || family == TypeCatalog.Family.TIME
                  || family == TypeCatalog.Family.UUID;
          break;
        default:
          fits = false;
      }
      if (!fits) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------ model

  Database toDatabase() {
    List<Table> result = new ArrayList<>();
    for (DTable t : tables) {
      result.add(t.toTable());
    }
    List<Sequence> seqs = sequences.stream().map(DSequence::toSequence).toList();
    return new Database(result, seqs, enums.stream().map(DEnum::toEnumType).toList());
  }

  static String quote(String identifier) {
    return PostgresDialect.quoteIdentifier(identifier);
  }

  // ------------------------------------------------------------------------------------------------ parts

  static final class DTable {
    String name;
    List<DColumn> columns = new ArrayList<>();
    List<String> pk = new ArrayList<>();
    List<DUnique> uniques = new ArrayList<>();
    List<DCheck> checks = new ArrayList<>();
    List<DIndex> indexes = new ArrayList<>();
    List<DFk> fks = new ArrayList<>();
    String comment;
    List<String> renamedFrom = new ArrayList<>();

    /**
     * Column names renamed away in this draft, not to be reused: see {@link
     * Shapes#RENAME_AND_REUSE_OLD_NAME}.
     */
    Set<String> renamedAway = new HashSet<>();

    /**
     * The primary key's name: {@code <table>_pkey} when the table is created, kept through a
     * rename.
     */
    String pkName;

    /** The column types of the table this one was copied from, by column name. */
    java.util.Map<String, TypeDef> retiredColumns = new java.util.HashMap<>();

    DTable(String name) {
      this.name = name;
      this.pkName = name + "_pkey";
    }

    DTable copy() {
      DTable copy = new DTable(name);
      copy.pkName = pkName;
      for (DColumn c : columns) {
        copy.columns.add(c.copy());
      }
      copy.pk = new ArrayList<>(pk);
      copy.uniques = new ArrayList<>(uniques);
      copy.checks = new ArrayList<>(checks);
      copy.indexes = new ArrayList<>(indexes);
      copy.fks = new ArrayList<>(fks);
      copy.comment = comment;
      copy.retiredColumns = new java.util.HashMap<>(retiredColumns);
      for (DColumn c : columns) {
        copy.retiredColumns.put(c.name, c.type);
      }
      return copy;
    }

    /**
     * Whether a new column {@code name} of {@code type} may be added: see {@link
     * Shapes#REUSED_NAMES_WITHOUT_CAST}.
     */
    boolean mayReuse(String name, TypeDef type) {
      TypeDef was = retiredColumns.get(name);
      if (renamedAway.contains(name)) {
        return false;
      }
      return Shapes.REUSED_NAMES_WITHOUT_CAST
          || was == null
          || was.equals(type)
          || TypeCatalog.convertible(was, type);
    }

    String pkName() {
      return pkName;
    }

    Optional<DColumn> column(String column) {
      return columns.stream().filter(c -> c.name.equals(column)).findFirst();
    }

    boolean keyable(List<String> names) {
      return !names.isEmpty()
          && new HashSet<>(names).size() == names.size()
          && names.stream().allMatch(n -> column(n).map(c -> c.type.keyable()).orElse(false));
    }

    /** A column name not used in this table: {@code c<n>} with the smallest free {@code n}. */
    String freeColumnName() {
      return freeColumnName(null);
    }

    /**
     * A free column name that {@link #mayReuse} allows for a column of {@code type} ({@code null}:
     * any type).
     */
    String freeColumnName(TypeDef type) {
      for (int i = 0; ; i++) {
        String candidate = "c" + i;
        if (column(candidate).isEmpty()
            && !renamedAway.contains(candidate)
            && (type == null
                ? !retiredColumns.containsKey(candidate) || Shapes.REUSED_NAMES_WITHOUT_CAST
                : mayReuse(candidate, type))) {
          return candidate;
        }
      }
    }

    Table toTable() {
      List<Column> cols = columns.stream().map(DColumn::toColumn).toList();
      PrimaryKey primaryKey = pk.isEmpty() ? null : new PrimaryKey(pkName(), pk);
      List<UniqueConstraint> us =
          uniques.stream().map(u -> new UniqueConstraint(u.name(), u.columns())).toList();
      List<CheckConstraint> cs =
          checks.stream()
              .map(c -> new CheckConstraint(c.name(), c.template().render(quote(c.column()))))
              .toList();
      List<Index> is = indexes.stream().map(DIndex::toIndex).toList();
      List<ForeignKey> fs = fks.stream().map(DFk::toForeignKey).toList();
      return new Table(null, name, cols, primaryKey, us, cs, is, fs, comment, renamedFrom);
    }
  }

  static final class DColumn {
    String name;
    TypeDef type;
    boolean nullable;

    /** Index into {@code type.defaults()} (modulo its size), or -1 for no default. */
    int defaultChoice;

    Identity identity;
    String comment;
    List<String> renamedFrom = new ArrayList<>();

    DColumn(String name, TypeDef type, boolean nullable, int defaultChoice, Identity identity) {
      this.name = name;
      this.type = type;
      this.nullable = nullable;
      this.defaultChoice = defaultChoice;
      this.identity = identity;
    }

    DColumn copy() {
      DColumn copy = new DColumn(name, type, nullable, defaultChoice, identity);
      copy.comment = comment;
      return copy;
    }

    String defaultValue() {
      return defaultChoice < 0 ? null : type.defaults().get(defaultChoice % type.defaults().size());
    }

    Column toColumn() {
      return new Column(
          name, type.type(), nullable, defaultValue(), identity, comment, renamedFrom);
    }
  }

  record DUnique(String name, List<String> columns) {}

  record DCheck(String name, String column, CheckTemplate template) {}

  /** An index key: a column, or an expression template over a column. */
  record DKey(String column, CheckTemplate expression, boolean descending) {}

  /**
   * An index.
   *
   * @param method {@code null} for btree
   * @param include non-key columns
   * @param whereColumn the column of the partial index predicate {@code column IS NOT NULL}, or
   *     {@code null}
   */
  record DIndex(
      String name,
      List<DKey> keys,
      boolean unique,
      String method,
      List<String> include,
      String whereColumn) {

    boolean fits(DTable table) {
      if (keys.isEmpty()) {
        return false;
      }
      for (DKey key : keys) {
        Optional<DColumn> column = table.column(key.column());
        if (column.isEmpty()
            || !column.get().type.keyable()
            || key.expression() != null && !key.expression().fits(column.get().type)) {
          return false;
        }
      }
      if (!methodFits(method, table, keys)) {
        return false;
      }
      return include.stream().allMatch(c -> table.column(c).isPresent())
          && (whereColumn == null || table.column(whereColumn).isPresent());
    }

    Index toIndex() {
      List<IndexKey> indexKeys =
          keys.stream()
              .map(
                  k ->
                      new IndexKey(
                          k.expression() == null ? k.column() : null,
                          k.expression() == null ? null : k.expression().render(quote(k.column())),
                          k.descending()))
              .toList();
      return new Index(
          name,
          indexKeys,
          unique,
          method,
          include,
          whereColumn == null ? null : quote(whereColumn) + " IS NOT NULL");
    }
  }

  record DFk(
      String name,
      List<String> columns,
      String target,
      List<String> targetColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      boolean deferrable,
      boolean initiallyDeferred) {

    ForeignKey toForeignKey() {
      return new ForeignKey(
          name,
          columns,
          null,
          target,
          targetColumns,
          onDelete,
          onUpdate,
          deferrable,
          initiallyDeferred);
    }
  }

  /**
   * An enum type: its name and labels in order, the first always {@link TypeCatalog#FIRST_LABEL}.
   */
  record DEnum(String name, List<String> values) {
    EnumType toEnumType() {
      return new EnumType(null, name, values);
    }

    TypeDef typeDef() {
      return TypeCatalog.enumType(name);
    }
  }

  /** A sequence; {@code ownedBy} is {@code table.column} or {@code null}. */
  record DSequence(
      String name, long start, long increment, Long minValue, Long maxValue, String ownedBy) {
    Sequence toSequence() {
      return new Sequence(null, name, start, increment, minValue, maxValue, ownedBy);
    }

    DSequence ownedBy(String owner) {
      return new DSequence(name, start, increment, minValue, maxValue, owner);
    }
  }
}
