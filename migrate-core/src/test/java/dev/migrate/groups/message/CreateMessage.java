package dev.migrate.groups.message;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/**
 * Schema group {@code message} of {@code SchemasTest}: references group {@code user}, so it depends
 * on it.
 */
@Revision(
    id = "b10000000001",
    message = "create message",
    dependsOn = "a10000000001",
    branchLabels = "message")
public class CreateMessage implements Migration {

  static final dev.migrate.model.Table MESSAGE =
      table(
          "message",
          column("id", bigint()).asIdentity(),
          column("account_id", bigint()).notNull(),
          primaryKey("message_pkey", "id"),
          foreignKey("message_account_id_fkey", "account_id")
              .referencesInSchema("rfx_user", "account", "id"));

  @Override
  public void upgrade(Operations op) {
    op.createTable(MESSAGE);
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(MESSAGE);
  }
}
