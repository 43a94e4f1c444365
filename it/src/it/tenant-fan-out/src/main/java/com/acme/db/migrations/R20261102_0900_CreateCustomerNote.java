package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** create customer_note */
@Revision(id = "1a0000000002", revises = "1a0000000001", message = "create customer_note")
public class R20261102_0900_CreateCustomerNote implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.createTable(table("customer_note",
        column("id", bigint()).asIdentity(),
        column("body", text()),
        primaryKey("customer_note_pkey", "id")));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(table("customer_note",
        column("id", bigint()).asIdentity(),
        column("body", text()),
        primaryKey("customer_note_pkey", "id")));
  }
}
