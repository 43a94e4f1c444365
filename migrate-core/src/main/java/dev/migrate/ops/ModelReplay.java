package dev.migrate.ops;

import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.model.TableElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The third sink for ops: applies them to an in-memory {@link Database} instead of a real one, so
 * that a chain of migrations can be replayed without a database (the offline check) and the diff
 * can be tested against itself ({@code apply(a, diff(a, b))} is equivalent to {@code b}).
 *
 * <p>New columns are appended, as PostgreSQL appends them.
 */
public final class ModelReplay {

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, Sequence> sequences = new LinkedHashMap<>();
  private final Map<String, EnumType> enumTypes = new LinkedHashMap<>();

  /**
   * Schemas created by the ops replayed, so that a drop can be checked; the model itself has no
   * schema list.
   */
  private final java.util.Set<String> schemas = new java.util.HashSet<>();

  /** A replay that starts from {@code start}. */
  public ModelReplay(Database start) {
    start.tables().forEach(t -> tables.put(key(t.schema(), t.name()), t));
    start.sequences().forEach(s -> sequences.put(key(s.schema(), s.name()), s));
    start.enumTypes().forEach(e -> enumTypes.put(key(e.schema(), e.name()), e));
  }

  /** {@code start} with every op of {@code ops} applied in order. */
  public static Database apply(Database start, List<Op> ops) {
    ModelReplay replay = new ModelReplay(start);
    ops.forEach(replay::accept);
    return replay.database();
  }

  /** The model as it stands after the ops applied so far. */
  public Database database() {
    return new Database(
        List.copyOf(tables.values()),
        List.copyOf(sequences.values()),
        List.copyOf(enumTypes.values()));
  }

  /**
   * Applies one op.
   *
   * @throws IllegalStateException if the op does not fit the model (a table that does not exist, a
   *     column that exists already), naming the op; {@link ExecuteSql} is refused because its
   *     effect is unknown
   */
  public void accept(Op op) {
    op.accept(visitor);
  }

  private static String key(String schema, String name) {
    return (schema == null ? "" : schema) + '\u0000' + name;
  }

  private Table table(String schema, String name, Op op) {
    Table t = tables.get(key(schema, name));
    if (t == null) {
      throw new IllegalStateException(
          op + ": there is no table " + (schema == null ? "" : schema + ".") + name);
    }
    return t;
  }

  private void update(String schema, String name, Op op, UnaryOperator<List<TableElement>> change) {
    Table t = table(schema, name, op);
    List<TableElement> elements = new ArrayList<>(t.columns());
    if (t.primaryKey() != null) {
      elements.add(t.primaryKey());
    }
    elements.addAll(t.uniqueConstraints());
    elements.addAll(t.checkConstraints());
    elements.addAll(t.indexes());
    elements.addAll(t.foreignKeys());
    tables.put(
        key(schema, name),
        Table.of(t.schema(), t.name(), change.apply(elements)).withComment(t.comment()));
  }

  private void add(String schema, String table, TableElement element, Op op) {
    update(
        schema,
        table,
        op,
        elements -> {
          if (elements.stream()
              .anyMatch(
                  e -> e.getClass() == element.getClass() && e.name().equals(element.name()))) {
            throw new IllegalStateException(op + ": " + element.name() + " exists already");
          }
          elements.add(element);
          return elements;
        });
  }

  private void remove(String schema, String table, TableElement element, Op op) {
    update(
        schema,
        table,
        op,
        elements -> {
          if (!elements.removeIf(
              e -> e.getClass() == element.getClass() && e.name().equals(element.name()))) {
            throw new IllegalStateException(op + ": there is no " + element.name());
          }
          return elements;
        });
  }

  /**
   * Whether {@code foreignKey} references {@code schema.table}; a {@code null} schema is the schema
   * the migration runs in.
   */
  private static boolean references(ForeignKey foreignKey, String schema, String table) {
    return foreignKey.referencedTable().equals(table)
        && Objects.equals(foreignKey.referencedSchema(), schema);
  }

  private static Sequence withOwnedBy(Sequence s, String ownedBy) {
    return new Sequence(
        s.schema(), s.name(), s.start(), s.increment(), s.minValue(), s.maxValue(), ownedBy);
  }

