package dev.migrate.processor;

import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The column order of a primary key of several columns as Hibernate 6.6's schema export writes it.
 *
 * <p>Before it creates tables ({@code hibernate.hbm2ddl.auto=create...}), Hibernate reorders every
 * primary key of more than one column with its {@code ColumnOrderingStrategyStandard} ({@code
 * MetadataImpl.orderColumns}): by the column's estimated size in bytes (at least 4), then whether
 * that size exceeds 2048, then by the column name as Hibernate spells it before PostgreSQL folds it
 * ({@code Product_id} sorts before {@code categories_id}). A foreign key to such a key follows the
 * new order. So the key of an implicit join table is {@code (tags_id, Product_id)} when {@code Tag}
 * has an {@code Integer} id and {@code Product} a {@code Long} one.
 *
 * <p>The sizes, from {@code ColumnOrderingStrategyStandard.physicalSizeInBytes}: {@code boolean} 1,
 * {@code smallint} 2, {@code integer}, {@code real}, {@code date}, {@code time} 4, {@code bigint},
 * {@code double precision}, {@code timestamp[tz]}, {@code interval} 8, {@code uuid} 16, {@code
 * inet} 19, {@code numeric(p)} {@code ceil(p / (8 log2 10))}, {@code varchar(n)}/{@code char(n)}
 * {@code n} except that Hibernate's default length 255 counts as PostgreSQL's largest {@code
 * varchar} (10485760), anything else (text, bytea, jsonb, enum types, oid) as unbounded.
 */
final class PrimaryKeyOrder {

  /** {@code PostgreSQLDialect.getMaxVarcharLength()}. */
  private static final int MAX_VARCHAR_LENGTH = 10_485_760;

  /** Hibernate's {@code Size.DEFAULT_LENGTH}. */
  private static final int DEFAULT_LENGTH = 255;

  /** Hibernate's {@code DECIMAL_TO_BYTES_QUOTIENT}: decimal digits per byte, times 8. */
  private static final double DECIMAL_TO_BYTES = Math.log(10) / Math.log(2) * 8;

  private PrimaryKeyOrder() {}

  /**
   * {@code key} in Hibernate's order.
   *
   * @param key the key's column names as stored
   * @param columns the table's columns by stored name (every name of {@code key} is one)
   * @param spellings stored name to the name as Hibernate spells it; a missing name is spelled as
   *     stored
   */
  static List<String> order(
      List<String> key, Map<String, Column> columns, Map<String, String> spellings) {
    if (key.size() < 2) {
      return key;
    }
    List<String> ordered = new ArrayList<>(key);
    ordered.sort(
        Comparator.<String>comparingInt(n -> Math.max(size(columns.get(n).type()), 4))
            .thenComparing(n -> size(columns.get(n).type()) > 2048)
            .thenComparing(n -> spellings.getOrDefault(n, n)));
    return ordered;
  }

  /**
   * The tables with each foreign key of several columns to a primary key listing its column pairs
   * in that key's order, as Hibernate 6.6 reorders them after {@link #order} ({@code
   * MetadataImpl.orderColumns}). An unnamed foreign key is named after its columns in the new
   * order, as PostgreSQL would name it.
   */
  static List<Table> foreignKeysFollowReferencedKeys(List<Table> built) {
    Map<String, List<String>> keys = new HashMap<>();
    for (Table t : built) {
      if (t.primaryKey() != null) {
        keys.put(t.schema() + "\u0000" + t.name(), t.primaryKey().columns());
      }
    }
    List<Table> result = new ArrayList<>();
    for (Table t : built) {
      List<ForeignKey> foreignKeys = new ArrayList<>();
      boolean changed = false;
      for (ForeignKey f : t.foreignKeys()) {
        List<String> key = keys.get(f.referencedSchema() + "\u0000" + f.referencedTable());
        if (f.columns().size() < 2
            || key == null
            || f.referencedColumns().equals(key)
            || !new HashSet<>(f.referencedColumns()).equals(new HashSet<>(key))) {
          foreignKeys.add(f);
          continue;
        }
        List<String> columns = new ArrayList<>();
        for (String referenced : key) {
          columns.add(f.columns().get(f.referencedColumns().indexOf(referenced)));
        }
        String name =
            f.name().equals(Naming.objectName(t.name(), f.columns(), "fkey"))
                ? Naming.objectName(t.name(), columns, "fkey")
                : f.name();
        foreignKeys.add(
            new ForeignKey(
                name,
                columns,
                f.referencedSchema(),
                f.referencedTable(),
                key,
                f.onDelete(),
                f.onUpdate(),
                f.deferrable(),
                f.initiallyDeferred()));
        changed = true;
      }
      result.add(changed ? t.withForeignKeys(foreignKeys) : t);
    }
    return result;
  }

  /**
   * The size Hibernate estimates for a column of {@code type}, in bytes; {@link Integer#MAX_VALUE}
   * if unbounded.
   */
  static int size(SqlType type) {
    switch (type.name()) {
      case "boolean":
        return 1;
      case "smallint":
        return 2;
      case "integer":
      case "real":
      case "date":
      case "time":
      case "timetz":
        return 4;
      case "bigint":
      case "double precision":
      case "timestamp":
      case "timestamptz":
      case "interval":
        return 8;
      case "uuid":
        return 16;
      case "inet":
        return 19;
      case "numeric":
        return (int)
            Math.ceil((type.precision() == null ? 38 : type.precision()) / DECIMAL_TO_BYTES);
      case "varchar":
      case "char":
        return type.length() == null || type.length() == DEFAULT_LENGTH
            ? MAX_VARCHAR_LENGTH
            : type.length();
      default:
        return Integer.MAX_VALUE;
    }
  }
}
