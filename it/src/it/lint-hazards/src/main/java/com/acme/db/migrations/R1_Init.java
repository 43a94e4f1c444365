package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** Creates the table: nothing on it is a hazard, it has no rows yet. */
@Revision(id = "a1a1a1a1a1a1", message = "init")
public class R1_Init implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.createTable(
        table(
            "customer",
            column("id", bigint()).notNull(),
            column("email", varchar(255)),
            column("name", varchar(255)),
            primaryKey("customer_pkey", "id")));
    op.createIndex("customer", index("customer_name_idx", "name"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(table("customer", column("id", bigint()).notNull()));
  }
}
