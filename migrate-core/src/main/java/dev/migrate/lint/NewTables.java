package dev.migrate.lint;

import java.util.HashSet;
import java.util.Set;

/**
 * The tables created so far in one revision, keyed {@code schema.name} or {@code name}: they hold
 * no rows, so locks and scans on them hurt nobody. Raw SQL's {@code CREATE TABLE} counts too.
 */
final class NewTables {

  private final Set<String> names = new HashSet<>();

  static String key(String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }

  void created(String schema, String table) {
    names.add(key(schema, table));
  }

  /** A rename carries the table's newness to its new name. */
  void renamed(String schema, String from, String to) {
    if (names.remove(key(schema, from))) {
      names.add(key(schema, to));
    }
  }

  void dropped(String schema, String table) {
    names.remove(key(schema, table));
  }

  /** Whether the table existed before the revision (it was not created in it). */
  boolean existing(String schema, String table) {
    return !names.contains(key(schema, table));
  }
}
