package dev.migrate.roundtrip;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.roundtrip.Specs.CheckSpec;
import dev.migrate.roundtrip.Specs.ColumnSpec;
import dev.migrate.roundtrip.Specs.EnumSpec;
import dev.migrate.roundtrip.Specs.FkSpec;
import dev.migrate.roundtrip.Specs.IndexSpec;
import dev.migrate.roundtrip.Specs.SeqSpec;
import dev.migrate.roundtrip.Specs.TableSpec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One try of the round-trip property: model A (enum types, tables, foreign keys, sequences) and the
 * edits that make model B. Built from shrinkable specs; {@link #toString()} shows A as the SQL that
 * creates it, the edits in words and the ops of the diff A → B, which is what jqwik prints for a
 * (shrunk) counterexample.
 */
final class Scenario {

  private static final PostgresDialect DIALECT = new PostgresDialect();

  final List<TableSpec> tableSpecs;
  final List<FkSpec> fkSpecs;
  final List<SeqSpec> seqSpecs;
  final List<EnumSpec> enumSpecs;
  final List<Edit> edits;
  final Database a;
  final Database b;
  final List<String> log = new ArrayList<>();

  Scenario(
      List<EnumSpec> enums,
      List<TableSpec> tables,
      List<FkSpec> fks,
      List<SeqSpec> seqs,
      List<Edit> edits) {
    this.enumSpecs = enums;
    this.tableSpecs = tables;
    this.fkSpecs = fks;
    this.seqSpecs = seqs;
    this.edits = edits;
    Draft draft = new Draft();
    for (int i = 0; i < enums.size(); i++) {
      draft.enums.add(enums.get(i).resolve("e" + i));
    }
    for (TableSpec t : tables) {
      draft.tables.add(t.resolve(draft));
    }
    for (FkSpec fk : fks) {
      fk.resolve(draft, null);
    }
    for (int i = 0; i < seqs.size(); i++) {
      draft.sequences.add(seqs.get(i).resolve("s" + i, draft));
    }
    this.a = draft.repair().toDatabase();
    Draft next = draft.copy();
    for (Edit edit : edits) {
      edit.apply(next, log);
    }
    this.b = next.repair().toDatabase();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("\nmodel A (as the SQL that creates it):\n");
    try {
      for (Op op : new SchemaDiff(DIALECT).diff(Database.empty(), a)) {
        for (String sql : DIALECT.statements(op)) {
          s.append("  ").append(sql.replace("\n", "\n  ")).append(";\n");
        }
      }
    } catch (RuntimeException e) {
      s.append("  (cannot render: ").append(e).append(")\n  ").append(a).append('\n');
    }
    s.append("edits:\n");
    log.forEach(line -> s.append("  - ").append(line).append('\n'));
    s.append("ops A -> B:\n");
    try {
      for (Op op : new SchemaDiff(DIALECT).diff(a, b)) {
        s.append("  ").append(op).append('\n');
        for (String sql : DIALECT.statements(op)) {
          s.append("      ").append(sql.replace("\n", "\n      ")).append(";\n");
        }
      }
    } catch (RuntimeException e) {
      s.append("  (cannot render: ").append(e).append(")\n");
    }
    return s.toString();
  }

  // ------------------------------------------------------------------------------------------------ arbitraries

  static Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            Shapes.ENUM_TYPES
                ? enumSpecs().list().ofMaxSize(2)
                : Arbitraries.just(List.<EnumSpec>of()),
            tableSpecs().list().ofMinSize(1).ofMaxSize(4),
            fkSpecs().list().ofMaxSize(4),
            seqSpecs().list().ofMaxSize(2),
            edits().list().ofMinSize(1).ofMaxSize(4))
        .as(Scenario::new);
  }

  static Arbitrary<Integer> small() {
    return Arbitraries.integers().between(0, 7);
  }

  static Arbitrary<EnumSpec> enumSpecs() {
    return Arbitraries.integers().between(0, Specs.ENUM_LABELS.size()).map(EnumSpec::new);
  }

  /**
   * A column type: an index into the catalogue, or with {@link Shapes#ENUM_TYPES} past it, an enum
   * type.
   */
  static Arbitrary<Integer> columnTypes() {
    Arbitrary<Integer> catalogue = Arbitraries.integers().between(0, TypeCatalog.TYPES.size() - 1);
    if (!Shapes.ENUM_TYPES) {
      return catalogue;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, catalogue),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.integers()
                .between(TypeCatalog.TYPES.size(), TypeCatalog.TYPES.size() + 1)));
  }

  static Arbitrary<ColumnSpec> columnSpecs() {
    return Combinators.combine(
            columnTypes(),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(-1, 2),
            Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, 0),
                net.jqwik.api.Tuple.of(1, 1),
                net.jqwik.api.Tuple.of(1, 2)),
            Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, 0),
                net.jqwik.api.Tuple.of(1, 1),
                net.jqwik.api.Tuple.of(1, 2),
                net.jqwik.api.Tuple.of(1, 3),
                net.jqwik.api.Tuple.of(1, 4),
                net.jqwik.api.Tuple.of(1, 5),
                net.jqwik.api.Tuple.of(1, 6)),
            comments())
        .as(ColumnSpec::new);
  }

  /** 0 (no comment) most of the time, else one of {@link Specs#COMMENTS}. */
  static Arbitrary<Integer> comments() {
    return Arbitraries.frequency(
        net.jqwik.api.Tuple.of(4, 0),
        net.jqwik.api.Tuple.of(1, 1),
        net.jqwik.api.Tuple.of(1, 2),
        net.jqwik.api.Tuple.of(1, 3),
        net.jqwik.api.Tuple.of(1, 4),
        net.jqwik.api.Tuple.of(1, 5));
  }

  static Arbitrary<IndexSpec> indexSpecs() {
    return Combinators.combine(
            small().list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.integers().between(-1, 1),
            Arbitraries.of(false, true),
            Arbitraries.integers().between(0, 63))
        .as(IndexSpec::new);
  }

  static Arbitrary<CheckSpec> checkSpecs() {
    return Combinators.combine(small(), small()).as(CheckSpec::new);
  }

  static Arbitrary<TableSpec> tableSpecs() {
    return Combinators.combine(
            Arbitraries.frequency(
                net.jqwik.api.Tuple.of(5, 0),
                net.jqwik.api.Tuple.of(1, 1),
                net.jqwik.api.Tuple.of(1, 2),
                net.jqwik.api.Tuple.of(1, 3),
                net.jqwik.api.Tuple.of(1, 4),
                net.jqwik.api.Tuple.of(1, 5)),
            columnSpecs().list().ofMinSize(1).ofMaxSize(6),
            small().list().ofMaxSize(2),
            small().list().ofMinSize(1).ofMaxSize(2).list().ofMaxSize(2),
            checkSpecs().list().ofMaxSize(2),
            indexSpecs().list().ofMaxSize(2),
            comments())
        .as(TableSpec::new);
  }

  static Arbitrary<FkSpec> fkSpecs() {
    return Combinators.combine(
            small(), small(), small(), small(), small(), Arbitraries.integers().between(0, 2))
        .as(FkSpec::new);
  }

  static Arbitrary<SeqSpec> seqSpecs() {
    return Combinators.combine(
            Arbitraries.oneOf(
                Arbitraries.longs().between(-100, 100),
                Arbitraries.of(1L, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1)),
            Arbitraries.of(1L, 50L, -1L, 3L, 1000L),
            Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(-1, 5))
        .as(SeqSpec::new);
  }

  /** Every kind of edit, the common ones more often. */
  // jqwik's frequencyOf takes generic varargs, so the array of weighted kinds is created raw
  @SuppressWarnings("unchecked")
  static Arbitrary<Edit> edits() {
    List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Edit>>> kinds = new ArrayList<>();
    kinds.add(
        net.jqwik.api.Tuple.of(
            4, Combinators.combine(small(), columnSpecs()).as(Edit.AddColumn::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(3, Combinators.combine(small(), small()).as(Edit.DropColumn::new)));
    if (Shapes.TYPE_CHANGES) {
      kinds.add(
          net.jqwik.api.Tuple.of(
              5,
              Combinators.combine(small(), small(), Arbitraries.integers().between(0, 40))
                  .as(Edit.ChangeType::new)));
    }
    kinds.add(
        net.jqwik.api.Tuple.of(
            3,
            Combinators.combine(small(), small(), Arbitraries.integers().between(-1, 3))
                .as(Edit.ChangeDefault::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            3, Combinators.combine(small(), small()).as(Edit.ToggleNullable::new)));
    if (Shapes.IDENTITY_CHANGES) {
      kinds.add(
          net.jqwik.api.Tuple.of(
              2,
              Combinators.combine(small(), small(), Arbitraries.integers().between(0, 2))
                  .as(Edit.SetIdentity::new)));
    }
    kinds.add(net.jqwik.api.Tuple.of(2, tableSpecs().map(Edit.AddTable::new)));
    kinds.add(net.jqwik.api.Tuple.of(2, small().map(Edit.DropTable::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(small(), small().list().ofMinSize(1).ofMaxSize(2))
                .as(Edit.AddUnique::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(2, Combinators.combine(small(), small()).as(Edit.DropUnique::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            2, Combinators.combine(small(), checkSpecs()).as(Edit.AddCheck::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(2, Combinators.combine(small(), small()).as(Edit.DropCheck::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            2, Combinators.combine(small(), indexSpecs()).as(Edit.AddIndex::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(2, Combinators.combine(small(), small()).as(Edit.DropIndex::new)));
    kinds.add(net.jqwik.api.Tuple.of(3, fkSpecs().map(Edit.AddForeignKey::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            2, Combinators.combine(small(), small()).as(Edit.DropForeignKey::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(
                    small(), small(), small(), small(), Arbitraries.integers().between(0, 2))
                .as(Edit.ChangeForeignKeyActions::new)));
    if (Shapes.PRIMARY_KEY_CHANGES) {
      kinds.add(
          net.jqwik.api.Tuple.of(
              2,
              Combinators.combine(small(), small().list().ofMaxSize(2))
                  .as(Edit.SetPrimaryKey::new)));
    }
    if (Shapes.KEY_CHANGES_UNDER_FOREIGN_KEYS) {
      kinds.add(net.jqwik.api.Tuple.of(2, small().map(Edit.SwapKey::new)));
    }
    kinds.add(net.jqwik.api.Tuple.of(1, seqSpecs().map(Edit.AddSequence::new)));
    kinds.add(net.jqwik.api.Tuple.of(1, small().map(Edit.DropSequence::new)));
    kinds.add(
        net.jqwik.api.Tuple.of(
            1, Combinators.combine(small(), seqSpecs()).as(Edit.AlterSequence::new)));
    if (Shapes.ENUM_TYPES) {
      kinds.add(net.jqwik.api.Tuple.of(1, enumSpecs().map(Edit.AddEnumType::new)));
      kinds.add(net.jqwik.api.Tuple.of(1, small().map(Edit.DropEnumType::new)));
      kinds.add(
          net.jqwik.api.Tuple.of(
              2, Combinators.combine(small(), small(), small()).as(Edit.AddEnumValue::new)));
      kinds.add(
          net.jqwik.api.Tuple.of(
              1, Combinators.combine(small(), small()).as(Edit.DropEnumValue::new)));
    }
    if (Shapes.COMMENTS) {
      kinds.add(
          net.jqwik.api.Tuple.of(
              2,
              Combinators.combine(small(), Arbitraries.integers().between(-1, 7), comments())
                  .as(Edit.SetComment::new)));
    }
    if (Shapes.RENAMES) {
      kinds.add(
          net.jqwik.api.Tuple.of(
              2, Combinators.combine(small(), small()).as(Edit.RenameColumn::new)));
      kinds.add(net.jqwik.api.Tuple.of(1, small().map(Edit.RenameTable::new)));
    }
    return Arbitraries.frequencyOf(kinds.toArray(net.jqwik.api.Tuple.Tuple2[]::new));
  }
}
