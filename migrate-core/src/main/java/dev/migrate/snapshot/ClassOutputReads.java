package dev.migrate.snapshot;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads files of a class output that another process may be rewriting at that moment: a goal of one
 * {@code mvn} process reads {@value Snapshot#RESOURCE}, {@value Snapshot#REVISIONS_RESOURCE} and
 * the migration classes while another process recompiles the module, and maven-compiler-plugin
 * deletes what the previous compilation created before javac writes it again. A read that finds a
 * file missing, partial or unparsable is therefore tried again, in {@link #STEP} steps for at most
 * the given wait, before it fails: a missing file is never taken for an empty model or zero
 * revisions.
 */
public final class ClassOutputReads {

  /**
   * How long a goal waits for a missing or unreadable file of the class output before failing: 5 s,
   * longer than javac needs to recompile a module of a few hundred classes on a loaded machine,
   * short enough that a project without the model processor learns so quickly.
   */
  public static final Duration WAIT = Duration.ofSeconds(5);

  /** The pause between two attempts: 100 ms. */
  public static final Duration STEP = Duration.ofMillis(100);

  private ClassOutputReads() {}

  /**
   * An attempt found its file missing, partial or unparsable; the message says which file and what
   * was wrong with it.
   */
  public static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which file, and what was wrong with it
     * @param cause the underlying failure, or {@code null}
     */
    public NotReady(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One read of the class output. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Reads.
     *
     * @throws NotReady if a file is missing, partial or unparsable (another attempt may succeed)
     */
    T read() throws NotReady;
  }

  /**
   * The result of the first attempt that succeeds, trying again every {@link #STEP} while attempts
   * throw {@link NotReady}, for at most {@code wait} (at least once).
   *
   * @throws NotReady the last attempt's, when none succeeded within {@code wait}
   */
  public static <T> T retrying(Duration wait, Attempt<T> attempt) throws NotReady {
    Objects.requireNonNull(attempt, "attempt");
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try {
        return attempt.read();
      } catch (NotReady e) {
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
        try {
          Thread.sleep(STEP.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
