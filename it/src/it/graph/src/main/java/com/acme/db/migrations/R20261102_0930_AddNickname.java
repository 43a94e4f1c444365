package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** add nickname: another developer's branch from init, labelled "profile". */
@Revision(id = "c2c2c2c2c2c2", revises = "0a1b2c3d4e5f", message = "add nickname", branchLabels = "profile")
public class R20261102_0930_AddNickname implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.addColumn("customer", column("nickname", varchar(64)));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("customer", column("nickname", varchar(64)));
  }
}
