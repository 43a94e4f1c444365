package dev.migrate.bench;

import static dev.migrate.runtime.Ddl.*;

import dev.migrate.ConnectionSettings;
import dev.migrate.Migrate;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.model.Database;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.ModelReplay;
import dev.migrate.ops.Op;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Times {@code migrate:check} on a chain of N revisions (default 200), offline (ops replayed in memory) and replay
 * (every revision applied in a throwaway schema of a real PostgreSQL, read back, dropped).
 *
 * <p>The chain is real generated code: {@link MigrationWriter} renders N migration classes (every tenth creates a
 * table {@code tNN} with an identity key, the nine after it each add a column to it), javac compiles them, a class
 * loader loads them. The model is what the chain builds, so both checks must pass; the harness fails otherwise.
 * Each mode runs once cold (first call in the JVM) and then {@code -Dmigrate.bench.runs} times warm (median, min,
 * max). Graph loading (reflection over the N classes, validation) is timed separately.
 *
 * <pre>java -cp ... dev.migrate.bench.CheckBench          # system properties: migrate.bench.url, .user,
 *                                                    # .password, .revisions (200), .runs (5)</pre>
 */
public final class CheckBench {

  private static final String PACKAGE = "bench.migrations";

  private CheckBench() {}

  public static void main(String[] args) throws Exception {
    int revisions = Integer.getInteger("migrate.bench.revisions", 200);
    int runs = Integer.getInteger("migrate.bench.runs", 5);
    String url = System.getProperty("migrate.bench.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = System.getProperty("migrate.bench.user", "postgres");
    String password = System.getProperty("migrate.bench.password", "postgres");

    Path work = Files.createTempDirectory("migrate-check-bench");
    List<Op> all = new ArrayList<>();
    String previous = null;
    MigrationWriter writer = new MigrationWriter();
    List<String> classNames = new ArrayList<>();
    for (int i = 0; i < revisions; i++) {
      String table = String.format("t%03d", i / 10);
      Op op = i % 10 == 0
          ? new CreateTable(table(table, column("id", bigint()).asIdentity(), primaryKey(table + "_pkey", "id")))
          : new AddColumn(null, table, column(String.format("c%d", i % 10), i % 2 == 0 ? varchar(255) : integer()));
      all.add(op);
      String id = String.format("%012x", 0xbe0000000000L + i);
      String className = String.format("R%04d", i);
      writer.write(MigrationSpec.autogen(PACKAGE, className, id, previous == null ? List.of() : List.of(previous),
          "step " + i, List.of(op), List.of()), work.resolve("src"));
      classNames.add(PACKAGE + "." + className);
      previous = id;
    }
    compile(work);
    Database model = ModelReplay.apply(Database.empty(), all);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
        CheckBench.class.getClassLoader())) {
      List<Class<?>> classes = new ArrayList<>();
      for (String name : classNames) {
        classes.add(Class.forName(name, true, loader));
      }
      long t0 = System.nanoTime();
      Migrate offline = Migrate.configure().migrations(classes).load();
      long loadMicros = (System.nanoTime() - t0) / 1000;
      System.out.printf("chain of %d revisions, %d tables; graph load and validation: %.1f ms%n", revisions,
          model.tables().size(), loadMicros / 1000.0);

      time("offline", runs, () -> offline.check(CheckMode.OFFLINE, model));

      Migrate replay = Migrate.configure()
          .connection(new ConnectionSettings(url, user, password))
          .migrations(classes)
          .load();
      try (Connection c = DriverManager.getConnection(url, props(user, password))) {
        c.createStatement().close();   // fail early, with the driver's message, if the server is not there
      }
      time("replay", runs, () -> replay.check(CheckMode.REPLAY, model));
    }
  }

  private interface Check {
    CheckResult run();
  }

  private static void time(String mode, int runs, Check check) {
    long cold = once(mode, check);
    long[] warm = new long[runs];
    for (int i = 0; i < runs; i++) {
      warm[i] = once(mode, check);
    }
    Arrays.sort(warm);
    System.out.printf("check %-7s cold %8.1f ms | warm median %8.1f ms (min %.1f, max %.1f, %d runs)%n", mode,
        cold / 1000.0, warm[runs / 2] / 1000.0, warm[0] / 1000.0, warm[runs - 1] / 1000.0, runs);
  }

  private static long once(String mode, Check check) {
    long t0 = System.nanoTime();
    CheckResult result = check.run();
    long micros = (System.nanoTime() - t0) / 1000;
    if (!result.passed()) {
      throw new IllegalStateException("the " + mode + " check must pass on the benchmark chain:\n" + result.report());
    }
    return micros;
  }

  private static void compile(Path work) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", work.resolve("classes").toString(), "-proc:none",
        "-cp", System.getProperty("java.class.path")));
    try (var files = Files.walk(work.resolve("src"))) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    Files.createDirectories(work.resolve("classes"));
    if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the generated migrations do not compile; see above");
    }
  }

  private static Properties props(String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }
}
