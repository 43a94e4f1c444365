package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** add nickname: the migration the entity change needs. */
@Revision(id = "d3d3d3d3d3d3", revises = "0a1b2c3d4e5f", message = "add nickname")
public class R20261103_0900_AddNickname implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.addColumn("customer", column("nickname", varchar(64)));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("customer", column("nickname", varchar(64)));
  }
}