  private final OpVisitor<Void> visitor =
      new OpVisitor<>() {
        @Override
        public Void visitCreateTable(CreateTable op) {
          String key = key(op.table().schema(), op.table().name());
          if (tables.containsKey(key)) {
            throw new IllegalStateException(op + ": table exists already");
          }
          tables.put(key, op.table());
          return null;
        }

        @Override
        public Void visitDropTable(DropTable op) {
          table(op.table().schema(), op.table().name(), op);
          tables.remove(key(op.table().schema(), op.table().name()));
          // DROP TABLE drops the sequences owned by its columns with it (ALTER SEQUENCE docs, OWNED
          // BY).
          sequences
              .values()
              .removeIf(
                  s ->
                      Objects.equals(s.schema(), op.table().schema())
                          && s.ownedBy() != null
                          && s.ownedBy().startsWith(op.table().name() + "."));
          return null;
        }

        @Override
        public Void visitAddColumn(AddColumn op) {
          add(op.schema(), op.table(), op.column(), op);
          return null;
        }

        @Override
        public Void visitDropColumn(DropColumn op) {
          remove(op.schema(), op.table(), op.column(), op);
          return null;
        }

        @Override
        public Void visitAlterColumn(AlterColumn op) {
          update(
              op.schema(),
              op.table(),
              op,
              elements -> {
                int i = indexOfColumn(elements, op.to().name());
                if (i < 0) {
                  throw new IllegalStateException(op + ": there is no column " + op.to().name());
                }
                elements.set(i, op.to());
                return elements;
              });
          return null;
        }

        private int indexOfColumn(List<TableElement> elements, String name) {
          for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Column c && c.name().equals(name)) {
              return i;
            }
          }
          return -1;
        }

        @Override
        public Void visitAddPrimaryKey(AddPrimaryKey op) {
          add(op.schema(), op.table(), op.primaryKey(), op);
          return null;
        }

        @Override
        public Void visitDropPrimaryKey(DropPrimaryKey op) {
          remove(op.schema(), op.table(), op.primaryKey(), op);
          return null;
        }

        @Override
        public Void visitAddUniqueConstraint(AddUniqueConstraint op) {
          add(op.schema(), op.table(), op.constraint(), op);
          return null;
        }

        @Override
        public Void visitDropUniqueConstraint(DropUniqueConstraint op) {
          remove(op.schema(), op.table(), op.constraint(), op);
          return null;
        }

        @Override
        public Void visitAddCheckConstraint(AddCheckConstraint op) {
          add(op.schema(), op.table(), op.constraint(), op);
          return null;
        }

        @Override
        public Void visitDropCheckConstraint(DropCheckConstraint op) {
          remove(op.schema(), op.table(), op.constraint(), op);
          return null;
        }

        @Override
        public Void visitCreateIndex(CreateIndex op) {
          add(op.schema(), op.table(), op.index(), op);
          return null;
        }

        @Override
        public Void visitDropIndex(DropIndex op) {
          remove(op.schema(), op.table(), op.index(), op);
          return null;
        }

        @Override
        public Void visitAddForeignKey(AddForeignKey op) {
          add(op.schema(), op.table(), op.foreignKey(), op);
          return null;
        }

        @Override
        public Void visitDropForeignKey(DropForeignKey op) {
          remove(op.schema(), op.table(), op.foreignKey(), op);
          return null;
        }

        /**
         * Changes nothing in the model (which has no notion of validity); the constraint must
         * exist.
         */
        @Override
        public Void visitValidateConstraint(ValidateConstraint op) {
          Table t = table(op.schema(), op.table(), op);
          boolean exists =
              t.foreignKeys().stream().anyMatch(k -> k.name().equals(op.name()))
                  || t.checkConstraints().stream().anyMatch(k -> k.name().equals(op.name()));
          if (!exists) {
            throw new IllegalStateException(
                op + ": there is no foreign key or check constraint " + op.name());
          }
          return null;
        }

        @Override
        public Void visitCreateSequence(CreateSequence op) {
          Sequence s = op.sequence();
          if (sequences.putIfAbsent(key(s.schema(), s.name()), s) != null) {
            throw new IllegalStateException(op + ": sequence exists already");
          }
          return null;
        }

        @Override
        public Void visitDropSequence(DropSequence op) {
          Sequence s = op.sequence();
          if (sequences.remove(key(s.schema(), s.name())) == null) {
            throw new IllegalStateException(op + ": there is no sequence " + s.qualifiedName());
          }
          return null;
        }

        @Override
        public Void visitSetTableComment(SetTableComment op) {
          Table t = table(op.schema(), op.table(), op);
          tables.put(key(op.schema(), op.table()), t.withComment(op.to()));
          return null;
        }

        @Override
        public Void visitCreateSchema(CreateSchema op) {
          schemas.add(op.name());
          return null;
        }

        @Override
        public Void visitDropSchema(DropSchema op) {
          boolean used =
              tables.values().stream().anyMatch(t -> op.name().equals(t.schema()))
                  || sequences.values().stream().anyMatch(s -> op.name().equals(s.schema()))
                  || enumTypes.values().stream().anyMatch(e -> op.name().equals(e.schema()));
          if (used) {
            throw new IllegalStateException(op + ": schema " + op.name() + " still holds objects");
          }
          schemas.remove(op.name());
          return null;
        }

        @Override
        public Void visitCreateEnumType(CreateEnumType op) {
          EnumType e = op.type();
          if (enumTypes.putIfAbsent(key(e.schema(), e.name()), e) != null) {
            throw new IllegalStateException(op + ": enum type exists already");
          }
          return null;
        }

        @Override
        public Void visitDropEnumType(DropEnumType op) {
          EnumType e = op.type();
          if (enumTypes.remove(key(e.schema(), e.name())) == null) {
            throw new IllegalStateException(op + ": there is no enum type " + e.qualifiedName());
          }
          return null;
        }

        @Override
        public Void visitAddEnumValue(AddEnumValue op) {
          EnumType e = enumTypes.get(key(op.schema(), op.type()));
          if (e == null) {
            throw new IllegalStateException(op + ": there is no enum type " + op.type());
          }
          if (e.values().contains(op.value())) {
            throw new IllegalStateException(
                op + ": " + op.type() + " has '" + op.value() + "' already");
          }
          List<String> values = new ArrayList<>(e.values());
          String neighbour = op.before() != null ? op.before() : op.after();
          int at = neighbour == null ? values.size() : values.indexOf(neighbour);
          if (at < 0) {
            throw new IllegalStateException(
                op + ": " + op.type() + " has no value '" + neighbour + "'");
          }
          values.add(op.after() != null ? at + 1 : at, op.value());
          enumTypes.put(key(op.schema(), op.type()), new EnumType(e.schema(), e.name(), values));
          return null;
        }

        @Override
        public Void visitDropEnumValue(DropEnumValue op) {
          EnumType e = enumTypes.get(key(op.schema(), op.type()));
          if (e == null) {
            throw new IllegalStateException(op + ": there is no enum type " + op.type());
          }
          if (!e.values().contains(op.value())) {
            throw new IllegalStateException(
                op + ": " + op.type() + " has no value '" + op.value() + "'");
          }
          List<String> values = new ArrayList<>(e.values());
          values.remove(op.value());
          enumTypes.put(key(op.schema(), op.type()), new EnumType(e.schema(), e.name(), values));
          return null;
        }

        @Override
        public Void visitAlterSequence(AlterSequence op) {
          Sequence s = op.from();
          if (!sequences.containsKey(key(s.schema(), s.name()))) {
            throw new IllegalStateException(op + ": there is no sequence " + s.qualifiedName());
          }
          sequences.put(key(s.schema(), s.name()), op.to());
          return null;
        }

        @Override
        public Void visitRenameTable(RenameTable op) {
          Table t = table(op.schema(), op.from(), op);
          if (tables.containsKey(key(op.schema(), op.to()))) {
            throw new IllegalStateException(op + ": table " + op.to() + " exists already");
          }
          tables.remove(key(op.schema(), op.from()));
          tables.put(
              key(op.schema(), op.to()),
              new Table(
                  t.schema(),
                  op.to(),
                  t.columns(),
                  t.primaryKey(),
                  t.uniqueConstraints(),
                  t.checkConstraints(),
                  t.indexes(),
                  t.foreignKeys(),
                  t.comment(),
                  List.of()));
          // PostgreSQL keeps foreign keys and OWNED BY by oid, so they follow the table.
          tables.replaceAll(
              (k, other) ->
                  other.withForeignKeys(
                      other.foreignKeys().stream()
                          .map(
                              f ->
                                  references(f, op.schema(), op.from())
                                      ? new ForeignKey(
                                          f.name(),
                                          f.columns(),
                                          f.referencedSchema(),
                                          op.to(),
                                          f.referencedColumns(),
                                          f.onDelete(),
                                          f.onUpdate(),
                                          f.deferrable(),
                                          f.initiallyDeferred())
                                      : f)
                          .toList()));
          sequences.replaceAll(
              (k, s) ->
                  Objects.equals(s.schema(), op.schema())
                          && s.ownedBy() != null
                          && s.ownedBy().startsWith(op.from() + ".")
                      ? withOwnedBy(s, op.to() + s.ownedBy().substring(op.from().length()))
                      : s);
          return null;
        }

        @Override
        public Void visitRenameColumn(RenameColumn op) {
          Table t = table(op.schema(), op.table(), op);
          if (t.column(op.from()).isEmpty()) {
            throw new IllegalStateException(op + ": there is no column " + op.from());
          }
          if (t.column(op.to()).isPresent()) {
            throw new IllegalStateException(op + ": column " + op.to() + " exists already");
          }
          tables.put(key(op.schema(), op.table()), Renaming.column(t, op.from(), op.to()));
          tables.replaceAll(
              (k, other) ->
                  other.withForeignKeys(
                      other.foreignKeys().stream()
                          .map(
                              f ->
                                  references(f, op.schema(), op.table())
                                      ? new ForeignKey(
                                          f.name(),
                                          f.columns(),
                                          f.referencedSchema(),
                                          f.referencedTable(),
                                          Renaming.names(f.referencedColumns(), op.from(), op.to()),
                                          f.onDelete(),
                                          f.onUpdate(),
                                          f.deferrable(),
                                          f.initiallyDeferred())
                                      : f)
                          .toList()));
          String owner = op.table() + "." + op.from();
          sequences.replaceAll(
              (k, s) ->
                  Objects.equals(s.schema(), op.schema()) && owner.equals(s.ownedBy())
                      ? withOwnedBy(s, op.table() + "." + op.to())
                      : s);
          return null;
        }

        @Override
        public Void visitExecuteSql(ExecuteSql op) {
          throw new IllegalStateException(
              "execute(\""
                  + op.sql()
                  + "\") cannot be replayed into a model: its effect on"
                  + " the schema is unknown");
        }
      };
}
