package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

@Revision(id = "0a1b2c3d4e5f", message = "init")
public class R20260101_000000_Init implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable(
        table(
            "customer",
            column("id", bigint()).notNull(),
            column("name", varchar(255)),
            primaryKey("customer_pkey", "id")));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(
        table(
            "customer",
            column("id", bigint()).notNull(),
            column("name", varchar(255)),
            primaryKey("customer_pkey", "id")));
  }
}
