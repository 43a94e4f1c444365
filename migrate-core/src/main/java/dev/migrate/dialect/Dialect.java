package dev.migrate.dialect;

import dev.migrate.diff.Normalizer;
import dev.migrate.model.Database;
import dev.migrate.model.SqlType;
import dev.migrate.ops.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Everything Migrate knows about one database product. Only dialects write SQL: the statements for
 * each op, the catalog queries that read a schema back into a {@link Database}, and the statements
 * that keep the version table, the history table and the advisory lock.
 */
public interface Dialect extends Normalizer {

  /**
   * The SQL statements that execute {@code op}, in order, without trailing semicolons. Objects
   * whose schema is {@code null} are written unqualified, so they land in the schema the runner put
   * first on the search path.
   *
   * @throws dev.migrate.MigrateException if the op cannot be expressed on this database
   */
  List<String> statements(Op op);

  /**
   * {@code identifier} quoted if, and only if, it needs quoting (upper case, special characters,
   * keywords).
   */
  String quote(String identifier);

  /**
   * Reads the tables and sequences of {@code schema} with a fixed number of bulk catalog queries,
   * whatever the number of tables. Objects of {@code schema} come back with a {@code null} schema
   * (see {@link Database}); tables named in {@code excludeTables} (Migrate's own version and
   * history tables) are left out.
   *
   * @throws SQLException if a catalog query fails
   */
  Database introspect(Connection connection, String schema, Set<String> excludeTables)
      throws SQLException;

  /**
   * The objects of {@code schema} that {@link #introspect} does not read, each saying whether a
   * table recreated from the model would differ from the database's; Migrate's own tables are not
   * listed. This default lists none.
   *
   * @throws SQLException if a catalog query fails
   */
  default List<Unmodelled> unmodelled(Connection connection, String schema) throws SQLException {
    return List.of();
  }

  /**
   * {@code model} with the catalog's text of {@code current} in place of each check expression and
   * column default that the client-side comparison ({@link #normalizeCheck}, {@link
   * #normalizeDefault}) finds different but the database stores alike, so that the pure diff then
   * sees equality. Runs on the database only when there is such a difference and leaves nothing
   * behind; an expression the database rejects stays as it is. This default returns {@code model}.
   *
   * @param connection the connection that introspected {@code current}, with the target schema
   *     first on the path
   * @param schema the target schema, which the model's tables without a schema are in
   * @param current the database as introspected
   * @param model the target model, relative to {@code schema}
   * @throws SQLException if the database fails as a whole (not for a single rejected expression)
   */
  default Database alignStoredExpressions(
      Connection connection, String schema, Database current, Database model) throws SQLException {
    return model;
  }

  /**
   * Whether changing a column from type {@code from} to type {@code to} keeps every value (a
   * widening), so that the change destroys nothing; the code generator marks every other type
   * change as destructive. This default counts only equal types as keeping every value.
   */
  default boolean keepsEveryValue(SqlType from, SqlType to) {
    return from.equals(to);
  }

  /**
   * Whether changing a column from type {@code from} to type {@code to} in place rewrites the table
   * (and its indexes) under its lock, rather than only changing the catalog. This default says yes
   * for every change of type, which is the safe guess for the lint.
   */
  default boolean rewritesTable(SqlType from, SqlType to) {
    return !from.equals(to);
  }

  /** The statements that keep the version table, the history table and the lock. */
  VersionStore versionStore();

  /**
   * The session settings, lock diagnostics and privilege messages of a migration run: bounded lock
   * waits ({@code lock_timeout}), the sessions holding a lock the run needs, the {@code GRANT} a
   * missing privilege calls for.
   */
  SessionControl sessions();
}
