package dev.migrate.ops;

/**
 * One method per {@link Op} record. Every consumer of ops (each dialect, the code generator, the
 * model replay) implements it, so a new op does not compile until every consumer handles it: Java
 * 17's stand-in for an exhaustive {@code switch} over the sealed hierarchy. A consumer that cares
 * about a few kinds of op only implements {@link Partial} instead.
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

  R visitValidateConstraint(ValidateConstraint op);

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

  /**
   * A visitor for consumers that care about a few kinds of op (the enum value check, the objects a
   * chain created, the offline check's sentences): every method returns {@link #otherwise(Op)}
   * unless overridden. Consumers that must handle every op (dialects, the code generator, the model
   * replay) implement {@link OpVisitor} itself, so that a new op does not compile until they do.
   *
   * @param <R> what visiting an op produces
   */
  interface Partial<R> extends OpVisitor<R> {

    /** The result for every op whose method is not overridden. */
    R otherwise(Op op);

    @Override
    default R visitCreateTable(CreateTable op) {
      return otherwise(op);
    }

    @Override
    default R visitDropTable(DropTable op) {
      return otherwise(op);
    }

    @Override
    default R visitAddColumn(AddColumn op) {
      return otherwise(op);
    }

    @Override
    default R visitDropColumn(DropColumn op) {
      return otherwise(op);
    }

    @Override
    default R visitAlterColumn(AlterColumn op) {
      return otherwise(op);
    }

    @Override
    default R visitAddPrimaryKey(AddPrimaryKey op) {
      return otherwise(op);
    }

    @Override
    default R visitDropPrimaryKey(DropPrimaryKey op) {
      return otherwise(op);
    }

    @Override
    default R visitAddUniqueConstraint(AddUniqueConstraint op) {
      return otherwise(op);
    }

    @Override
    default R visitDropUniqueConstraint(DropUniqueConstraint op) {
      return otherwise(op);
    }

    @Override
    default R visitAddCheckConstraint(AddCheckConstraint op) {
      return otherwise(op);
    }

    @Override
    default R visitDropCheckConstraint(DropCheckConstraint op) {
      return otherwise(op);
    }

    @Override
    default R visitCreateIndex(CreateIndex op) {
      return otherwise(op);
    }

    @Override
    default R visitDropIndex(DropIndex op) {
      return otherwise(op);
    }

    @Override
    default R visitAddForeignKey(AddForeignKey op) {
      return otherwise(op);
    }

    @Override
    default R visitDropForeignKey(DropForeignKey op) {
      return otherwise(op);
    }

    @Override
    default R visitValidateConstraint(ValidateConstraint op) {
      return otherwise(op);
    }

    @Override
    default R visitCreateSequence(CreateSequence op) {
      return otherwise(op);
    }

    @Override
    default R visitDropSequence(DropSequence op) {
      return otherwise(op);
    }

    @Override
    default R visitExecuteSql(ExecuteSql op) {
      return otherwise(op);
    }

    @Override
    default R visitSetTableComment(SetTableComment op) {
      return otherwise(op);
    }

    @Override
    default R visitRenameTable(RenameTable op) {
      return otherwise(op);
    }

    @Override
    default R visitRenameColumn(RenameColumn op) {
      return otherwise(op);
    }

    @Override
    default R visitAlterSequence(AlterSequence op) {
      return otherwise(op);
    }

    @Override
    default R visitCreateSchema(CreateSchema op) {
      return otherwise(op);
    }

    @Override
    default R visitDropSchema(DropSchema op) {
      return otherwise(op);
    }

    @Override
    default R visitCreateEnumType(CreateEnumType op) {
      return otherwise(op);
    }

    @Override
    default R visitDropEnumType(DropEnumType op) {
      return otherwise(op);
    }

    @Override
    default R visitAddEnumValue(AddEnumValue op) {
      return otherwise(op);
    }

    @Override
    default R visitDropEnumValue(DropEnumValue op) {
      return otherwise(op);
    }
  }
}
