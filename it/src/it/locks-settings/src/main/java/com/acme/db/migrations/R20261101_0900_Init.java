package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** init: committed by a teammate, never applied to this database. */
@Revision(id = "0a1b2c3d4e5f", message = "init")
public class R20261101_0900_Init implements Migration {

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
