package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** add phone, edited after it was applied (the profile "edited" compiles this copy instead). */
@Revision(id = "b1b1b1b1b1b1", revises = "0a1b2c3d4e5f", message = "add phone")
public class R20261102_0900_AddPhone implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.addColumn("customer", column("phone", varchar(40)));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("customer", column("phone", varchar(40)));
  }
}
