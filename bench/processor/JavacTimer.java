package dev.migrate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Runs javac ({@code com.sun.tools.javac.Main}, what the {@code javac} launcher runs) in this JVM with the given
 * arguments and prints, on one line to standard output, the CPU time of the thread that compiled and of the whole
 * process, in milliseconds. javac does its work on that one thread (parsing, annotation processing, code
 * generation); the rest of the process time is the JIT compiler and the garbage collector. Under load from other
 * processes the thread's CPU time moves far less than wall-clock time, which makes it the steadier figure for
 * comparing two processors on a busy machine. Exits with javac's status.
 */
public final class JavacTimer {

  private JavacTimer() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long thread = threads.getCurrentThreadCpuTime();
    int status = com.sun.tools.javac.Main.compile(args);
    thread = threads.getCurrentThreadCpuTime() - thread;
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    System.out.println(thread / 1_000_000 + " " + process / 1_000_000);
    System.exit(status);
  }
}
