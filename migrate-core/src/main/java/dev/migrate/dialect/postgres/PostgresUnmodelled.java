package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Unmodelled;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PostgresIntrospector} leaves out of one schema, in one catalog query: the parts of
 * tables the model cannot say (a table recreated from the model would differ) and the objects
 * beside the tables (a replay would lack them). Objects that belong to an extension ({@code
 * pg_depend.deptype = 'e'}) are left to the extension.
 *
 * <p>Parts of tables: partitioned tables and partitions ({@code PARTITION BY}), inheritance,
 * unlogged tables, generated columns, columns of a type the model does not create (a domain, a
 * composite or range type, an extension's type such as {@code citext}; enum types of the schema are
 * modelled), columns with a collation other than their type's, and exclusion constraints. Beside
 * the tables: views, materialized views, foreign tables, triggers, rules, row-level security
 * policies, functions and procedures, domains and other types no column uses, and extensions.
 */
final class PostgresUnmodelled {

  private static final String QUERY =
      """
      WITH rel AS (
        SELECT c.oid, c.relname, c.relkind, c.relispartition, c.relpersistence
          FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ?
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e'))
      SELECT 'partitioned table' AS kind, relname AS name, relname AS table_name, true AS changes_table
        FROM rel WHERE relkind = 'p'
      UNION ALL
      SELECT 'partition', relname, relname, true FROM rel WHERE relispartition
      UNION ALL
      SELECT 'inheriting table', r.relname, r.relname, true
        FROM rel r WHERE r.relkind = 'r' AND NOT r.relispartition
         AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = r.oid)
      UNION ALL
      SELECT 'unlogged table', relname, relname, true FROM rel WHERE relkind IN ('r', 'p') AND relpersistence = 'u'
      UNION ALL
      SELECT CASE WHEN a.attgenerated <> '' THEN 'generated column'
                  WHEN a.attcollation <> t.typcollation THEN 'column with collation '
                       || (SELECT collname FROM pg_catalog.pg_collation WHERE oid = a.attcollation)
                  ELSE 'column of type ' || pg_catalog.format_type(a.atttypid, a.atttypmod) END,
             r.relname || '.' || a.attname, r.relname, true
        FROM rel r
        JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
       WHERE r.relkind IN ('r', 'p') AND NOT r.relispartition
         AND (a.attgenerated <> ''
              OR a.attcollation <> t.typcollation
              OR (tn.nspname <> 'pg_catalog'
                  AND NOT (t.typtype = 'e' AND tn.nspname = ?)))
      UNION ALL
      SELECT 'exclusion constraint', r.relname || '.' || con.conname, r.relname, true
        FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid AND con.contype = 'x'
      UNION ALL
      SELECT CASE relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END,
             relname, NULL, false
        FROM rel WHERE relkind IN ('v', 'm', 'f')
      UNION ALL
      SELECT 'trigger', tg.tgname || ' on ' || r.relname, r.relname, false
        FROM rel r JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal
       WHERE r.relkind IN ('r', 'p')
      UNION ALL
      SELECT 'rule', rw.rulename || ' on ' || r.relname, r.relname, false
        FROM rel r JOIN pg_catalog.pg_rewrite rw ON rw.ev_class = r.oid AND rw.rulename <> '_RETURN'
      UNION ALL
      SELECT 'row-level security policy', p.polname || ' on ' || r.relname, r.relname, false
        FROM rel r JOIN pg_catalog.pg_policy p ON p.polrelid = r.oid
      UNION ALL
      SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
             p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL, false
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = ?
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass
                            AND d.objid = p.oid AND d.deptype = 'e')
      UNION ALL
      SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'composite type' END,
             t.typname, NULL, false
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = ? AND t.typtype IN ('d', 'r', 'c')
         AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c')
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass
                            AND d.objid = t.oid AND d.deptype = 'e')
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a JOIN rel r ON r.oid = a.attrelid
                          WHERE a.atttypid = t.oid AND r.relkind IN ('r', 'p'))
      UNION ALL
      SELECT 'extension', e.extname, NULL, false
        FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
       WHERE n.nspname = ? AND e.extname <> 'plpgsql'
      ORDER BY 4 DESC, 1, 2""";

  private PostgresUnmodelled() {}

  static List<Unmodelled> read(Connection connection, String schema) throws SQLException {
    List<Unmodelled> objects = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
      for (int i = 1; i <= 5; i++) {
        statement.setString(i, schema);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          objects.add(
              new Unmodelled(
                  rows.getString("kind"),
                  rows.getString("name"),
                  rows.getString("table_name"),
                  rows.getBoolean("changes_table")));
        }
      }
    }
    return objects;
  }
}
