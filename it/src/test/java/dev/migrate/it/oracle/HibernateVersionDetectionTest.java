package dev.migrate.it.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code -Amigrate.hibernate}, the processor mirrors the line of the real hibernate-core on
 * the compile class path (its marker classes, {@code HibernateVersion.onClassPath}): 6.6 with
 * 6.6.33 in {@code it}, 7.2 with 7.2.19 in {@code it-hibernate7}, 7.4 with 7.4.13 in {@code
 * it-hibernate74}.
 */
class HibernateVersionDetectionTest {

  @TempDir Path work;

  @Test
  void theHibernateOnTheClassPathIsTheDefault() throws Exception {
    assertThat(org.hibernate.Version.getVersionString())
        .as("the test class path's hibernate-core")
        .startsWith(NamingOption.hibernate() + ".");
    Path source = work.resolve("src/com/acme/Note.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package com.acme; @jakarta.persistence.Entity public class Note {"
            + " @jakarta.persistence.Id Long id; }");
    CompiledModel model =
        CompiledModel.withProcessorOptions(List.of(source), work.resolve("classes"), List.of());
    model.loader().close();
    assertThat(model.snapshot().hibernate()).isEqualTo(NamingOption.hibernate());
  }
}
