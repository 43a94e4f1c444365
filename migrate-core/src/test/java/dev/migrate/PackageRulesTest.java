package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code docs/ARCHITECTURE.md}, checked on the imports of every main source file of
 * this module: the model and the ops depend on nothing, the diff does no I/O, only the facade
 * package knows the facade, and what a migration class needs at run time ({@code runtime}) stays
 * small. A new import that breaks a rule fails here with the file and the import, so that the map
 * stays true.
 */
class PackageRulesTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+?)\\.[A-Z][\\w.*]*;", Pattern.MULTILINE);

  /**
   * Package → the dev.migrate packages it may import (besides itself and the error types of the
   * facade package).
   */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "dev.migrate.model", Set.of(),
          "dev.migrate.ops", Set.of("dev.migrate.model"),
          "dev.migrate.diff", Set.of("dev.migrate.model", "dev.migrate.ops"),
          "dev.migrate.runtime", Set.of("dev.migrate.model", "dev.migrate.ops"),
          "dev.migrate.codegen",
              Set.of(
                  "dev.migrate.model",
                  "dev.migrate.ops",
                  "dev.migrate.runtime",
                  "dev.migrate.dialect",
                  "dev.migrate.dialect.postgres",
                  "dev.migrate.lint"),
          "dev.migrate.lint", Set.of("dev.migrate.model", "dev.migrate.ops", "dev.migrate.dialect"),
          "dev.migrate.dialect", Set.of("dev.migrate.model", "dev.migrate.ops", "dev.migrate.diff"),
          "dev.migrate.snapshot", Set.of("dev.migrate.model"));

  /** Packages whose code must do no I/O: no JDBC, no files, no network. */
  private static final Set<String> PURE =
      Set.of(
          "dev.migrate.model",
          "dev.migrate.ops",
          "dev.migrate.diff",
          "dev.migrate.codegen",
          "dev.migrate.lint",
          "dev.migrate.runtime");

  /**
   * What lower layers may use of the facade package: its error and settings types, never the
   * facade.
   */
  private static final Set<String> FACADE_TYPES_FOR_ALL = Set.of("MigrateException", "ErrorCode");

  @Test
  void layersImportOnlyWhatTheMapAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    imports()
        .forEach(
            (file, imports) -> {
              String pkg = packageOf(file);
              for (String imported : imports) {
                String importedPackage = imported.substring(0, imported.lastIndexOf('.'));
                if (!importedPackage.startsWith("dev.migrate") || importedPackage.equals(pkg)) {
                  continue;
                }
                if (importedPackage.equals("dev.migrate")) {
                  if (!pkg.equals("dev.migrate")
                      && !FACADE_TYPES_FOR_ALL.contains(simpleName(imported))
                      && ALLOWED.containsKey(pkg)) {
                    violations.add(file + " imports " + imported);
                  }
                  continue;
                }
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed != null && !allowed.contains(importedPackage)) {
                  violations.add(file + " imports " + imported);
                }
              }
            });
    assertThat(violations)
        .as("imports that break the package rules of docs/ARCHITECTURE.md")
        .isEmpty();
  }

  @Test
  void pureLayersDoNoIo() throws IOException {
    List<String> violations = new ArrayList<>();
    imports()
        .forEach(
            (file, imports) -> {
              if (PURE.contains(packageOf(file))) {
                imports.stream()
                    .filter(
                        i ->
                            i.startsWith("java.sql.")
                                || i.startsWith("javax.sql.")
                                || i.startsWith("java.net."))
                    .forEach(i -> violations.add(file + " imports " + i));
              }
            });
    assertThat(violations).as("I/O in a package that must be pure").isEmpty();
  }

  @Test
  void onlyTheFacadePackageUsesTheFacade() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(SOURCES.relativize(file).toString());
      if (!pkg.equals("dev.migrate")
          && Pattern.compile(
                  "\\bMigrate\\.(configure|Configuration)\\b|import dev\\.migrate\\.Migrate;")
              .matcher(Files.readString(file))
              .find()) {
        violations.add(SOURCES.relativize(file).toString());
      }
    }
    assertThat(violations)
        .as("files outside dev.migrate that use the Migrate facade (a package cycle)")
        .isEmpty();
  }

  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> imports = new TreeMap<>();
    for (Path file : sources()) {
      Set<String> names = new TreeSet<>();
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String full = m.group(0).replaceFirst("^import (static )?", "").replace(";", "");
        // keep the class, not a static member or a wildcard
        String[] parts = full.split("\\.");
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
          name.append(name.length() == 0 ? "" : ".").append(part);
          if (Character.isUpperCase(part.charAt(0))) {
            break;
          }
        }
        names.add(name.toString());
      }
      imports.put(SOURCES.relativize(file).toString(), names);
    }
    return imports;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String packageOf(String relativeFile) {
    return relativeFile.substring(0, relativeFile.lastIndexOf('/')).replace('/', '.');
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
