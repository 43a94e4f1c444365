package dev.migrate.diff;

import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.model.TableElement;
import dev.migrate.ops.ModelReplay;
import dev.migrate.ops.Op;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Compares two models and lists the ops that turn the first into the second: pure (no I/O),
 * deterministic (the same inputs give the same list), and in an order that PostgreSQL can execute
 * top to bottom.
 *
 * <p>Objects are matched by (schema, name); tables, sequences, constraints and indexes with the
 * same name but other content are altered (columns) or dropped and re-created (constraints,
 * indexes). A column whose new type the database cannot convert in place ({@link
 * Normalizer#convertsInPlace}) is dropped and added again, with a warning. What does not change but
 * depends on something that does (foreign keys over retyped columns or replaced keys, constraints
 * over a recreated column) is dropped before and added after; see {@code Rebuilds}. Renames come
 * only from {@code @RenamedFrom} hints in the target model, never from guessing.
 *
 * <p>The ordering is a fixed sequence of phases rather than a walk of the foreign-key graph, so
 * that it needs no recursion and works for chains and cycles of any length; {@link DiffPhases} has
 * one method per phase, with its reason.
 */
public final class SchemaDiff {

  private final Normalizer normalizer;

  /**
   * A diff that compares types, checks and defaults through {@code normalizer} (normally the
   * dialect).
   */
  public SchemaDiff(Normalizer normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  /** Whether {@link #diff} would return no op. */
  public boolean same(Database current, Database target) {
    return diff(current, target).isEmpty();
  }

  /**
   * The ops that take {@code current} to {@code target}, in execution order; empty when they are
   * equivalent. The reverse (for a downgrade), {@link Op#reverseAll}, and is also valid SQL order.
   * Same as {@link #compare} with {@link DiffOptions#defaults()}, without the notes.
   */
  public List<Op> diff(Database current, Database target) {
    return compare(current, target, DiffOptions.defaults()).ops();
  }

  /**
   * The ops that take {@code current} (normally the database) to {@code target} (normally the
   * model), with what the user should review and what was left alone on purpose.
   *
   * <p>Before the phases of {@link DiffPhases}: tables matching {@link DiffOptions#excludeTables}
   * are dropped from both sides; {@code @RenamedFrom} hints of {@code target} become {@link
   * RenameTable} and {@link RenameColumn} ops (when the database has the old name and not the new
   * one), applied to {@code current} so that the rest compares the renamed objects; tables,
   * sequences and enum types that {@code target} lacks and that {@link DiffOptions#owned} does not
   * list are left out with an info line. After them, a dropped and an added column of the same type
   * in one table (or a dropped and a created table with the same columns) give a "did you rename"
   * warning, naming the field (or entity class) to annotate when {@link DiffOptions#members} knows
   * it: renames are never guessed. A column's {@code @RenamedFrom} candidates (the model processor
   * records each value as written and as the naming strategy turns an attribute name into a column
   * name) are resolved here, against the database's columns, where the facts are: when the column
   * is new and none of them exists, a warning names what was looked for.
   */
  public DiffResult compare(Database current, Database target, DiffOptions options) {
    List<String> warnings = new ArrayList<>();
    List<String> infos = new ArrayList<>();
    current = withoutExcluded(current, options);
    Database hinted = withoutExcluded(target, options);
    target = withoutHints(hinted);

    List<Op> ops = new ArrayList<>(renames(current, hinted, warnings));
    current = ModelReplay.apply(current, ops);
    current = withoutForeignObjects(current, target, options.owned(), infos);
    new DiffPhases(normalizer, current, target, options, ops, warnings, infos).run();
    return new DiffResult(ops, warnings, infos);
  }

  private static Database withoutExcluded(Database model, DiffOptions options) {
    if (options.excludeTables().isEmpty()) {
      return model;
    }
    return new Database(
        model.tables().stream().filter(t -> !options.excluded(t.schema(), t.name())).toList(),
        model.sequences(),
        model.enumTypes());
  }

  private static Database withoutHints(Database model) {
    return new Database(
        model.tables().stream().map(Table::withoutHints).toList(),
        model.sequences(),
        model.enumTypes());
  }

  /**
   * The renames that {@code @RenamedFrom} hints ask for, planned by {@link RenamePlan}: tables
   * first, schema by schema, then the columns of each table that is on both sides (after its
   * rename). A hint wins over a name match, so {@code b @RenamedFrom("a")} next to a new column
   * {@code a} renames {@code a} to {@code b} before the new {@code a} is added ({@code
   * DiffPhases.alterTables}); the downgrade drops {@code a} and renames {@code b} back. A table's
   * rename precedes its columns', which name it by its new name.
   */
  private static List<Op> renames(Database current, Database target, List<String> warnings) {
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
      List<RenamePlan.Wanted> wanted =
          table.columns().stream()
              .map(c -> new RenamePlan.Wanted(c.name(), c.renamedFrom()))
              .toList();
      for (RenamePlan.Step step : RenamePlan.plan(existing, wanted)) {
        renames.add(new RenameColumn(table.schema(), table.name(), step.from(), step.to()));
      }
      for (Column c : table.columns()) {
        if (!c.renamedFrom().isEmpty()
            && !existing.contains(c.name())
            && c.renamedFrom().stream().noneMatch(existing::contains)) {
          warnings.add(
              "table "
                  + table.qualifiedName()
                  + ": @RenamedFrom on column "
                  + c.name()
                  + " matches no column of the database (looked for "
                  + String.join(", ", c.renamedFrom())
                  + "; it has "
                  + String.join(", ", existing)
                  + "), so autogen adds "
                  + c.name()
                  + " as a new column; name the old column or attribute in @RenamedFrom to keep"
                  + " its data");
        }
      }
    }
    return renames;
  }

  /**
   * {@code current} without the tables, sequences and enum types that {@code target} lacks and
   * {@code owned} does not list, one info line for each.
   */
  private static Database withoutForeignObjects(
      Database current, Database target, ChainObjects owned, List<String> infos) {
    if (owned == null) {
      return current;
    }
    List<Table> tables = new ArrayList<>();
    for (Table t : current.tables()) {
      if (target.table(t.schema(), t.name()).isPresent()
          || owned.tables().contains(t.qualifiedName())) {
        tables.add(t);
      } else {
        infos.add(
            "table "
                + t.qualifiedName()
                + " is in the database but not in the model; no revision of this"
                + " chain created it, so it is left alone (list it in <excludeTables> to silence this line)");
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    for (Sequence s : current.sequences()) {
      boolean modelled =
          target.sequences().stream()
              .anyMatch(m -> Objects.equals(m.schema(), s.schema()) && m.name().equals(s.name()));
      if (modelled || owned.sequences().contains(s.qualifiedName())) {
        sequences.add(s);
      } else {
        infos.add(
            "sequence "
                + s.qualifiedName()
                + " is in the database but not in the model; no revision of this"
                + " chain created it, so it is left alone");
      }
    }
    List<EnumType> enumTypes = new ArrayList<>();
    for (EnumType e : current.enumTypes()) {
      boolean modelled =
          target.enumTypes().stream()
              .anyMatch(m -> Objects.equals(m.schema(), e.schema()) && m.name().equals(e.name()));
      if (modelled || owned.enumTypes().contains(e.qualifiedName())) {
        enumTypes.add(e);
      } else {
        infos.add(
            "enum type "
                + e.qualifiedName()
                + " is in the database but not in the model; no revision of"
                + " this chain created it, so it is left alone");
      }
    }
    return new Database(tables, sequences, enumTypes);
  }

  /**
   * The elements of {@code from} that {@code other} lacks, or has under the same name with other
   * content.
   */
  static <T extends TableElement> List<T> removedOrChanged(
      List<T> from, List<T> other, BiPredicate<T, T> same) {
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

  static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
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
