package dev.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.snapshot.Snapshot;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Migration classes a test writes as sources into a temporary folder, compiled and loaded as a
 * build would.
 */
public final class MigrationSources {

  private MigrationSources() {}

  /**
   * Compiles every {@code .java} file under {@code sources} (a source root, packages as folders)
   * into {@code classes}, and writes the index of revision classes that the model processor writes
   * in a real build.
   */
  public static void compile(Path sources, Path classes) throws IOException {
    Files.createDirectories(classes);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (var fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-proc:none",
              "-classpath",
              System.getProperty("java.class.path") + File.pathSeparator + classes);
      assertThat(
              javac
                  .getTask(null, fm, null, options, null, fm.getJavaFileObjectsFromPaths(files))
                  .call())
          .as("the generated migrations compile")
          .isTrue();
    }
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      names.add(
          sources.relativize(f).toString().replace(".java", "").replace(File.separatorChar, '.'));
    }
    Path index = classes.resolve(Snapshot.REVISIONS_RESOURCE);
    Files.createDirectories(index.getParent());
    Files.write(index, names);
  }

  /** A class loader over the compiled {@code classes}, with the test's class path as its parent. */
  public static ClassLoader loader(Path classes) throws IOException {
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, MigrationSources.class.getClassLoader());
  }
}
