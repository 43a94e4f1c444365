package dev.migrate.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Runs javac with the processor on a real class output directory, which is also on the class path,
 * as Maven and IDEs do: what a partial recompile sees. (compile-testing keeps its class output in
 * memory and cannot be seeded.)
 */
final class DiskCompiler {

  private DiskCompiler() {}

  /** The outcome: whether javac succeeded, and what it reported. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {

    List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getMessage(Locale.ROOT))
          .toList();
    }

    @Override
    public String toString() {
      return diagnostics.stream()
          .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n", "success=" + success + "\n", ""));
    }
  }

  /**
   * Compiles {@code sources} into {@code classOutput}; the class path is {@code classOutput} and
   * the test's.
   */
  static Result compile(Path classOutput, List<String> options, JavaFileObject... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<File> classpath = new ArrayList<>();
      classpath.add(classOutput.toFile());
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(new File(entry));
      }
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classOutput.toFile()));
      files.setLocation(StandardLocation.CLASS_PATH, classpath);
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, List.of(sources));
      task.setProcessors(List.of(new ModelProcessor()));
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
