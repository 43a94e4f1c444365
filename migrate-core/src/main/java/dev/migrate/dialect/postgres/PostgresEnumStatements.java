package dev.migrate.dialect.postgres;

import static dev.migrate.dialect.postgres.PostgresStatements.doBlock;
import static dev.migrate.dialect.postgres.PostgresStatements.literalOrNull;
import static dev.migrate.dialect.postgres.PostgresStatements.qualified;

import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.DropEnumType;
import dev.migrate.ops.DropEnumValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements for enum types and their labels ({@code CREATE TYPE ... AS ENUM},
 * {@code ALTER TYPE ... ADD VALUE}), and the {@code DO} block that removes a label, which
 * PostgreSQL cannot do in place. Called by {@link PostgresStatements}, whose conventions (quoting,
 * {@code null} schema) apply.
 */
final class PostgresEnumStatements {

  private PostgresEnumStatements() {}

  static List<String> createType(CreateEnumType op) {
    return List.of(
        "CREATE TYPE "
            + qualified(op.type().schema(), op.type().name())
            + " AS ENUM ("
            + op.type().values().stream()
                .map(PostgresStatements::literalOrNull)
                .collect(Collectors.joining(", "))
            + ")");
  }

  static List<String> dropType(DropEnumType op) {
    return List.of("DROP TYPE " + qualified(op.type().schema(), op.type().name()));
  }

  /**
   * {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS}: a value the runner commits before the
   * revision's transaction (because the revision uses it, see {@link dev.migrate.ops.EnumValueUse})
   * stays when that transaction fails, and the revision can then run again.
   */
  static List<String> addValue(AddEnumValue op) {
    String sql =
        "ALTER TYPE "
            + qualified(op.schema(), op.type())
            + " ADD VALUE IF NOT EXISTS "
            + literalOrNull(op.value());
    if (op.before() != null) {
      sql += " BEFORE " + literalOrNull(op.before());
    } else if (op.after() != null) {
      sql += " AFTER " + literalOrNull(op.after());
    }
    return List.of(sql);
  }

  /**
   * One {@code DO} block that re-creates the type without the label: PostgreSQL has no {@code ALTER
   * TYPE ... DROP VALUE} (ALTER TYPE docs), so every table column of the type (from {@code
   * pg_attribute}, when the block runs) is checked for rows holding the label, then turned into
   * {@code text} with its default dropped; the type is dropped and created with its remaining
   * labels (from {@code pg_enum}, in their order); the columns are turned back and their defaults
   * set again. Foreign keys between such columns (which PostgreSQL re-checks at each column's type
   * change: "Key columns ... are of incompatible types: e0 and text") are dropped first and added
   * again last, with their definition from {@code pg_get_constraintdef}. A row that still holds the
   * label raises an error naming the table and column, and the revision's transaction rolls back
   * whole; so do views, checks, functions and array columns that depend on the type ({@code DROP
   * TYPE} refuses them). A label that is not there (any more) leaves the type alone, as {@code ADD
   * VALUE IF NOT EXISTS} does the other way.
   */
  static List<String> dropValue(DropEnumValue op) {
    String body =
        """
        DECLARE
          type_name constant text := %s;
          removed constant text := %s;
          tables regclass[];
          columns name[];
          defaults text[];
          labels text;
          held boolean;
          key_tables regclass[];
          key_names name[];
          key_definitions text[];
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_enum e WHERE e.enumtypid = type_name::regtype AND e.enumlabel = removed) THEN
            RETURN;
          END IF;
          SELECT array_agg(a.attrelid::regclass ORDER BY a.attrelid, a.attnum),
                 array_agg(a.attname ORDER BY a.attrelid, a.attnum),
                 array_agg(pg_get_expr(d.adbin, d.adrelid) ORDER BY a.attrelid, a.attnum)
            INTO tables, columns, defaults
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE a.atttypid = type_name::regtype AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p');
          FOR i IN 1 .. coalesce(array_length(tables, 1), 0) LOOP
            EXECUTE format('SELECT EXISTS (SELECT FROM %%s WHERE %%I = %%L)', tables[i], columns[i], removed) INTO held;
            IF held THEN
              RAISE EXCEPTION 'cannot remove value %% from enum type %%: rows of %%.%% still hold it; update them first',
                quote_literal(removed), type_name, tables[i], quote_ident(columns[i]);
            END IF;
          END LOOP;
          SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) INTO labels
            FROM pg_enum e WHERE e.enumtypid = type_name::regtype AND e.enumlabel <> removed;
          SELECT array_agg(con.conrelid::regclass ORDER BY con.oid), array_agg(con.conname ORDER BY con.oid),
                 array_agg(pg_get_constraintdef(con.oid) ORDER BY con.oid)
            INTO key_tables, key_names, key_definitions
            FROM pg_constraint con
           WHERE con.contype = 'f' AND EXISTS (SELECT FROM pg_attribute a
                  WHERE a.atttypid = type_name::regtype AND a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey));
          FOR i IN 1 .. coalesce(array_length(key_tables, 1), 0) LOOP
            EXECUTE format('ALTER TABLE %%s DROP CONSTRAINT %%I', key_tables[i], key_names[i]);
          END LOOP;
          FOR i IN 1 .. coalesce(array_length(tables, 1), 0) LOOP
            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I DROP DEFAULT', tables[i], columns[i]);
            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE text USING %%I::text', tables[i], columns[i], columns[i]);
          END LOOP;
          EXECUTE format('DROP TYPE %%s', type_name);
          EXECUTE format('CREATE TYPE %%s AS ENUM (%%s)', type_name, coalesce(labels, ''));
          FOR i IN 1 .. coalesce(array_length(tables, 1), 0) LOOP
            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s USING %%I::%%s',
              tables[i], columns[i], type_name, columns[i], type_name);
            IF defaults[i] IS NOT NULL THEN
              EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I SET DEFAULT %%s', tables[i], columns[i], defaults[i]);
            END IF;
          END LOOP;
          FOR i IN 1 .. coalesce(array_length(key_tables, 1), 0) LOOP
            EXECUTE format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', key_tables[i], key_names[i], key_definitions[i]);
          END LOOP;
        END
        """
            .formatted(literalOrNull(qualified(op.schema(), op.type())), literalOrNull(op.value()));
    return List.of(doBlock("\n" + body));
  }
}
