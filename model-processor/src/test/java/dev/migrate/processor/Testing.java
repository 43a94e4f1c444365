package dev.migrate.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles sources with the processor and reads what it wrote or reported. */
final class Testing {

  private Testing() {}

  /** A source file; {@code text} is the whole compilation unit. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * An entity {@code com.acme.<simpleName>} with {@code import jakarta.persistence.*;} and the body
   * given.
   */
  static JavaFileObject entity(String simpleName, String text) {
    return source(
        "com.acme." + simpleName, "package com.acme;\n\nimport jakarta.persistence.*;\n\n" + text);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /**
   * {@link #compile} under {@code -Amigrate.strict=true}: unmodelled mappings are errors, so a test
   * can assert the message with {@link #assertSingleError}.
   */
  static Compilation compileStrict(JavaFileObject... sources) {
    return compile(List.of("-Amigrate.strict=true"), sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return javac().withProcessors(new ModelProcessor()).withOptions(options).compile(sources);
  }

  /** The snapshot the compilation wrote; fails with the diagnostics if it failed. */
  static Snapshot snapshot(Compilation compilation) {
    return SnapshotJson.read(resource(compilation, Snapshot.RESOURCE), Snapshot.RESOURCE);
  }

  /**
   * A resource the compilation wrote to the class output; fails with the diagnostics if there is
   * none.
   */
  static String resource(Compilation compilation, String path) {
    assertThat(compilation.status())
        .as(describe(compilation.diagnostics()))
        .isEqualTo(Compilation.Status.SUCCESS);
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, path)
            .orElseThrow(() -> new AssertionError("no " + path + " was written"));
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Table table(Snapshot snapshot, String name) {
    return snapshot.database().tables().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no table " + name + " in " + snapshot.database().tables()));
  }

  /** The 1-based number of the first line of {@code source} that contains {@code marker}. */
  static long lineOf(JavaFileObject source, String marker) {
    try {
      String[] lines = source.getCharContent(true).toString().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(marker)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line contains " + marker);
  }

  /**
   * Asserts that the compilation failed with exactly one error, {@code message}, reported in {@code
   * source} on the line containing {@code marker}. (compile-testing hides the class output of a
   * failed compilation; that no snapshot is written then is {@code PartialRecompileTest}'s to
   * show.)
   */
  static void assertSingleError(
      Compilation compilation, String message, JavaFileObject source, String marker) {
    assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(compilation.errors()).as(describe(compilation.diagnostics())).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertThat(error.getMessage(Locale.ROOT)).isEqualTo(message);
    assertThat(error.getSource()).as("reported in").isNotNull();
    assertThat(error.getSource().toUri()).isEqualTo(source.toUri());
    assertThat(error.getLineNumber()).as("line of " + marker).isEqualTo(lineOf(source, marker));
  }

  /**
   * Asserts a single warning {@code message} on the line containing {@code marker}; the compilation
   * succeeded.
   */
  static void assertSingleWarning(
      Compilation compilation, String message, JavaFileObject source, String marker) {
    assertThat(compilation.status())
        .as(describe(compilation.diagnostics()))
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.warnings()).as(describe(compilation.diagnostics())).hasSize(1);
    Diagnostic<? extends JavaFileObject> warning = compilation.warnings().get(0);
    assertThat(warning.getMessage(Locale.ROOT)).isEqualTo(message);
    assertThat(warning.getSource().toUri()).isEqualTo(source.toUri());
    assertThat(warning.getLineNumber()).as("line of " + marker).isEqualTo(lineOf(source, marker));
  }

  static String describe(List<? extends Diagnostic<?>> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n", "diagnostics:\n", ""));
  }
}
