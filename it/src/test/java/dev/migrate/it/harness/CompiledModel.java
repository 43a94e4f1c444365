package dev.migrate.it.harness;

import dev.migrate.snapshot.ConverterChecks;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Entity sources compiled in-process (javac, {@code --release 17}, the test class path), with or
 * without Migrate's model processor, and the class loader over the result.
 *
 * @param classes the class output directory
 * @param loader a class loader over {@code classes} whose parent is the test class loader (JPA,
 *     Hibernate)
 * @param entityClassNames every compiled class annotated {@code @jakarta.persistence.Entity},
 *     sorted
 * @param snapshot the processor's snapshot, its converter checks resolved through {@code loader},
 *     or {@code null} when compiled without the processor
 */
public record CompiledModel(
    Path classes, URLClassLoader loader, List<String> entityClassNames, Snapshot snapshot) {

  /** All {@code .java} files under {@code root}, sorted. */
  public static List<Path> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code sources} into {@code out} without annotation processing: the entities as
   * Hibernate sees them.
   *
   * @throws CompilationFailed when javac reports an error
   */
  public static CompiledModel withoutProcessor(List<Path> sources, Path out) throws IOException {
    compile(sources, out, List.of(), List.of("-proc:none"), false);
    return load(out, null);
  }

  /**
   * Compiles {@code sources} into {@code out} with Migrate's model processor and the naming option,
   * and reads the snapshot it wrote.
   *
   * @throws CompilationFailed when javac (or the processor) reports an error; the message lists
   *     every diagnostic
   */
  public static CompiledModel withProcessor(List<Path> sources, Path out, NamingOption naming)
      throws IOException {
    compile(sources, out, List.of(), naming.processorArguments(), true);
    return load(out, SnapshotJson.readFromClassesDirectory(out));
  }

  /**
   * The snapshot with its converter checks resolved through {@code loader}, as the goals and the
   * starter read it ({@link ConverterChecks}); a check that cannot be resolved fails the test.
   */
  private static Snapshot resolved(Snapshot snapshot, ClassLoader loader) {
    ConverterChecks.Resolved resolved = ConverterChecks.resolve(snapshot, loader);
    if (!resolved.warnings().isEmpty()) {
      throw new IllegalStateException(String.join("\n", resolved.warnings()));
    }
    return new Snapshot(
        snapshot.formatVersion(),
        snapshot.capture(),
        resolved.database(),
        snapshot.entities(),
        snapshot.revisions(),
        snapshot.hibernate());
  }

  /**
   * Compiles {@code sources} into {@code out} with Migrate's model processor and exactly {@code
   * processorOptions} (e.g. none, so that the processor picks the Hibernate line from the class
   * path), and reads the snapshot it wrote.
   *
   * @throws CompilationFailed when javac (or the processor) reports an error
   */
  public static CompiledModel withProcessorOptions(
      List<Path> sources, Path out, List<String> processorOptions) throws IOException {
    compile(sources, out, List.of(), processorOptions, true);
    return load(out, SnapshotJson.readFromClassesDirectory(out));
  }

  /** Compiles generated migration sources against {@code classPath} (no processing). */
  public static void compileMigrations(List<Path> sources, Path out, List<Path> classPath)
      throws IOException {
    compile(sources, out, classPath, List.of("-proc:none"), false);
  }

  private static void compile(
      List<Path> sources,
      Path out,
      List<Path> extraClassPath,
      List<String> extraOptions,
      boolean withProcessor)
      throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath =
        System.getProperty("java.class.path")
            + extraClassPath.stream()
                .map(p -> File.pathSeparator + p)
                .collect(Collectors.joining());
    List<String> options =
        new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-classpath", classPath));
    options.addAll(extraOptions);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (var files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      if (withProcessor) {
        List<Processor> processors = new ArrayList<>();
        ServiceLoader.load(Processor.class).stream()
            .filter(p -> p.type().getName().startsWith("dev.migrate."))
            .forEach(p -> processors.add(p.get()));
        if (processors.isEmpty()) {
          throw new IllegalStateException("the model processor is not on the test class path");
        }
        task.setProcessors(processors);
      }
      if (!task.call()) {
        throw new CompilationFailed(
            diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(CompiledModel::describe)
                .toList());
      }
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file =
        d.getSource() == null
            ? ""
            : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
    return file + d.getMessage(Locale.ROOT);
  }

  private static CompiledModel load(Path out, Snapshot snapshot) throws IOException {
    URLClassLoader loader;
    try {
      loader =
          new URLClassLoader(new URL[] {out.toUri().toURL()}, CompiledModel.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    List<String> entities = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name =
            out.relativize(file)
                .toString()
                .replace(File.separatorChar, '.')
                .replaceAll("\\.class$", "");
        if (name.startsWith("META-INF")) {
          continue;
        }
        try {
          Class<?> type = Class.forName(name, false, loader);
          if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
            entities.add(name);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load compiled class " + name, e);
        }
      }
    }
    return new CompiledModel(
        out, loader, List.copyOf(entities), snapshot == null ? null : resolved(snapshot, loader));
  }

  /** javac reported errors; {@link #errors()} holds each as {@code File.java:line: message}. */
  public static final class CompilationFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    CompilationFailed(List<String> errors) {
      super(
          "compilation failed with "
              + errors.size()
              + " error(s):\n  "
              + String.join("\n  ", errors));
      this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
      return errors;
    }
  }
}
