package dev.migrate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.AutogenResult;
import dev.migrate.ConnectionSettings;
import dev.migrate.Migrate;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in one JVM, judged by Hibernate itself: compile the example model
 * ({@code examples/quickstart}) and the type zoo in {@code src/test/resources/acceptance} with the model processor, autogenerate the initial migration against an
 * empty PostgreSQL database, compile and apply it, then run Hibernate 6's schema validator for the same entities.
 * A second autogenerate must find nothing (the round trip).
 */
class HibernateAcceptanceTest {

  private static final String URL = System.getProperty("migrate.test.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getProperty("migrate.test.user", "postgres");
  private static final String PASSWORD = System.getProperty("migrate.test.password", "postgres");
  private static final String DATABASE = "mt_acceptance_" + Long.toHexString(System.nanoTime());

  private static String databaseUrl;

  @BeforeAll
  static void createDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      c.createStatement().execute("CREATE DATABASE " + DATABASE);
    }
    databaseUrl = URL.substring(0, URL.lastIndexOf('/') + 1) + DATABASE;
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
  }

  @Test
  void schemaBuiltByMigratePassesHibernatesValidator(@TempDir Path work) throws Exception {
    Path entitiesOut = Files.createDirectories(work.resolve("entities"));
    List<Path> entitySources = new ArrayList<>(sources(Path.of("src/test/resources/acceptance")));
    entitySources.addAll(sources(Path.of("../examples/quickstart/src/main/java/com/acme/shop/model")));
    compile(entitySources, entitiesOut, List.of(), true);
    Snapshot snapshot = SnapshotJson.readFromClassesDirectory(entitiesOut);
    assertThat(snapshot.entities())
        .containsExactly("com.acme.shop.model.Customer", "com.acme.shop.model.PurchaseOrder",
            "com.acme.shop.model.TypeZoo");

    ConnectionSettings settings = new ConnectionSettings(databaseUrl, USER, PASSWORD);
    Path migrationSources = work.resolve("migrations-src");
    AutogenResult first = Migrate.configure().connection(settings).load()
        .autogenerate(snapshot.database(), "create shop", migrationSources, "com.acme.shop.db");
    assertThat(first.file()).isPresent();

    Path migrationsOut = Files.createDirectories(work.resolve("migrations"));
    compile(sources(migrationSources), migrationsOut, List.of(entitiesOut), false);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {migrationsOut.toUri().toURL()},
        getClass().getClassLoader())) {
      String className = "com.acme.shop.db."
          + first.file().orElseThrow().getFileName().toString().replace(".java", "");
      Migrate migrate = Migrate.configure().connection(settings).migrations(List.of(loader.loadClass(className)))
          .load();
      assertThat(migrate.upgrade("head").revisions()).hasSize(1);

      AutogenResult second = migrate.autogenerate(snapshot.database(), "again", migrationSources, "com.acme.shop.db");
      assertThat(second.detected()).isEmpty();
    }

    try (URLClassLoader entities = new URLClassLoader(new URL[] {entitiesOut.toUri().toURL()},
        getClass().getClassLoader())) {
      validateWithHibernate(entities, snapshot.entities());

      // the validator must be able to fail: break one column and ask again
      try (Connection c = DriverManager.getConnection(databaseUrl, USER, PASSWORD)) {
        c.createStatement().execute("ALTER TABLE customer ALTER COLUMN name TYPE integer USING 0");
      }
      assertThatThrownBy(() -> validateWithHibernate(entities, snapshot.entities()))
          .isInstanceOf(SchemaManagementException.class)
          .hasMessageContaining("wrong column type encountered in column [name] in table [Customer]");
    }
  }

  private void validateWithHibernate(ClassLoader entities, List<String> entityNames) throws Exception {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
        new BootstrapServiceRegistryBuilder().applyClassLoader(entities).build())
        .applySettings(Map.of(
            "hibernate.connection.url", databaseUrl,
            "hibernate.connection.username", USER,
            "hibernate.connection.password", PASSWORD,
            "hibernate.hbm2ddl.auto", "validate"))
        .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String entity : entityNames) {
        sources.addAnnotatedClass(entities.loadClass(entity));
      }
      Metadata metadata = sources.buildMetadata();
      // validate: building the session factory throws SchemaManagementException on any mismatch
      try (SessionFactory factory = metadata.buildSessionFactory()) {
        assertThat(factory.isOpen()).isTrue();
      }
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static void compile(List<Path> sources, Path out, List<Path> extraClassPath, boolean withProcessor)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "--release", "17",
        "-classpath", System.getProperty("java.class.path")
            + extraClassPath.stream().map(p -> java.io.File.pathSeparator + p).reduce("", String::concat)));
    if (!withProcessor) {
      options.add("-proc:none");
    }
    try (var files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      var task = javac.getTask(null, files, null, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (withProcessor) {
        List<Processor> processors = new ArrayList<>();
        java.util.ServiceLoader.load(Processor.class).stream()
            .filter(p -> p.type().getName().startsWith("dev.migrate."))
            .forEach(p -> processors.add(p.get()));
        assertThat(processors).as("the model processor on the test class path").isNotEmpty();
        task.setProcessors(processors);
      }
      assertThat(task.call()).as("compilation of " + sources).isTrue();
    }
  }
}
