package dev.migrate.schema;

import java.util.Objects;

/**
 * One schema group: a schema owned by one part of the application, with its own chain of revisions
 * and its own version table (Alembic's "multiple bases", one branch label per group).
 *
 * @param alias the group's name, as {@code -Dmigrate.schema} selects it and as its branch label and
 *     migrations sub-package read it, for example {@code user}; the schema's own name when no alias
 *     is configured
 * @param schema the PostgreSQL schema, for example {@code rfx_user}
 */
public record SchemaGroup(String alias, String schema) {

  public SchemaGroup {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(schema, "schema");
  }

  /** The package of this group's migrations: {@code <migrationsPackage>.<alias>}. */
  public String packageName(String migrationsPackage) {
    return migrationsPackage + "." + alias;
  }

  /** {@code user (rfx_user)}, or {@code rfx_user} when the alias is the schema's name. */
  @Override
  public String toString() {
    return alias.equals(schema) ? schema : alias + " (" + schema + ")";
  }
}
