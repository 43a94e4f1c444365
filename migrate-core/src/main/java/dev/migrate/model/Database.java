package dev.migrate.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database schema model: the tables and sequences Migrate manages, from whichever source (the
 * compiled entity snapshot, the live catalog, or the migration chain replayed). Equal by value;
 * tables and sequences are sorted by (schema, name), so {@code diff(x, x)} is empty whatever order
 * a source produced them in.
 *
 * <p>A {@code null} schema on a table or sequence means "the schema the migration runs in" (the
 * target schema); an introspected database reports the objects of its target schema that way, so
 * that a model without schemas and a database compare equal whichever schema the chain was applied
 * to.
 *
 * @param tables the tables, sorted by schema (target schema first) then name
 * @param sequences the sequences, sorted the same way
 * @param enumTypes the PostgreSQL enum types, sorted the same way
 */
public record Database(List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {

  private static final Comparator<String> SCHEMA_ORDER =
      Comparator.nullsFirst(Comparator.naturalOrder());

  public Database {
    tables =
        tables.stream()
            .sorted(Comparator.comparing(Table::schema, SCHEMA_ORDER).thenComparing(Table::name))
            .toList();
    sequences =
        sequences.stream()
            .sorted(
                Comparator.comparing(Sequence::schema, SCHEMA_ORDER).thenComparing(Sequence::name))
            .toList();
    enumTypes =
        enumTypes == null
            ? List.of()
            : enumTypes.stream()
                .sorted(
                    Comparator.comparing(EnumType::schema, SCHEMA_ORDER)
                        .thenComparing(EnumType::name))
                .toList();
  }

  /** A database without enum types. */
  public Database(List<Table> tables, List<Sequence> sequences) {
    this(tables, sequences, List.of());
  }

  /** The empty database. */
  public static Database empty() {
    return new Database(List.of(), List.of());
  }

  /**
   * The table {@code name} in {@code schema} ({@code null} for the target schema), if there is one.
   */
  public Optional<Table> table(String schema, String name) {
    return tables.stream()
        .filter(t -> Objects.equals(t.schema(), schema) && t.name().equals(name))
        .findFirst();
  }

  /**
   * This model with {@code targetSchema} written as {@code null}: objects placed explicitly in the
   * schema a run targets are the same objects as those without a schema.
   */
  public Database relativeTo(String targetSchema) {
    if (targetSchema == null) {
      return this;
    }
    return new Database(
        tables.stream()
            .map(t -> targetSchema.equals(t.schema()) ? t.inSchema(null) : t)
            .map(
                t ->
                    t.foreignKeys().stream()
                            .anyMatch(f -> targetSchema.equals(f.referencedSchema()))
                        ? t.withForeignKeys(
                            t.foreignKeys().stream()
                                .map(
                                    f ->
                                        targetSchema.equals(f.referencedSchema())
                                            ? f.referencingSchema(null)
                                            : f)
                                .toList())
                        : t)
            .toList(),
        sequences.stream()
            .map(s -> targetSchema.equals(s.schema()) ? s.inSchema(null) : s)
            .toList(),
        enumTypes.stream()
            .map(e -> targetSchema.equals(e.schema()) ? e.inSchema(null) : e)
            .toList());
  }
}
