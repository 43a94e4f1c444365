package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** create customer */
@Revision(id = "1a0000000001", message = "create customer")
public class R20261101_0900_CreateCustomer implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.createTable(table("customer",
        column("id", bigint()).asIdentity(),
        column("email", varchar(255)).notNull(),
        column("name", varchar(255)),
        primaryKey("customer_pkey", "id"),
        unique("customer_email_key", "email")));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(table("customer",
        column("id", bigint()).asIdentity(),
        column("email", varchar(255)).notNull(),
        column("name", varchar(255)),
        primaryKey("customer_pkey", "id"),
        unique("customer_email_key", "email")));
  }
}
