package dev.migrate.it.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.it.harness.CompiledModel;
import dev.migrate.it.harness.NamingOption;
import dev.migrate.snapshot.Snapshot;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java type that the Hibernate on the test class path registers in its {@code
 * JavaTypeRegistry} for {@code PostgreSQLDialect} (54 on 6.6.33 and on 7.2.19), as the type of a
 * plain attribute: the processor must map it to the column Hibernate's metadata has, unless
 * Hibernate itself cannot map it ({@link #HIBERNATE_REFUSES}) or Migrate reports it on purpose
 * ({@link #REPORTED}). A type a later Hibernate registers joins the test by itself.
 */
class RegisteredBasicTypesTest {

  @TempDir Path work;

  /**
   * Types whose plain attribute Hibernate cannot map: no JDBC type for {@code Object} ({@code
   * JAVA_OBJECT}, "no type mapping"), and raw collections and maps ("Basic collection has element
   * type 'E' which is not a known basic type", "Could not determine recommended JdbcType").
   */
  static final Set<String> HIBERNATE_REFUSES =
      Set.of(
          "java.lang.Object",
          "java.util.Collection",
          "java.util.List",
          "java.util.Set",
          "java.util.SortedSet",
          "java.util.Map",
          "java.util.SortedMap",
          "java.util.Map.Entry");

  /**
   * Types Hibernate serializes into {@code bytea} and Migrate reports instead (an UNMODELLED
   * problem: almost always a forgotten converter; README, "What Hibernate does that Migrate does
   * not mirror").
   */
  static final Set<String> REPORTED = Set.of("java.lang.Object[]");

  static Set<String> registeredTypes() {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
            .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
            .build();
    Set<String> types = new TreeSet<>();
    try {
      MetadataImplementor metadata =
          (MetadataImplementor) new MetadataSources(registry).buildMetadata();
      metadata
          .getTypeConfiguration()
          .getJavaTypeRegistry()
          .forEachDescriptor(
              d -> {
                Class<?> type = d.getJavaTypeClass();
                if (type != null && Modifier.isPublic(type.getModifiers()) && !type.isPrimitive()) {
                  types.add(type.getCanonicalName());
                }
              });
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
    return types;
  }

  private static String entity(int number, String type) {
    return "package com.acme;\nimport jakarta.persistence.*;\n@Entity public class T"
        + number
        + " { @Id Long id; "
        + type
        + " v; }\n";
  }

  @Test
  void everyRegisteredTypeMapsAsHibernateMapsIt() throws Exception {
    Set<String> registered = registeredTypes();
    assertThat(registered)
        .as("the registry read must find Hibernate's basic types")
        .contains("java.lang.String", "java.time.Duration", "java.util.UUID", "int[]")
        .containsAll(HIBERNATE_REFUSES)
        .containsAll(REPORTED);
    Map<String, String> sources = new LinkedHashMap<>();
    int number = 0;
    for (String type : registered) {
      if (!HIBERNATE_REFUSES.contains(type) && !REPORTED.contains(type)) {
        sources.put("com.acme.T" + ++number, "// " + type + "\n" + entity(number, type));
      }
    }
    Differential.run(sources, NamingOption.JPA, work)
        .assertSame(number + " registered types on Hibernate " + NamingOption.hibernate());
  }

  @Test
  void serializedTypesAreReportedAndTheCompileStaysGreen() throws Exception {
    Path file = work.resolve("src/com/acme/T1.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, entity(1, "Object[]"));
    CompiledModel model =
        CompiledModel.withProcessor(List.of(file), work.resolve("classes"), NamingOption.JPA);
    try {
      assertThat(model.snapshot().capture().problems())
          .extracting(Snapshot.ModelProblem::describe)
          .singleElement()
          .asString()
          .startsWith("com.acme.T1.v (table t1, column v): ")
          .contains("has type java.lang.Object[], which has no column mapping");
    } finally {
      model.loader().close();
    }
  }
}
