package dev.migrate.diff;

import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropEnumType;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.Op;
import dev.migrate.ops.OpVisitor;
import dev.migrate.ops.RenameTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tables, sequences and enum types a chain of revisions created and did not drop again, by
 * qualified name ({@code name} in the target schema, {@code schema.name} elsewhere): what
 * autogenerate may drop when the model no longer has them. Anything else in the database (made by
 * hand, by another tool, by an extension) is not the chain's to drop.
 *
 * @param tables qualified table names
 * @param sequences qualified sequence names
 * @param enumTypes qualified enum type names
 */
public record ChainObjects(Set<String> tables, Set<String> sequences, Set<String> enumTypes) {

  public ChainObjects {
    tables = Set.copyOf(tables);
    sequences = Set.copyOf(sequences);
    enumTypes = Set.copyOf(enumTypes);
  }

  /**
   * What {@code upgradeOps} (every revision's upgrade, in chain order) leave created. Objects in
   * {@code targetSchema} are named without a schema, as an introspected database names them. Ops on
   * objects the chain did not create (a chain that adopted an existing database) are ignored, as is
   * hand-written SQL.
   */
  public static ChainObjects of(List<Op> upgradeOps, String targetSchema) {
    Set<String> tables = new LinkedHashSet<>();
    Set<String> sequences = new LinkedHashSet<>();
    Set<String> enumTypes = new LinkedHashSet<>();
    OpVisitor<Void> tracker =
        new OpVisitor.Partial<>() {
          @Override
          public Void otherwise(Op op) {
            return null;
          }

          @Override
          public Void visitCreateTable(CreateTable c) {
            tables.add(name(c.table().schema(), c.table().name(), targetSchema));
            return null;
          }

          @Override
          public Void visitDropTable(DropTable d) {
            tables.remove(name(d.table().schema(), d.table().name(), targetSchema));
            return null;
          }

          @Override
          public Void visitRenameTable(RenameTable r) {
            if (tables.remove(name(r.schema(), r.from(), targetSchema))) {
              tables.add(name(r.schema(), r.to(), targetSchema));
            }
            return null;
          }

          @Override
          public Void visitCreateSequence(CreateSequence c) {
            sequences.add(name(c.sequence().schema(), c.sequence().name(), targetSchema));
            return null;
          }

          @Override
          public Void visitDropSequence(DropSequence d) {
            sequences.remove(name(d.sequence().schema(), d.sequence().name(), targetSchema));
            return null;
          }

          @Override
          public Void visitCreateEnumType(CreateEnumType c) {
            enumTypes.add(name(c.type().schema(), c.type().name(), targetSchema));
            return null;
          }

          @Override
          public Void visitDropEnumType(DropEnumType d) {
            enumTypes.remove(name(d.type().schema(), d.type().name(), targetSchema));
            return null;
          }
        };
    upgradeOps.forEach(op -> op.accept(tracker));
    return new ChainObjects(tables, sequences, enumTypes);
  }

  static String name(String schema, String name, String targetSchema) {
    return schema == null || Objects.equals(schema, targetSchema) ? name : schema + "." + name;
  }
}
