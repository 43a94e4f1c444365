package dev.migrate.groups;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.model.Table;

/**
 * The model's tables of schema groups {@code user} ({@code rfx_user}) and {@code message} ({@code
 * rfx_message}), the second referencing the first across schemas: the model that {@code
 * SchemasTest} and {@code GroupChainsTest} split into groups.
 */
public final class GroupTables {

  private GroupTables() {}

  public static final Table ACCOUNT =
      table(
              "account",
              column("id", bigint()).asIdentity(),
              column("email", varchar(320)).notNull(),
              primaryKey("account_pkey", "id"))
          .inSchema("rfx_user");

  public static final Table MESSAGE =
      table(
              "message",
              column("id", bigint()).asIdentity(),
              column("account_id", bigint()).notNull(),
              primaryKey("message_pkey", "id"),
              foreignKey("message_account_id_fkey", "account_id")
                  .referencesInSchema("rfx_user", "account", "id"))
          .inSchema("rfx_message");
}
