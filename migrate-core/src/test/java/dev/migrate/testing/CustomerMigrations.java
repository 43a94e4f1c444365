package dev.migrate.testing;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;

/**
 * The bodies of a small chain (create customer, create invoice, add email) that several tests run
 * under revision ids of their own. A test declares, for example, {@code @Revision(id = "...")
 * public static class CreateCustomer extends CustomerMigrations.CreateCustomer {}}, so that the
 * ids, and the source file that messages name, stay the test's.
 */
public final class CustomerMigrations {

  private CustomerMigrations() {}

  /** Creates table {@code customer} with an identity key {@code id}. */
  public abstract static class CreateCustomer implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable(
          table(
              "customer", column("id", bigint()).asIdentity(), primaryKey("customer_pkey", "id")));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable(
          table(
              "customer", column("id", bigint()).asIdentity(), primaryKey("customer_pkey", "id")));
    }
  }

  /** Creates table {@code invoice} with a key {@code id}. */
  public abstract static class CreateInvoice implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable(
          table("invoice", column("id", bigint()).notNull(), primaryKey("invoice_pkey", "id")));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable(
          table("invoice", column("id", bigint()).notNull(), primaryKey("invoice_pkey", "id")));
    }
  }

  /** Adds column {@code email varchar(255)} to {@code customer}. */
  public abstract static class AddEmail implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addColumn("customer", column("email", varchar(255)));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("customer", column("email", varchar(255)));
    }
  }
}
