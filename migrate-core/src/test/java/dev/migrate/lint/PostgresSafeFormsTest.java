package dev.migrate.lint;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.ops.Op;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The safe forms on a real PostgreSQL: the same change (an index, a foreign key, a check and a NOT
 * NULL on tables holding rows) applied in its plain form to one database and in its safe form, each
 * statement committed on its own as a {@code transactional = false} revision runs, to another; both
 * catalogs end the same (every constraint valid, no temporary check left), a second diff finds
 * nothing, and the reversed safe ops bring the schema back.
 */
@PostgresTest
class PostgresSafeFormsTest {

  private static final PostgresDialect DIALECT = new PostgresDialect();
  private static final SchemaDiff DIFF = new SchemaDiff(DIALECT);

  private static final Table CUSTOMER_A =
      table(
          "customer",
          column("id", bigint()).notNull(),
          column("email", varchar(255)),
          column("age", integer()),
          primaryKey("customer_pkey", "id"));
  private static final Table ORDERS_A =
      table(
          "orders",
          column("id", bigint()).notNull(),
          column("customer_id", bigint()),
          primaryKey("orders_pkey", "id"));
  private static final Table CUSTOMER_B =
      table(
          "customer",
          column("id", bigint()).notNull(),
          column("email", varchar(255)).notNull(),
          column("age", integer()),
          primaryKey("customer_pkey", "id"),
          check("customer_age_check", "age >= 0"));
  private static final Table ORDERS_B =
      table(
          "orders",
          column("id", bigint()).notNull(),
          column("customer_id", bigint()),
          primaryKey("orders_pkey", "id"),
          index("orders_customer_id_idx", "customer_id"),
          foreignKey("orders_customer_id_fkey", "customer_id").references("customer", "id"));

  @Test
  void safeFormsEndWhereThePlainFormsEnd() throws SQLException {
    Database a = new Database(List.of(CUSTOMER_A, ORDERS_A), List.of());
    Database b = new Database(List.of(CUSTOMER_B, ORDERS_B), List.of());
    List<Op> plain = DIFF.diff(a, b);
    List<Op> safe = SafeForms.apply(plain);

    assertThat(statements(safe))
        .containsExactly(
            "ALTER TABLE customer ADD CONSTRAINT customer_email_not_null_check"
                + " CHECK (email IS NOT NULL) NOT VALID",
            "ALTER TABLE customer VALIDATE CONSTRAINT customer_email_not_null_check",
            "ALTER TABLE customer ALTER COLUMN email SET NOT NULL",
            "ALTER TABLE customer DROP CONSTRAINT customer_email_not_null_check",
            "ALTER TABLE customer ADD CONSTRAINT customer_age_check CHECK (age >= 0) NOT VALID",
            "ALTER TABLE customer VALIDATE CONSTRAINT customer_age_check",
            "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id)",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id)"
                + " REFERENCES customer (id) NOT VALID",
            "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey");
    assertThat(safe).as("a transactional = false revision").anyMatch(op -> !op.runsInTransaction());

    try (TestDatabase plainDb = TestDatabase.create();
        TestDatabase safeDb = TestDatabase.create();
        Connection p = plainDb.connect();
        Connection s = safeDb.connect()) {
      for (Connection c : List.of(p, s)) {
        execute(c, DIFF.diff(Database.empty(), a));
        execute(
            c,
            "INSERT INTO customer SELECT g, 'c' || g || '@example.com', g % 90 FROM"
                + " generate_series(1, 1000) g",
            "INSERT INTO orders SELECT g, 1 + g % 1000 FROM generate_series(1, 3000) g");
      }
      p.setAutoCommit(false);
      execute(p, plain); // the plain forms, in one transaction as a normal revision runs
      p.commit();
      p.setAutoCommit(true);
      execute(s, safe); // each statement committed on its own

      Database plainCatalog = DIALECT.introspect(p, "public", Set.of());
      Database safeCatalog = DIALECT.introspect(s, "public", Set.of());
      assertThat(safeCatalog).isEqualTo(plainCatalog);
      assertThat(DIFF.diff(safeCatalog, b)).as("a second autogen").isEmpty();
      String constraints =
          "SELECT conname || ' ' || contype::text || ' ' || convalidated FROM pg_constraint"
              + " WHERE conrelid IN ('customer'::regclass, 'orders'::regclass) ORDER BY conname";
      assertThat(rows(s, constraints))
          .isEqualTo(rows(p, constraints))
          .containsExactly(
              "customer_age_check c true",
              "customer_pkey p true",
              "orders_customer_id_fkey f true",
              "orders_pkey p true");
      String indexes =
          "SELECT indexrelid::regclass || ' ' || indisvalid FROM pg_index"
              + " WHERE indrelid = 'orders'::regclass ORDER BY 1";
      assertThat(rows(s, indexes))
          .isEqualTo(rows(p, indexes))
          .containsExactly("orders_customer_id_idx true", "orders_pkey true");

      execute(s, Op.reverseAll(safe));
      assertThat(DIFF.diff(DIALECT.introspect(s, "public", Set.of()), a)).as("downgrade").isEmpty();
    }
  }

  private static List<String> statements(List<Op> ops) {
    List<String> statements = new ArrayList<>();
    ops.forEach(op -> statements.addAll(DIALECT.statements(op)));
    return statements;
  }

  private static void execute(Connection c, List<Op> ops) throws SQLException {
    execute(c, statements(ops).toArray(String[]::new));
  }

  private static void execute(Connection c, String... sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  private static List<String> rows(Connection c, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = c.createStatement();
        var result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
