package dev.migrate.bench;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Op;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures {@link PostgresDialect#introspect} on a schema of many tables.
 *
 * <p>{@code setup} drops and creates the database {@code migrate_bench} and in it the schema {@code bench}
 * with {@code tables} tables, each of 8 columns, a primary key, 1 index and 1 foreign key, using the SQL the
 * dialect generates for the corresponding {@code CreateTable}, {@code CreateIndex} and {@code AddForeignKey} ops.
 * {@code run} reads the schema back: the first call in the process ("cold": class loading, JIT and the driver's
 * first statements included), then {@value #WARM_RUNS} more ("warm", reported as median, min and max), and counts
 * the statements executed. Run {@code setup} and {@code run} as separate processes so that the cold figure is a
 * fresh JVM's.
 *
 * <p>System properties: {@code migrate.bench.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/migrate_bench}), {@code migrate.bench.user} ({@code postgres}),
 * {@code migrate.bench.password} ({@code postgres}), {@code migrate.bench.tables} ({@code 1000}).
 */
public final class IntrospectBench {

  private static final String URL =
      System.getProperty("migrate.bench.url", "jdbc:postgresql://127.0.0.1:5432/migrate_bench");
  private static final String USER = System.getProperty("migrate.bench.user", "postgres");
  private static final String PASSWORD = System.getProperty("migrate.bench.password", "postgres");
  private static final int TABLES = Integer.getInteger("migrate.bench.tables", 1000);
  private static final String SCHEMA = "bench";
  private static final int WARM_RUNS = 10;

  private IntrospectBench() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "run" : args[0];
    switch (mode) {
      case "setup":
        setup();
        break;
      case "run":
        run();
        break;
      default:
        System.err.println("usage: IntrospectBench setup|run   (see bench/README.md)");
        System.exit(2);
    }
  }

  /** The benchmark model: {@code t0001} ... with 8 columns, a primary key, an index and a foreign key each. */
  static Database model(int tables) {
    List<Table> result = new ArrayList<>();
    for (int i = 1; i <= tables; i++) {
      String name = table(i);
      result.add(Table.of(null, name, List.of(
          Column.of("id", SqlType.bigint()).asIdentity(),
          Column.of("tenant_id", SqlType.integer()).notNull(),
          Column.of("name", SqlType.varchar(100)).notNull(),
          Column.of("email", SqlType.varchar(255)),
          Column.of("amount", SqlType.numeric(12, 2)).notNull().withDefault("0"),
          Column.of("created_at", SqlType.timestamptz(6)).notNull().withDefault("now()"),
          Column.of("active", SqlType.bool()).withDefault("true"),
          Column.of("parent_id", SqlType.bigint()),
          new PrimaryKey(name + "_pkey", List.of("id")),
          Index.on(name + "_tenant_name_idx", List.of("tenant_id", "name"), false),
          new ForeignKey(name + "_parent_id_fkey", List.of("parent_id"), null, table(i % tables + 1),
              List.of("id"), ReferentialAction.SET_NULL, null))));
    }
    return new Database(result, List.of());
  }

  private static String table(int i) {
    return String.format("t%04d", i);
  }

  private static void setup() throws SQLException {
    recreateDatabase();
    PostgresDialect dialect = new PostgresDialect();
    Database model = model(TABLES);
    List<Op> ops = new ArrayList<>();
    model.tables().forEach(t -> ops.add(new CreateTable(t.withoutIndexesAndForeignKeys())));
    model.tables().forEach(t -> t.indexes().forEach(i -> ops.add(new CreateIndex(null, t.name(), i))));
    model.tables().forEach(t -> t.foreignKeys().forEach(f -> ops.add(new AddForeignKey(null, t.name(), f))));
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + SCHEMA);
      statement.execute("SET search_path TO " + SCHEMA);
      connection.setAutoCommit(false);
      // Batches of a few hundred statements per transaction: one transaction for all would hold a lock per
      // relation and overflow the lock table (max_locks_per_transaction).
      int count = 0;
      for (Op op : ops) {
        for (String sql : dialect.statements(op)) {
          statement.addBatch(sql);
          if (++count % 300 == 0) {
            statement.executeBatch();
            connection.commit();
          }
        }
      }
      statement.executeBatch();
      connection.commit();
      System.out.printf("setup: %d tables, %d statements in %d ms%n", TABLES, count,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** Drops (ending its sessions) and creates the benchmark database, through the server's {@code postgres}. */
  private static void recreateDatabase() throws SQLException {
    int slash = URL.lastIndexOf('/');
    int query = URL.indexOf('?', slash);
    String database = URL.substring(slash + 1, query < 0 ? URL.length() : query);
    String admin = URL.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : URL.substring(query));
    try (Connection connection = DriverManager.getConnection(admin, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(database) + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(database));
    }
  }

  private static void run() throws SQLException {
    PostgresDialect dialect = new PostgresDialect();
    try (Connection raw = DriverManager.getConnection(URL, USER, PASSWORD)) {
      AtomicInteger queries = new AtomicInteger();
      List<Long> queryNanos = new ArrayList<>();
      Connection connection = counting(raw, queries, queryNanos);

      long started = System.nanoTime();
      Database cold = dialect.introspect(connection, SCHEMA, Set.of());
      double coldMillis = (System.nanoTime() - started) / 1e6;
      int coldQueries = queries.get();
      check(cold);

      double[] warm = new double[WARM_RUNS];
      double[][] perQuery = new double[coldQueries][WARM_RUNS];
      for (int i = 0; i < WARM_RUNS; i++) {
        queries.set(0);
        queryNanos.clear();
        started = System.nanoTime();
        Database database = dialect.introspect(connection, SCHEMA, Set.of());
        warm[i] = (System.nanoTime() - started) / 1e6;
        if (queries.get() != coldQueries || database.tables().size() != cold.tables().size()) {
          throw new IllegalStateException("run " + i + " differs from the first");
        }
        for (int q = 0; q < coldQueries; q++) {
          perQuery[q][i] = queryNanos.get(q) / 1e6;
        }
      }
      Arrays.sort(warm);
      double median = (warm[WARM_RUNS / 2 - 1] + warm[WARM_RUNS / 2]) / 2;
      long columns = cold.tables().stream().mapToLong(t -> t.columns().size()).sum();
      System.out.printf("schema %s: %d tables, %d columns, %d indexes, %d foreign keys%n", SCHEMA,
          cold.tables().size(), columns, cold.tables().stream().mapToLong(t -> t.indexes().size()).sum(),
          cold.tables().stream().mapToLong(t -> t.foreignKeys().size()).sum());
      System.out.printf("queries per introspect: %d%n", coldQueries);
      System.out.printf("cold (first call in this JVM): %.1f ms%n", coldMillis);
      System.out.printf("warm (%d runs): median %.1f ms, min %.1f ms, max %.1f ms%n", WARM_RUNS, median, warm[0],
          warm[WARM_RUNS - 1]);
      StringBuilder split = new StringBuilder("warm median per query (execute and fetch), in order:");
      for (double[] times : perQuery) {
        Arrays.sort(times);
        split.append(String.format(" %.1f", (times[WARM_RUNS / 2 - 1] + times[WARM_RUNS / 2]) / 2));
      }
      System.out.println(split.append(" ms"));
    }
  }

  /** Fails unless {@code database} is the benchmark model (so a stale or partial setup is not measured). */
  private static void check(Database database) {
    if (database.tables().size() != TABLES) {
      throw new IllegalStateException("schema " + SCHEMA + " has " + database.tables().size() + " tables, not "
          + TABLES + ": run `setup` first (see bench/README.md)");
    }
    Database expected = model(TABLES);
    for (int i = 0; i < TABLES; i++) {
      Table actual = database.tables().get(i);
      Table wanted = expected.tables().get(i);
      if (actual.columns().size() != 8 || !actual.indexes().equals(wanted.indexes())
          || !actual.foreignKeys().equals(wanted.foreignKeys()) || !actual.primaryKey().equals(wanted.primaryKey())) {
        throw new IllegalStateException("table " + actual.name() + " is not the benchmark's: run `setup` again");
      }
    }
  }

  /**
   * {@code connection} with every statement execution counted into {@code queries} and its duration (execution
   * plus fetching the rows, which the driver does before {@code executeQuery} returns) appended to {@code nanos}.
   */
  private static Connection counting(Connection connection, AtomicInteger queries, List<Long> nanos) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          if (result instanceof Statement statement) {
            Class<?> type = method.getReturnType();
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
              if (!m.getName().startsWith("execute")) {
                return invoke(statement, m, a);
              }
              queries.incrementAndGet();
              long started = System.nanoTime();
              try {
                return invoke(statement, m, a);
              } finally {
                nanos.add(System.nanoTime() - started);
              }
            });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
