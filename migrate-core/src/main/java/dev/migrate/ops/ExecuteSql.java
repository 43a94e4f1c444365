package dev.migrate.ops;

/**
 * Hand-written SQL, for data migrations and what the op vocabulary cannot say.
 *
 * @param sql the statement(s) to run, executed as written
 * @param reverseSql the statement(s) that undo it, or {@code null} if it cannot be undone
 */
public record ExecuteSql(String sql, String reverseSql) implements Op {

  @Override
  public Op reverse() {
    if (reverseSql == null) {
      throw new IrreversibleOpException(
          "execute(\""
              + sql
              + "\") has no reverse SQL: pass the SQL that undoes it"
              + " as the second argument of op.execute, or write the downgrade by hand");
    }
    return new ExecuteSql(reverseSql, sql);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitExecuteSql(this);
  }
}
