package dev.migrate.bench;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.lint.SafeForms;
import dev.migrate.model.Column;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.Op;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer's longest stall while a revision adds an index, a foreign key, a check and a NOT NULL
 * to a table of {@code migrate.bench.rows} (default 1,000,000) rows: the plain forms (one
 * transaction, as a normal revision runs) against the safe forms autogen writes for existing tables
 * ({@link SafeForms}: {@code CREATE INDEX CONCURRENTLY}, {@code NOT VALID} + {@code VALIDATE
 * CONSTRAINT}, {@code SET NOT NULL} through a validated check; each statement committed on its own,
 * as a {@code transactional = false} revision runs).
 *
 * <p>A writer thread inserts a row and updates a random row, alternately, in auto-commit, as fast as
 * it can, and records the time between the ends of successive writes; the figure is the longest such
 * gap while the migration runs. Before each run the table is put back (constraints and index
 * dropped, NOT NULL dropped, {@code VACUUM ANALYZE}; not timed). Each form runs {@code
 * migrate.bench.runs} times (default 3), alternating.
 *
 * <p>System properties: {@code migrate.bench.url} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/migrate_bench_safe_forms}, dropped and recreated), {@code
 * migrate.bench.user}, {@code migrate.bench.password}, {@code migrate.bench.rows}, {@code
 * migrate.bench.runs}.
 */
public final class SafeFormsBench {

  private static final PostgresDialect DIALECT = new PostgresDialect();
  private static final String URL =
      System.getProperty(
          "migrate.bench.url", "jdbc:postgresql://127.0.0.1:5432/migrate_bench_safe_forms");
  private static final String USER = System.getProperty("migrate.bench.user", "postgres");
  private static final String PASSWORD = System.getProperty("migrate.bench.password", "postgres");
  private static final int ROWS = Integer.getInteger("migrate.bench.rows", 1_000_000);
  private static final int RUNS = Integer.getInteger("migrate.bench.runs", 3);
  private static final int CUSTOMERS = 10_000;

  private SafeFormsBench() {}

  /** The revision's ops in their plain form. */
  static List<Op> plain() {
    Column note = column("note", text());
    return List.of(
        new AlterColumn(null, "orders", note, note.notNull()),
        new AddCheckConstraint(null, "orders", check("orders_amount_check", "amount >= 0")),
        new CreateIndex(null, "orders", index("orders_customer_id_idx", "customer_id")),
        new AddForeignKey(
            null,
            "orders",
            foreignKey("orders_customer_id_fkey", "customer_id").references("customer", "id")));
  }

  public static void main(String[] args) throws Exception {
    createDatabase();
    try (Connection c = connect()) {
      setup(c);
    }
    List<String> plainSql = statements(plain());
    List<String> safeSql = statements(SafeForms.apply(plain()));
    System.out.println("plain: " + plainSql);
    System.out.println("safe:  " + safeSql);
    List<String> lines = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      lines.add(measure("plain", plainSql, true));
      lines.add(measure("safe", safeSql, false));
    }
    System.out.println();
    System.out.println("form   migration_ms  longest_writer_stall_ms  writes_during_migration");
    lines.forEach(System.out::println);
  }

  private static List<String> statements(List<Op> ops) {
    List<String> sql = new ArrayList<>();
    ops.forEach(op -> sql.addAll(DIALECT.statements(op)));
    return sql;
  }

  private static String measure(String form, List<String> sql, boolean oneTransaction)
      throws Exception {
    try (Connection c = connect()) {
      reset(c);
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean migrating = new AtomicBoolean();
    AtomicLong longestGap = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    Thread writer =
        new Thread(
            () -> {
              try (Connection w = connect();
                  PreparedStatement insert =
                      w.prepareStatement(
                          "INSERT INTO orders (customer_id, amount, note) VALUES (?, ?, 'w')");
                  PreparedStatement update =
                      w.prepareStatement("UPDATE orders SET amount = amount + 1 WHERE id = ?")) {
                long last = System.nanoTime();
                boolean odd = false;
                while (!stop.get()) {
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  if (odd) {
                    update.setLong(1, 1 + random.nextInt(ROWS));
                    update.executeUpdate();
                  } else {
                    insert.setLong(1, 1 + random.nextInt(CUSTOMERS));
                    insert.setInt(2, random.nextInt(1000));
                    insert.executeUpdate();
                  }
                  odd = !odd;
                  long now = System.nanoTime();
                  if (migrating.get()) {
                    longestGap.accumulateAndGet(now - last, Math::max);
                    writes.incrementAndGet();
                  }
                  last = now;
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    Thread.sleep(1000); // the writer is warm
    long started;
    long took;
    try (Connection c = connect();
        Statement statement = c.createStatement()) {
      c.setAutoCommit(!oneTransaction);
      migrating.set(true);
      started = System.nanoTime();
      for (String s : sql) {
        statement.execute(s);
      }
      if (oneTransaction) {
        c.commit();
      }
      took = System.nanoTime() - started;
    }
    Thread.sleep(500); // the write that waited ends
    migrating.set(false);
    stop.set(true);
    writer.join();
    return String.format(
        Locale.ROOT,
        "%-6s %12d  %23d  %23d",
        form,
        took / 1_000_000,
        longestGap.get() / 1_000_000,
        writes.get());
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  private static void createDatabase() throws SQLException {
    String database = URL.substring(URL.lastIndexOf('/') + 1);
    String admin = URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    }
  }

  private static void setup(Connection c) throws SQLException {
    long started = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customer (id bigint PRIMARY KEY, name text)");
      s.execute(
          "INSERT INTO customer SELECT g, 'customer ' || g FROM generate_series(1, "
              + CUSTOMERS
              + ") g");
      s.execute(
          "CREATE TABLE orders (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
              + " customer_id bigint, amount integer, note text)");
      s.execute(
          "INSERT INTO orders (customer_id, amount, note) SELECT 1 + g % "
              + CUSTOMERS
              + ", g % 1000, 'n' || g FROM generate_series(1, "
              + ROWS
              + ") g");
      s.execute("VACUUM ANALYZE");
    }
    System.out.printf(
        Locale.ROOT,
        "setup: %,d orders, %,d customers in %d ms%n",
        ROWS,
        CUSTOMERS,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Back to the table before the revision (not timed). */
  private static void reset(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey");
      s.execute("ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_amount_check");
      s.execute("ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_note_not_null_check");
      s.execute("DROP INDEX IF EXISTS orders_customer_id_idx");
      s.execute("ALTER TABLE orders ALTER COLUMN note DROP NOT NULL");
      s.execute("VACUUM ANALYZE orders");
    }
  }
}
