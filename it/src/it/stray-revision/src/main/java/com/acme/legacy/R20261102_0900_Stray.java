package com.acme.legacy;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** A stray revision outside <migrationsPackage>: it must never run. */
@Revision(id = "5f4e3d2c1b0a", revises = "0a1b2c3d4e5f", message = "stray")
public class R20261102_0900_Stray implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.createTable(table("stray", column("id", bigint()).notNull()));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable(table("stray", column("id", bigint()).notNull()));
  }
}
