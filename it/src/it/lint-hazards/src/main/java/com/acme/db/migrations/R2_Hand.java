package com.acme.db.migrations;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.runtime.AcceptedHazards;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;

/** Hand-written on the existing table: a plain index, raw SQL, and an accepted drop. */
@AcceptedHazards("ban-drop-column")
@Revision(id = "b2b2b2b2b2b2", revises = "a1a1a1a1a1a1", message = "hand written")
public class R2_Hand implements Migration {

  @Override
  public void upgrade(Operations op) {
    op.createIndex("customer", index("customer_email_idx", "email"));
    op.execute("ALTER TABLE customer ALTER COLUMN email SET NOT NULL; CLUSTER customer");
    op.dropColumn("customer", column("name", varchar(255)));
  }

  @Override
  public void downgrade(Operations op) {}
}
