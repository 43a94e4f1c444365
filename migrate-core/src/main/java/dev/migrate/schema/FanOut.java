package dev.migrate.schema;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.runner.RunFailedException;
import dev.migrate.runner.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one goal over many schemas on a fixed number of threads in this JVM, as Alembic's recipe
 * runs one process per schema, but without a JVM per schema.
 *
 * <p>Each schema is independent: its own lock, its own transactions (see {@link
 * dev.migrate.runner.Runner}), so a schema that fails stays at its last good revision and the
 * others carry on. Progress lines ({@code "upgrade: 37/50 schemas done, 1 failed, 12.4 schemas/s"})
 * go to the log at most once a second and once at the end; a failure is logged when it happens.
 */
public final class FanOut {

  /** Shortest pause between two progress lines, in nanoseconds. */
  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  /** What a schema's "from" or "to" reads when it could not be found out. */
  public static final String UNKNOWN = "?";

  private final int threads;
  private final Consumer<String> log;

  /**
   * @param threads how many schemas run at once, at least 1
   * @param log receives the progress lines and the failures
   */
  public FanOut(int threads, Consumer<String> log) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The default parallelism for {@code schemas} schemas: {@code min(4, schemas)}, at least 1. */
  public static int defaultThreads(int schemas) {
    return Math.max(1, Math.min(4, schemas));
  }

  /**
   * Runs {@code task} for every schema and waits for all of them.
   *
   * @param goal the goal's name, for the progress lines and the report
   * @param task the goal in one schema; its {@link RunResult} becomes the schema's outcome, a
   *     {@link RunFailedException} a failed outcome at the revision the run reached, any other
   *     exception a failed outcome at the revision {@code current} then reports
   * @param current the revision(s) a schema is at, asked after a failure that did not say
   * @throws MigrateException ({@link ErrorCode#CONNECTION}) if the calling thread is interrupted
   *     while it waits; the schemas still queued do not start
   */
  public FanOutReport run(
      String goal,
      List<String> schemas,
      Function<String, RunResult> task,
      Function<String, List<String>> current) {
    long started = System.nanoTime();
    Progress progress = new Progress(goal, schemas.size(), started);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.min(threads, Math.max(1, schemas.size())), threadFactory());
    try {
      List<Future<SchemaOutcome>> futures = new ArrayList<>();
      for (String schema : schemas) {
        futures.add(
            executor.submit(
                () -> {
                  SchemaOutcome outcome = runOne(schema, task, current);
                  progress.done(outcome);
                  return outcome;
                }));
      }
      List<SchemaOutcome> outcomes = new ArrayList<>();
      for (Future<SchemaOutcome> future : futures) {
        try {
          outcomes.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "a fan-out task threw past its own handler", e.getCause());
        }
      }
      progress.finish();
      return new FanOutReport(goal, outcomes, threads, millisSince(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrateException(
          ErrorCode.CONNECTION,
          goal
              + " was interrupted after "
              + progress.done.get()
              + " of "
              + schemas.size()
              + " schema(s); schemas not started stay as they were.",
          e);
    } finally {
      executor.shutdownNow();
    }
  }

  private static SchemaOutcome runOne(
      String schema, Function<String, RunResult> task, Function<String, List<String>> current) {
    long started = System.nanoTime();
    try {
      RunResult result = task.apply(schema);
      return new SchemaOutcome(
          schema,
          result.from(),
          result.to(),
          result.revisions().size(),
          millisSince(started),
          null,
          null);
    } catch (RunFailedException e) {
      RunResult partial = e.partial();
      return new SchemaOutcome(
          schema,
          partial.from(),
          partial.to(),
          partial.revisions().size(),
          millisSince(started),
          e.getMessage(),
          e.code());
    } catch (RuntimeException e) {
      String at;
      try {
        List<String> heads = current.apply(schema);
        at = heads.isEmpty() ? null : String.join(",", heads);
      } catch (RuntimeException again) {
        at = UNKNOWN;
      }
      String message = e instanceof MigrateException ? e.getMessage() : e.toString();
      ErrorCode code = e instanceof MigrateException m ? m.code() : null;
      return new SchemaOutcome(schema, UNKNOWN, at, 0, millisSince(started), message, code);
    }
  }

  private static ThreadFactory threadFactory() {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "migrate-fan-out-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /** Counts finished schemas and writes the progress lines. */
  private final class Progress {

    private final String goal;
    private final int total;
    private final long started;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private long lastLine;

    Progress(String goal, int total, long started) {
      this.goal = goal;
      this.total = total;
      this.started = started;
      this.lastLine = started;
    }

    void done(SchemaOutcome outcome) {
      done.incrementAndGet();
      if (outcome.failed()) {
        failed.incrementAndGet();
        String firstLine = outcome.error().lines().findFirst().orElse("");
        log.accept(goal + " FAILED in schema " + outcome.schema() + ": " + firstLine);
      }
      synchronized (this) {
        long now = System.nanoTime();
        if (now - lastLine >= PROGRESS_EVERY_NANOS) {
          lastLine = now;
          log.accept(line(now));
        }
      }
    }

    synchronized void finish() {
      log.accept(line(System.nanoTime()));
    }

    private String line(long now) {
      double seconds = Math.max(1e-9, (now - started) / 1e9);
      return String.format(
          Locale.ROOT,
          "%s: %d/%d schemas done, %d failed, %.1f schemas/s",
          goal,
          done.get(),
          total,
          failed.get(),
          done.get() / seconds);
    }
  }
}
