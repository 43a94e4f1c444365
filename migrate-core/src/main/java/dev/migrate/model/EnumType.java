package dev.migrate.model;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type ({@code CREATE TYPE name AS ENUM (...)}, PostgreSQL docs, CREATE TYPE), as
 * Hibernate 6 maps an enum attribute with {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}. A column of
 * this type has a {@link SqlType} whose name is the type's name.
 *
 * @param schema the schema, or {@code null} for the schema the migration runs in
 * @param name the type name exactly as the catalog stores it
 * @param values the labels in sort order (the order of declaration); PostgreSQL can add labels but
 *     not remove or reorder them
 */
public record EnumType(String schema, String name, List<String> values) {

  public EnumType {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }

  /** The same type in {@code schema} ({@code null} for the migration's schema). */
  public EnumType inSchema(String schema) {
    return new EnumType(schema, name, values);
  }

  /** Schema-qualified name for messages, for example {@code app.mood} or {@code mood}. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }
}
