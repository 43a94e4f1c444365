package dev.migrate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index that is not the backing index of a primary key or unique constraint (PostgreSQL docs,
 * CREATE INDEX).
 *
 * @param name the index name
 * @param keys the index keys (columns or expressions, each ascending or descending), in index order
 * @param unique whether the index is {@code UNIQUE}
 * @param method the access method ({@code btree}, {@code hash}, {@code gist}, {@code gin}, {@code
 *     brin}, {@code spgist}); {@code null} is read as {@code btree}, PostgreSQL's default
 * @param include the non-key columns of {@code INCLUDE (...)}, in order; empty for none
 * @param where the predicate of a partial index as SQL text, or {@code null} for a full index
 */
public record Index(
    String name,
    List<IndexKey> keys,
    boolean unique,
    String method,
    List<String> include,
    String where)
    implements TableElement {

  /** PostgreSQL's default access method. */
  public static final String BTREE = "btree";

  public Index {
    Objects.requireNonNull(name, "name");
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no key");
    }
    method = method == null ? BTREE : method;
    include = include == null ? List.of() : List.copyOf(include);
  }

  /**
   * A btree index over plain ascending columns, the only kind JPA's {@code @Index} makes without
   * ASC/DESC.
   */
  public static Index on(String name, List<String> columns, boolean unique) {
    return new Index(
        name, columns.stream().map(IndexKey::column).toList(), unique, BTREE, List.of(), null);
  }

  /**
   * This index with the access method given ({@code gin}, {@code gist}, {@code brin}, {@code hash},
   * ...).
   */
  public Index withMethod(String method) {
    return new Index(name, keys, unique, method, include, where);
  }

  /** This index with {@code INCLUDE (columns)}. */
  public Index withInclude(String... columns) {
    return new Index(name, keys, unique, method, List.of(columns), where);
  }

  /**
   * This index as a partial index {@code WHERE predicate} (SQL text), or a full index when {@code
   * null}.
   */
  public Index withWhere(String predicate) {
    return new Index(name, keys, unique, method, include, predicate);
  }

  /**
   * The column names, when every key is an ascending column and the index is a plain btree index
   * without {@code INCLUDE} or {@code WHERE}; otherwise empty.
   */
  public Optional<List<String>> plainColumns() {
    boolean plain =
        keys.stream().allMatch(IndexKey::isPlainColumn)
            && method.equals(BTREE)
            && include.isEmpty()
            && where == null;
    return plain ? Optional.of(keys.stream().map(IndexKey::column).toList()) : Optional.empty();
  }
}
