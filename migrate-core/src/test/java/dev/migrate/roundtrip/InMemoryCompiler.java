package dev.migrate.roundtrip;

import dev.migrate.runtime.Migration;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated migration classes in memory, against the test class path, and loads them in a
 * class loader of their own: the render → compile → run path a user's build takes, without files.
 */
final class InMemoryCompiler {

  private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

  private InMemoryCompiler() {}

  /**
   * Compiles {@code sources} (fully qualified class name → source) together and loads every class.
   *
   * @throws AssertionError with the compiler's diagnostics and the numbered sources if they do not
   *     compile
   */
  static List<Class<?>> compile(Map<String, String> sources) throws Exception {
    StandardJavaFileManager standard = COMPILER.getStandardFileManager(null, null, null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager files =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
              }
            };
          }
        };
    List<JavaFileObject> units = new ArrayList<>();
    for (var source : sources.entrySet()) {
      units.add(
          new SimpleJavaFileObject(
              URI.create("string:///" + source.getKey().replace('.', '/') + ".java"),
              JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source.getValue();
            }
          });
    }
    StringWriter diagnostics = new StringWriter();
    boolean ok =
        COMPILER
            .getTask(
                diagnostics,
                files,
                null,
                List.of("-classpath", classPath(), "-proc:none", "-Xlint:all", "-Werror"),
                null,
                units)
            .call();
    if (!ok) {
      throw new AssertionError(
          "generated migrations do not compile:\n"
              + diagnostics
              + "\n"
              + String.join("\n\n", sources.values()));
    }
    ClassLoader loader =
        new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes.toByteArray(), 0, bytes.size());
          }
        };
    List<Class<?>> loaded = new ArrayList<>();
    for (String name : sources.keySet()) {
      loaded.add(loader.loadClass(name));
    }
    return loaded;
  }

  /**
   * The test JVM's class path, plus where the runtime classes are (Surefire may pass a
   * manifest-only jar).
   */
  private static String classPath() throws URISyntaxException {
    Set<String> entries =
        new LinkedHashSet<>(
            List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    entries.add(
        Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    return String.join(File.pathSeparator, entries);
  }
}
