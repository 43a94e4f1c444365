package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** drop customer_note, add phone */
@Revision(id = "1a0000000003", revises = "1a0000000002", message = "drop note, add phone")
public class R20261103_0900_DropNoteAddPhone implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.dropTable(table("customer_note",
        column("id", bigint()).asIdentity(),
        column("body", text()),
        primaryKey("customer_note_pkey", "id")));
    op.addColumn("customer", column("phone", varchar(32)));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("customer", column("phone", varchar(32)));
    op.createTable(table("customer_note",
        column("id", bigint()).asIdentity(),
        column("body", text()),
        primaryKey("customer_note_pkey", "id")));
  }
}
