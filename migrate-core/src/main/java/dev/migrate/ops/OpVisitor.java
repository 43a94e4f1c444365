package dev.migrate.ops;

/**
 * One method per {@link Op} record. Every consumer of ops (each dialect, the code generator, the model replay)
 * implements it, so a new op does not compile until every consumer handles it: Java 17's stand-in for an exhaustive
 * {@code switch} over the sealed hierarchy.
 *
 * @param <R> what visiting an op produces
 */
public interface OpVisitor<R> {

  R visitCreateTable(CreateTable op);

  R visitDropTable(DropTable op);

  R visitAddColumn(AddColumn op);

  R visitDropColumn(DropColumn op);

  R visitAlterColumn(AlterColumn op);

  R visitAddPrimaryKey(AddPrimaryKey op);

  R visitDropPrimaryKey(DropPrimaryKey op);

  R visitAddUniqueConstraint(AddUniqueConstraint op);

  R visitDropUniqueConstraint(DropUniqueConstraint op);

  R visitAddCheckConstraint(AddCheckConstraint op);

  R visitDropCheckConstraint(DropCheckConstraint op);

  R visitCreateIndex(CreateIndex op);

  R visitDropIndex(DropIndex op);

  R visitAddForeignKey(AddForeignKey op);

  R visitDropForeignKey(DropForeignKey op);

  R visitCreateSequence(CreateSequence op);

  R visitDropSequence(DropSequence op);

  R visitExecuteSql(ExecuteSql op);

  R visitSetTableComment(SetTableComment op);

  R visitRenameTable(RenameTable op);

  R visitRenameColumn(RenameColumn op);

  R visitAlterSequence(AlterSequence op);

  R visitCreateSchema(CreateSchema op);

  R visitDropSchema(DropSchema op);

  R visitCreateEnumType(CreateEnumType op);

  R visitDropEnumType(DropEnumType op);

  R visitAddEnumValue(AddEnumValue op);

  R visitDropEnumValue(DropEnumValue op);
}
