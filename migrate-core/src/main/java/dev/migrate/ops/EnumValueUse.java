package dev.migrate.ops;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an enum label that a list of ops adds and then uses before the transaction could commit,
 * which PostgreSQL refuses: "unsafe use of new value" (ALTER TYPE docs: "If ALTER TYPE ... ADD
 * VALUE ... is executed inside a transaction block, the new value cannot be used until after the
 * transaction has been committed"; enum.c, {@code check_safe_enum_use}, also accepts every value of
 * a type created in the same transaction). The runner therefore commits such labels first, then
 * runs the rest of the revision in one transaction ({@link #committedFirst}).
 *
 * <p>A use is the label as a quoted literal ({@code 'v'}) in a later op's column default, check,
 * index key expression or {@code WHERE}, or raw SQL; or a later change of a column to the label's
 * type from another type, whose {@code USING} cast meets the label in any row that holds it. The
 * test is textual and errs towards finding a use: a false find costs only an early commit of the
 * label, a missed one a failed upgrade. Labels of a type that an earlier op of the list creates or
 * re-creates ({@link CreateEnumType}, {@link DropEnumValue}) are safe; a label added after raw SQL
 * is left in its place, since that SQL may be what it needs.
 */
public final class EnumValueUse {

  private EnumValueUse() {}

  /**
   * The first use in {@code ops}, in order, of a label that an earlier op of {@code ops} adds
   * ({@link AddEnumValue}); described as {@code "value 'glad' of enum type mood is added and then
   * used (default of column person.mood)"}.
   *
   * @param ops the ops of one upgrade or downgrade, in the order they run
   * @return the description, or empty when no added label is used in the same list
   */
  public static Optional<String> firstUse(List<Op> ops) {
    List<AddEnumValue> added = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      for (AddEnumValue add : added) {
        Optional<String> where = use(ops.get(i), add);
        if (where.isPresent()) {
          return Optional.of(
              "value '"
                  + add.value()
                  + "' of enum type "
                  + qualified(add.schema(), add.type())
                  + " is added and then used ("
                  + where.get()
                  + ")");
        }
      }
      added.addAll(unsafe(List.of(ops.get(i)), ops.subList(0, i)));
    }
    return Optional.empty();
  }

  /**
   * The {@link AddEnumValue} ops of {@code ops} that the runner commits before the revision's
   * transaction: when a label is {@linkplain #firstUse used} after it is added, every label added
   * to a type that existed before the revision (none of the earlier ops creates or re-creates it,
   * and no raw SQL comes before it), in their order. Moving them first is sound because nothing
   * before them in the list can change what they need: the type exists already, and their
   * neighbours are labels of it or added before them.
   *
   * @return the ops, or an empty list when no added label is used in the same list
   */
  public static List<AddEnumValue> committedFirst(List<Op> ops) {
    if (firstUse(ops).isEmpty()) {
      return List.of();
    }
    List<AddEnumValue> first = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      first.addAll(unsafe(List.of(ops.get(i)), ops.subList(0, i)));
    }
    return List.copyOf(first);
  }

  /**
   * Those of {@code candidates} that add a label to a type that {@code earlier} neither creates nor
   * re-creates.
   */
  private static List<AddEnumValue> unsafe(List<Op> candidates, List<Op> earlier) {
    List<AddEnumValue> unsafe = new ArrayList<>();
    for (Op op : candidates) {
      op.accept(ADDED_VALUE)
          .filter(add -> earlier.stream().noneMatch(e -> e.accept(new Recreates(add))))
          .ifPresent(unsafe::add);
    }
    return unsafe;
  }

  /** The op as the {@link AddEnumValue} it is, or empty. */
  private static final OpVisitor<Optional<AddEnumValue>> ADDED_VALUE =
      new OpVisitor.Partial<>() {
        @Override
        public Optional<AddEnumValue> otherwise(Op op) {
          return Optional.empty();
        }

        @Override
        public Optional<AddEnumValue> visitAddEnumValue(AddEnumValue op) {
          return Optional.of(op);
        }
      };

  /**
   * Whether an earlier op creates or re-creates the type that {@code add} adds a label to, or is
   * raw SQL that may do so.
   */
  private record Recreates(AddEnumValue add) implements OpVisitor.Partial<Boolean> {
    @Override
    public Boolean otherwise(Op op) {
      return false;
    }

    @Override
    public Boolean visitExecuteSql(ExecuteSql op) {
      return true;
    }

    @Override
    public Boolean visitCreateEnumType(CreateEnumType create) {
      return create.type().name().equals(add.type())
          && Objects.equals(create.type().schema(), add.schema());
    }

    @Override
    public Boolean visitDropEnumValue(DropEnumValue drop) {
      return drop.type().equals(add.type()) && Objects.equals(drop.schema(), add.schema());
    }
  }

  private static Optional<String> use(Op op, AddEnumValue add) {
    return op.accept(new Use(add, "'" + add.value().replace("'", "''") + "'"));
  }

  /**
   * Where an op uses the label {@code add} adds, spelt as the SQL literal {@code literal}; empty
   * where it does not.
   */
  private record Use(AddEnumValue add, String literal)
      implements OpVisitor.Partial<Optional<String>> {
    @Override
    public Optional<String> otherwise(Op op) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visitCreateTable(CreateTable create) {
      return use(create.table(), literal);
    }

    @Override
    public Optional<String> visitAddColumn(AddColumn column) {
      return defaultUse(column.table(), column.column(), literal);
    }

    @Override
    public Optional<String> visitAlterColumn(AlterColumn alter) {
      if (alter.to().type().name().equals(add.type())
          && !alter.from().type().equals(alter.to().type())) {
        return Optional.of("type change of column " + alter.table() + "." + alter.to().name());
      }
      return defaultUse(alter.table(), alter.to(), literal);
    }

    @Override
    public Optional<String> visitAddCheckConstraint(AddCheckConstraint check) {
      return mentions(check.constraint().expression(), literal)
          ? Optional.of("check " + check.constraint().name())
          : Optional.empty();
    }

    @Override
    public Optional<String> visitCreateIndex(CreateIndex index) {
      return indexUse(index.index(), literal);
    }

    @Override
    public Optional<String> visitExecuteSql(ExecuteSql sql) {
      return mentions(sql.sql(), literal) ? Optional.of("raw SQL") : Optional.empty();
    }
  }

  private static Optional<String> use(Table table, String literal) {
    for (Column column : table.columns()) {
      Optional<String> use = defaultUse(table.name(), column, literal);
      if (use.isPresent()) {
        return use;
      }
    }
    for (CheckConstraint check : table.checkConstraints()) {
      if (mentions(check.expression(), literal)) {
        return Optional.of("check " + check.name());
      }
    }
    for (Index index : table.indexes()) {
      Optional<String> use = indexUse(index, literal);
      if (use.isPresent()) {
        return use;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> defaultUse(String table, Column column, String literal) {
    return mentions(column.defaultValue(), literal)
        ? Optional.of("default of column " + table + "." + column.name())
        : Optional.empty();
  }

  private static Optional<String> indexUse(Index index, String literal) {
    boolean used =
        mentions(index.where(), literal)
            || index.keys().stream().map(IndexKey::expression).anyMatch(e -> mentions(e, literal));
    return used ? Optional.of("index " + index.name()) : Optional.empty();
  }

  private static boolean mentions(String expression, String literal) {
    return expression != null && expression.contains(literal);
  }

  private static String qualified(String schema, String name) {
    return schema == null ? name : schema + "." + name;
  }
}
