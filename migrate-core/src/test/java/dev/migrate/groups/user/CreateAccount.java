package dev.migrate.groups.user;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** Schema group {@code user} of {@code SchemasTest}: its first revision. */
@Revision(id = "a10000000001", message = "create account", branchLabels = "user")
public class CreateAccount implements Migration {

  static final dev.migrate.model.Table ACCOUNT =
      table(
          "account",
          column("id", bigint()).asIdentity(),
          column("email", varchar(320)).notNull(),
          primaryKey("account_pkey", "id"));

  @Override
  public void upgrade(Operations op) {
    op.createTable(ACCOUNT);
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(ACCOUNT);
  }
}
