package dev.migrate.bench;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.ConnectionSettings;
import dev.migrate.Migrate;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.schema.FanOutReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the tenant fan-out: {@value #REVISIONS} revisions applied to {@code migrate.bench.schemas} (default 100)
 * empty tenant schemas, by Migrate's fan-out at 1, 2 and 4 threads, against the floor: {@code psql} executing the
 * very same statements (the dialect's SQL for the same ops, one transaction per revision as Migrate runs them),
 * one session per schema, serially and 2 at a time.
 *
 * <p>Each revision {@code i} creates table {@code t<i>} (identity primary key, 5 more columns, two with defaults),
 * an index on it, and adds a column to {@code t<i-1>}: 3 statements (2 for the first), 59 per schema. Before each
 * measured run the tenant schemas are dropped and created again, empty (not timed). Migrate's runs happen in this
 * JVM after one warm-up fan-out over 10 schemas; psql's runs include starting a psql process per schema, which is
 * what running the DDL "with psql" costs.
 *
 * <p>System properties: {@code migrate.bench.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/migrate_fanout_bench}; the database is dropped and created), {@code
 * migrate.bench.user} ({@code postgres}), {@code migrate.bench.password} ({@code postgres}),
 * {@code migrate.bench.schemas} ({@code 100}), {@code migrate.bench.rounds} ({@code 3}, the best round is
 * reported; the runs of a round alternate), {@code migrate.bench.psql} ({@code psql}).
 */
public final class FanOutBench {

  static final int REVISIONS = 20;

  private static final String URL =
      System.getProperty("migrate.bench.url", "jdbc:postgresql://127.0.0.1:5432/migrate_fanout_bench");
  private static final String USER = System.getProperty("migrate.bench.user", "postgres");
  private static final String PASSWORD = System.getProperty("migrate.bench.password", "postgres");
  private static final int SCHEMAS = Integer.getInteger("migrate.bench.schemas", 100);
  private static final int ROUNDS = Integer.getInteger("migrate.bench.rounds", 3);
  private static final String PSQL = System.getProperty("migrate.bench.psql", "psql");

  private FanOutBench() {}

  public static void main(String[] args) throws Exception {
    createDatabase();
    List<String> schemas = new ArrayList<>();
    for (int i = 1; i <= SCHEMAS; i++) {
      schemas.add(String.format(Locale.ROOT, "tenant_%03d", i));
    }
    Migrate migrate = Migrate.configure()
        .connection(new ConnectionSettings(URL, USER, PASSWORD))
        .migrations(CHAIN)
        .load();
    Path scripts = Files.createTempDirectory("fanout-bench");
    for (String schema : schemas) {
      Files.writeString(scripts.resolve(schema + ".sql"), script(schema), StandardCharsets.UTF_8);
    }
    // warm-up: class loading and JIT of the whole path, on schemas the measured runs do not use
    recreate(List.of("warm_01", "warm_02", "warm_03", "warm_04", "warm_05", "warm_06", "warm_07", "warm_08",
        "warm_09", "warm_10"));
    migrate.forEachSchema("upgrade", List.of("warm_01", "warm_02", "warm_03", "warm_04", "warm_05", "warm_06",
        "warm_07", "warm_08", "warm_09", "warm_10"), 2, m -> m.upgrade("head")).throwIfFailed();

    System.out.printf(Locale.ROOT, "%d schemas x %d revisions (%d statements per schema), best of %d rounds%n",
        SCHEMAS, REVISIONS, statementsPerSchema(), ROUNDS);
    // The runs of a round alternate, so that a load on the machine that comes and goes hits all of them alike.
    String[] names = {"psql floor, serial", "psql floor, 2 at a time", "Migrate fan-out, 1 thread",
        "Migrate fan-out, 2 threads", "Migrate fan-out, 4 threads"};
    double[] best = new double[names.length];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int round = 1; round <= ROUNDS; round++) {
      for (int run = 0; run < names.length; run++) {
        recreate(schemas);
        int which = run;
        double seconds = time(() -> {
          if (which < 2) {
            psql(schemas, scripts, which + 1);
          } else {
            int threads = which == 2 ? 1 : which == 3 ? 2 : 4;
            FanOutReport report = migrate.forEachSchema("upgrade", schemas, threads, m -> m.upgrade("head"));
            report.throwIfFailed();
            if (report.outcomes().stream().anyMatch(o -> o.revisions() != REVISIONS)) {
              throw new IllegalStateException("a schema did not get all " + REVISIONS + " revisions");
            }
          }
        });
        System.out.printf(Locale.ROOT, "  round %d: %-28s %8.2f s%n", round, names[run], seconds);
        best[run] = Math.min(best[run], seconds);
      }
    }
    double psql1 = best[0];
    double psql2 = best[1];
    double[] migrateSeconds = {best[2], best[3], best[4]};
    System.out.printf(Locale.ROOT, "%-28s %8s %12s%n", "run", "seconds", "schemas/s");
    row("psql floor, serial", psql1);
    row("psql floor, 2 at a time", psql2);
    row("Migrate fan-out, 1 thread", migrateSeconds[0]);
    row("Migrate fan-out, 2 threads", migrateSeconds[1]);
    row("Migrate fan-out, 4 threads", migrateSeconds[2]);
    System.out.printf(Locale.ROOT, "ratio at equal parallelism: 1 -> %.2fx, 2 -> %.2fx (goal <= 1.3x)%n",
        migrateSeconds[0] / psql1, migrateSeconds[1] / psql2);
  }

  private static void row(String name, double seconds) {
    System.out.printf(Locale.ROOT, "%-28s %8.2f %12.1f%n", name, seconds, SCHEMAS / seconds);
  }

  // ------------------------------------------------------------------------------------------- the chain

  /** The ops of revision {@code i} (1-based), as its {@code upgrade} states them. */
  static List<Op> ops(int i) {
    List<Op> ops = new ArrayList<>();
    up(new Operations(ops::add), i);
    return ops;
  }

  private static void up(Operations op, int i) {
    op.createTable(table(i));
    op.createIndex("t" + i, index("t" + i + "_name_idx", "name"));
    if (i > 1) {
      op.addColumn("t" + (i - 1), column("note", text()));
    }
  }

  private static void down(Operations op, int i) {
    if (i > 1) {
      op.dropColumn("t" + (i - 1), column("note", text()));
    }
    op.dropIndex("t" + i, index("t" + i + "_name_idx", "name"));
    op.dropTable(table(i));
  }

  private static dev.migrate.model.Table table(int i) {
    return dev.migrate.runtime.Ddl.table("t" + i,
        column("id", bigint()).asIdentity(),
        column("tenant_ref", bigint()),
        column("name", varchar(255)).notNull(),
        column("amount", numeric(12, 2)).withDefault("0"),
        column("active", bool()).notNull().withDefault("true"),
        column("created", timestamptz(6)).notNull().withDefault("now()"),
        primaryKey("t" + i + "_pkey", "id"));
  }

  /** Revision {@code i} of the chain. */
  public abstract static class Step implements Migration {
    private final int i;

    Step(int i) {
      this.i = i;
    }

    @Override
    public void upgrade(Operations op) {
      up(op, i);
    }

    @Override
    public void downgrade(Operations op) {
      down(op, i);
    }
  }

  @Revision(id = "b00000000001") public static final class R01 extends Step { public R01() { super(1); } }
  @Revision(id = "b00000000002", revises = "b00000000001") public static final class R02 extends Step { public R02() { super(2); } }
  @Revision(id = "b00000000003", revises = "b00000000002") public static final class R03 extends Step { public R03() { super(3); } }
  @Revision(id = "b00000000004", revises = "b00000000003") public static final class R04 extends Step { public R04() { super(4); } }
  @Revision(id = "b00000000005", revises = "b00000000004") public static final class R05 extends Step { public R05() { super(5); } }
  @Revision(id = "b00000000006", revises = "b00000000005") public static final class R06 extends Step { public R06() { super(6); } }
  @Revision(id = "b00000000007", revises = "b00000000006") public static final class R07 extends Step { public R07() { super(7); } }
  @Revision(id = "b00000000008", revises = "b00000000007") public static final class R08 extends Step { public R08() { super(8); } }
  @Revision(id = "b00000000009", revises = "b00000000008") public static final class R09 extends Step { public R09() { super(9); } }
  @Revision(id = "b00000000010", revises = "b00000000009") public static final class R10 extends Step { public R10() { super(10); } }
  @Revision(id = "b00000000011", revises = "b00000000010") public static final class R11 extends Step { public R11() { super(11); } }
  @Revision(id = "b00000000012", revises = "b00000000011") public static final class R12 extends Step { public R12() { super(12); } }
  @Revision(id = "b00000000013", revises = "b00000000012") public static final class R13 extends Step { public R13() { super(13); } }
  @Revision(id = "b00000000014", revises = "b00000000013") public static final class R14 extends Step { public R14() { super(14); } }
  @Revision(id = "b00000000015", revises = "b00000000014") public static final class R15 extends Step { public R15() { super(15); } }
  @Revision(id = "b00000000016", revises = "b00000000015") public static final class R16 extends Step { public R16() { super(16); } }
  @Revision(id = "b00000000017", revises = "b00000000016") public static final class R17 extends Step { public R17() { super(17); } }
  @Revision(id = "b00000000018", revises = "b00000000017") public static final class R18 extends Step { public R18() { super(18); } }
  @Revision(id = "b00000000019", revises = "b00000000018") public static final class R19 extends Step { public R19() { super(19); } }
  @Revision(id = "b00000000020", revises = "b00000000019") public static final class R20 extends Step { public R20() { super(20); } }

  static final List<Class<?>> CHAIN = List.of(R01.class, R02.class, R03.class, R04.class, R05.class, R06.class,
      R07.class, R08.class, R09.class, R10.class, R11.class, R12.class, R13.class, R14.class, R15.class, R16.class,
      R17.class, R18.class, R19.class, R20.class);

  // ---------------------------------------------------------------------------------------------- the floor

  /** The psql script of one schema: the dialect's statements, one transaction per revision. */
  static String script(String schema) {
    PostgresDialect dialect = new PostgresDialect();
    StringBuilder sql = new StringBuilder("SET search_path TO ").append(dialect.quote(schema)).append(";\n");
    for (int i = 1; i <= REVISIONS; i++) {
      sql.append("BEGIN;\n");
      for (Op op : ops(i)) {
        for (String statement : dialect.statements(op)) {
          sql.append(statement).append(";\n");
        }
      }
      sql.append("COMMIT;\n");
    }
    return sql.toString();
  }

  private static int statementsPerSchema() {
    PostgresDialect dialect = new PostgresDialect();
    int n = 0;
    for (int i = 1; i <= REVISIONS; i++) {
      for (Op op : ops(i)) {
        n += dialect.statements(op).size();
      }
    }
    return n;
  }

  /** Runs each schema's script with its own psql process, {@code parallel} at a time. */
  private static void psql(List<String> schemas, Path scripts, int parallel) throws Exception {
    String database = URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String hostPort = URL.substring(URL.indexOf("//") + 2, URL.lastIndexOf('/'));
    String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
    String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (String schema : schemas) {
        runs.add(pool.submit(() -> {
          ProcessBuilder builder = new ProcessBuilder(PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p",
              port, "-U", USER, "-d", database, "-f", scripts.resolve(schema + ".sql").toString());
          builder.environment().put("PGPASSWORD", PASSWORD);
          builder.redirectErrorStream(true);
          Process process = builder.start();
          String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed on " + schema + ": " + output);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ----------------------------------------------------------------------------------------------- plumbing

  private interface Timed {
    void run() throws Exception;
  }

  private static double time(Timed timed) throws Exception {
    long started = System.nanoTime();
    timed.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private static void createDatabase() throws SQLException {
    String database = URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String admin = URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    }
  }

  /** Drops {@code schemas} and creates them again, empty. */
  private static void recreate(List<String> schemas) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("CREATE SCHEMA " + schema);
      }
      s.execute("CHECKPOINT");
    }
  }
}
