package dev.migrate.runner;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.EnumValueUse;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offline (SQL) mode: the script an upgrade or downgrade would run, for review by a DBA and for
 * {@code psql} (Alembic's {@code --sql}). Needs no connection: the start is given.
 *
 * <p>Shape, for an upgrade from base:
 *
 * <pre>
 * -- Migrate offline SQL: upgrade &lt;base&gt; -&gt; 3f2a9c1d7b04 in schema public
 * -- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f &lt;file&gt;
 *
 * CREATE SCHEMA IF NOT EXISTS public;       -- from base only
 *
 * SET search_path TO public;
 *
 * CREATE TABLE IF NOT EXISTS migrate_version (...);   -- from base only
 *
 * CREATE TABLE IF NOT EXISTS migrate_history (...);
 *
 * -- Running upgrade &lt;base&gt; -&gt; 3f2a9c1d7b04, create customer
 *
 * BEGIN;
 *
 * CREATE TABLE customer (...);
 *
 * INSERT INTO migrate_version (version_num) VALUES ('3f2a9c1d7b04');
 *
 * INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES (...);
 *
 * COMMIT;
 * </pre>
 *
 * <p>One transaction per revision, as the runner does it (a revision marked {@code transactional =
 * false} has its statements before its {@code BEGIN}, and one that adds enum values it then uses
 * has those {@code ALTER TYPE} statements there, see {@link EnumValueUse}); the version-table
 * statements are the ones the runner executes ({@link VersionStore#changeHeadsStatements}), so a
 * database built from the script and one built by {@code upgrade} end with the same rows. Unlike
 * Alembic, a downgrade to base keeps the (empty) version table.
 */
public final class SqlScript {

  private final Dialect dialect;
  private final RevisionGraph graph;
  private final String schema;

  /**
   * @param schema the schema the chain runs in, set as the search path at the top of the script
   */
  public SqlScript(Dialect dialect, RevisionGraph graph, String schema) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /**
   * The script that takes a database at {@code from} to {@code target}.
   *
   * @param from the version table's rows at the start (empty: base), full ids
   * @param target a target as {@link RevisionGraph#resolve} accepts it, relative to {@code from}
   * @param direction upgrade or downgrade
   * @return the script text, ending with a newline
   * @throws dev.migrate.MigrateException as {@link RevisionGraph#resolve}, {@link
   *     RevisionGraph#upgradePlan} and {@link RevisionGraph#downgradePlan} do
   */
  public String render(List<String> from, String target, Direction direction) {
    boolean up = direction == Direction.UPGRADE;
    VersionStore store = dialect.versionStore();
    List<String> heads = graph.sorted(from);
    List<String> goal = graph.resolve(target, heads);
    List<RevisionInfo> plan =
        up ? graph.upgradePlan(heads, goal, target) : graph.downgradePlan(heads, goal, target);
    List<String> after = heads;
    for (RevisionInfo r : plan) {
      after = graph.headsAfter(after, r, direction);
    }
    StringBuilder sql = new StringBuilder();
    sql.append("-- Migrate offline SQL: ")
        .append(up ? "upgrade " : "downgrade ")
        .append(Runner.arrow(joined(heads), joined(after)))
        .append(" in schema ")
        .append(schema)
        .append('\n');
    sql.append("-- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f <file>\n\n");
    boolean fromBase = heads.isEmpty();
    store.useSchemaStatements(schema, fromBase).forEach(s -> statement(sql, s));
    if (fromBase) {
      store.createTablesStatements().forEach(s -> statement(sql, s));
    }
    if (plan.isEmpty()) {
      sql.append("-- Nothing to ")
          .append(up ? "upgrade" : "downgrade")
          .append(": the database is at ")
          .append(heads.isEmpty() ? "<base>" : joined(heads))
          .append(".\n");
    }
    List<String> current = heads;
    for (RevisionInfo r : plan) {
      List<String> next = graph.headsAfter(current, r, direction);
      String downs = r.revises().isEmpty() ? null : String.join(", ", r.revises());
      sql.append("-- Running ")
          .append(up ? "upgrade " : "downgrade ")
          .append(up ? Runner.arrow(downs, r.id()) : Runner.arrow(r.id(), downs))
          .append(", ")
          .append(r.message().replaceAll("[\r\n]+", " "))
          .append("\n\n");
      List<Op> ops = r.ops(direction);
      List<Op> inTransaction = new ArrayList<>(ops);
      Revision annotation = r.type().getAnnotation(Revision.class);
      if (annotation != null && !annotation.transactional()) {
        sql.append("-- transactional = false: each statement runs on its own\n\n");
        ops.forEach(op -> dialect.statements(op).forEach(s -> statement(sql, s)));
        inTransaction.clear();
      } else {
        List<AddEnumValue> early = EnumValueUse.committedFirst(ops);
        if (!early.isEmpty()) {
          sql.append(
              "-- New enum values first: PostgreSQL cannot use one before its transaction commits\n\n");
          early.forEach(op -> dialect.statements(op).forEach(s -> statement(sql, s)));
          early.forEach(inTransaction::remove);
        }
      }
      statement(sql, "BEGIN");
      for (Op op : inTransaction) {
        dialect.statements(op).forEach(s -> statement(sql, s));
      }
      List<String> removed = new ArrayList<>(current);
      removed.removeAll(next);
      List<String> added = new ArrayList<>(next);
      added.removeAll(current);
      store.changeHeadsStatements(removed, added).forEach(s -> statement(sql, s));
      statement(
          sql,
          store.recordHistoryStatement(
              r.id(),
              up ? "upgrade" : "downgrade",
              up ? RevisionInfo.checksum(ops) : r.checksum()));
      statement(sql, "COMMIT");
      current = next;
    }
    return sql.toString();
  }

  private static void statement(StringBuilder sql, String statement) {
    sql.append(statement).append(";\n\n");
  }

  private static String joined(List<String> ids) {
    return ids.isEmpty() ? null : String.join(", ", ids);
  }
}
