package dev.migrate.dialect.postgres;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.diff.DiffOptions;
import dev.migrate.diff.DiffResult;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL object kinds outside Migrate's model (views, materialized views, functions,
 * triggers, rules, row-level security policies, privileges, domains, composite types, extensions,
 * exclusion constraints, generated columns, partitions) on a real database: autogenerate against
 * the model of the tables finds nothing to do, and never drops or alters what it does not model.
 */
@PostgresTest
class PostgresOutsideTheModelTest {

  private static final PostgresDialect DIALECT = new PostgresDialect();
  private static final SchemaDiff DIFF = new SchemaDiff(DIALECT);

  private TestDatabase db;
  private Connection connection;

  @BeforeEach
  void create() throws SQLException {
    db = TestDatabase.create();
    connection = db.connect();
  }

  @AfterEach
  void drop() throws SQLException {
    connection.close();
    db.close();
  }

  @Test
  void objectsOutsideTheModelCauseNoDiff() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql :
          List.of(
              "CREATE DOMAIN email AS varchar(200) CHECK (VALUE LIKE '%@%')",
              "CREATE TYPE money_amount AS (currency char(3), amount numeric(12, 2))",
              "CREATE TABLE customer (id bigint NOT NULL, email email, balance money_amount,"
                  + " name varchar(100), name_upper varchar(100) GENERATED ALWAYS AS (upper(name)) STORED,"
                  + " CONSTRAINT customer_pkey PRIMARY KEY (id))",
              "CREATE TABLE booking (id bigint NOT NULL, room int NOT NULL, during tsrange NOT NULL,"
                  + " CONSTRAINT booking_pkey PRIMARY KEY (id),"
                  + " CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&))",
              "CREATE TABLE event (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at)",
              "CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
              "CREATE VIEW customer_names AS SELECT id, name FROM customer",
              "CREATE MATERIALIZED VIEW customer_count AS SELECT count(*) AS n FROM customer",
              "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
              "CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch()",
              "CREATE RULE booking_no_delete AS ON DELETE TO booking DO INSTEAD NOTHING",
              "ALTER TABLE customer ENABLE ROW LEVEL SECURITY",
              "CREATE POLICY customer_own ON customer USING (id > 0)",
              "CREATE ROLE migrate_outside_reader",
              "GRANT SELECT ON customer TO migrate_outside_reader",
              "CREATE INDEX customer_name_idx ON customer (name)")) {
        statement.execute(sql);
      }
    }
    try {
      Table customer =
          table(
              "customer",
              column("id", bigint()).notNull(),
              column("email", type("email")),
              column("balance", type("money_amount")),
              column("name", varchar(100)),
              column("name_upper", varchar(100)),
              primaryKey("customer_pkey", "id"),
              index("customer_name_idx", "name"));
      Table booking =
          table(
              "booking",
              column("id", bigint()).notNull(),
              column("room", integer()).notNull(),
              column("during", type("tsrange")).notNull(),
              primaryKey("booking_pkey", "id"));
      Table event =
          table("event", column("id", bigint()).notNull(), column("at", date()).notNull());
      Database model = new Database(List.of(customer, booking, event), List.of());

      Database live = DIALECT.introspect(connection, "public", Set.of());
      DiffResult result = DIFF.compare(live, model, DiffOptions.defaults());
      assertThat(result.ops()).isEmpty();
      assertThat(result.warnings()).isEmpty();
      // partitions are not read (the partitioned table is), so they need no info line either
      assertThat(result.infos()).isEmpty();
      assertThat(live.tables())
          .extracting(Table::name)
          .containsExactlyInAnyOrder("customer", "booking", "event");
      assertThat(live).isEqualTo(model);
    } finally {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP OWNED BY migrate_outside_reader");
        statement.execute("DROP ROLE migrate_outside_reader");
      }
    }
  }
}
