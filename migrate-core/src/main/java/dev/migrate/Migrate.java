package dev.migrate;

import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.codegen.OpDescriptions;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.ChainObjects;
import dev.migrate.diff.DiffOptions;
import dev.migrate.diff.DiffResult;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.runner.ConnectionSource;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.RunResult;
import dev.migrate.runner.Runner;
import dev.migrate.runtime.Operations;
import dev.migrate.snapshot.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The entry point: configure once, then call a verb. Every verb returns a result record; the Maven goals are thin
 * wrappers over these, and an application can run its migrations at start-up the same way, without Maven:
 *
 * <pre>{@code
 * Migrate.configure()
 *     .dataSource(dataSource)
 *     .classLoader(getClass().getClassLoader())   // finds the compiled @Revision classes
 *     .load()
 *     .upgrade("head");
 * }</pre>
 */
public final class Migrate {

  private static final Set<String> OWN_TABLES = Set.of(VersionStore.VERSION_TABLE, VersionStore.HISTORY_TABLE);

  private final Configuration config;
  private final RevisionGraph graph;
  private final Runner runner;

  private Migrate(Configuration config, RevisionGraph graph) {
    this.config = config;
    this.graph = graph;
    this.runner = new Runner(config.dialect, config.connections, config.schema, graph, config.lockTimeout,
        config.log);
  }

  /** A new configuration with the defaults: PostgreSQL, schema {@code public}, lock timeout 60 s, no log. */
  public static Configuration configure() {
    return new Configuration();
  }

  /** The revision graph of the configured migrations. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * Applies revisions up to {@code target} ({@code head}, {@code +N}, a full or partial id; see
   * {@link RevisionGraph#resolve}).
   *
   * @throws MigrateException see {@link Runner#upgrade}
   */
  public RunResult upgrade(String target) {
    return runner.upgrade(target);
  }

  /**
   * Reverts revisions down to {@code target} ({@code -1}, {@code base}, a full or partial id).
   *
   * @throws MigrateException see {@link Runner#downgrade}
   */
  public RunResult downgrade(String target) {
    return runner.downgrade(target);
  }

  /** The revision ids the database is at (sorted; empty at base). */
  public List<String> current() {
    return runner.current();
  }

  /**
   * The revisions, newest first, each marked head and, when {@code withDatabase}, current.
   *
   * @param withDatabase whether to ask the database which revision it is at
   */
  public List<HistoryEntry> history(boolean withDatabase) {
    Set<String> current = withDatabase ? Set.copyOf(runner.current()) : Set.of();
    List<HistoryEntry> entries = new ArrayList<>();
    List<RevisionInfo> chain = graph.chain();
    for (int i = chain.size() - 1; i >= 0; i--) {
      RevisionInfo r = chain.get(i);
      entries.add(new HistoryEntry(r.id(), r.revises().isEmpty() ? null : r.revises().get(0), r.message(),
          i == chain.size() - 1, current.contains(r.id())));
    }
    return entries;
  }

  /** The rows of the history table, oldest first. */
  public List<VersionStore.HistoryRow> appliedHistory() {
    return runner.appliedHistory();
  }

  /**
   * Compares {@code model} with the database, which must be at head, and writes a migration class with the ops
   * that take the database to the model (Alembic's {@code revision --autogenerate}).
   *
   * @param model the target model, normally the compiled snapshot's
   * @param message the revision message, as typed by the user
   * @param sourceRoot the source root to write to, for example {@code src/main/java}
   * @param packageName the migrations package, for example {@code com.acme.db.migrations}
   * @throws MigrateException {@link ErrorCode#NOT_AT_HEAD} naming both revisions when the database is not at head,
   *     {@link ErrorCode#CONNECTION} on database errors, {@link ErrorCode#IO} if the file cannot be written
   */
  public AutogenResult autogenerate(Database model, String message, Path sourceRoot, String packageName) {
    Database current;
    try (Connection c = config.connections.open()) {
      VersionStore store = config.dialect.versionStore();
      boolean exists = store.schemaExists(c, config.schema);
      List<String> heads = List.of();
      if (exists) {
        store.useSchema(c, config.schema, false);
        heads = store.heads(c);
      }
      List<String> head = graph.head().map(r -> List.of(r.id())).orElse(List.of());
      if (!heads.equals(head)) {
        throw new MigrateException(ErrorCode.NOT_AT_HEAD, "Target database is not up to date: schema "
            + config.schema + " of " + config.connections.describe() + " is at "
            + (heads.isEmpty() ? "base" : String.join(", ", heads)) + ", but the head of the migrations is "
            + (head.isEmpty() ? "base (there are no migrations)" : head.get(0))
            + ".\nRun `mvn migrate:upgrade` first, then `mvn migrate:autogen` again.");
      }
      current = exists ? config.dialect.introspect(c, config.schema, OWN_TABLES) : Database.empty();
    } catch (SQLException e) {
      throw new MigrateException(ErrorCode.CONNECTION, "Cannot read schema " + config.schema + " of "
          + config.connections.describe() + ": " + e.getMessage(), e);
    }
    DiffOptions options = DiffOptions.defaults()
        .withExcludeTables(config.excludeTables)
        .withOwned(ChainObjects.of(chainUpgradeOps(), config.schema));
    DiffResult diff = new SchemaDiff(config.dialect).compare(current, model.relativeTo(config.schema), options);
    List<Op> ops = diff.ops();
    List<String> detected = ops.stream().map(OpDescriptions::describe).toList();
    List<String> warnings = ops.stream().map(OpDescriptions::destructiveWarning).flatMap(Optional::stream).toList();
    if (ops.isEmpty()) {
      return new AutogenResult(Optional.empty(), null, ops, detected, warnings, diff.warnings(), diff.infos());
    }
    String id = RevisionNames.newRevisionId();
    MigrationSpec spec = MigrationSpec.autogen(packageName, RevisionNames.className(message, now()), id,
        revises(), message, ops, diff.warnings());
    return new AutogenResult(Optional.of(write(spec, sourceRoot)), id, ops, detected, warnings, diff.warnings(),
        diff.infos());
  }

  /**
   * Every revision's upgrade ops, in chain order, recorded without a database: what the chain has created, so
   * that autogenerate drops only tables it owns.
   */
  private List<Op> chainUpgradeOps() {
    List<Op> ops = new ArrayList<>();
    for (RevisionInfo revision : graph.chain()) {
      try {
        revision.newMigration().upgrade(new Operations(ops::add));
      } catch (RuntimeException e) {
        throw new MigrateException(ErrorCode.MIGRATION_FAILED, "Revision " + revision.id() + " ("
            + revision.type().getName() + ") threw in upgrade() while autogen read what the chain creates: " + e
            + ". Fix the migration class.", e);
      }
    }
    return ops;
  }

  /**
   * Writes an empty migration class on top of the head, for hand-written changes (Alembic's {@code revision}).
   * Needs no database.
   *
   * @return the file written
   * @throws MigrateException ({@link ErrorCode#IO}) if the file cannot be written
   */
  public Path revision(String message, Path sourceRoot, String packageName) {
    MigrationSpec spec = MigrationSpec.empty(packageName, RevisionNames.className(message, now()),
        RevisionNames.newRevisionId(), revises(), message);
    return write(spec, sourceRoot);
  }

  private List<String> revises() {
    return graph.head().map(r -> List.of(r.id())).orElse(List.of());
  }

  private LocalDateTime now() {
    return LocalDateTime.now(config.clock);
  }

  private static Path write(MigrationSpec spec, Path sourceRoot) {
    try {
      return new MigrationWriter().write(spec, sourceRoot);
    } catch (IOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot write migration " + spec.className() + " under "
          + sourceRoot + ": " + e.getMessage(), e);
    }
  }

  /** Settings of a {@link Migrate}; every method returns this configuration. */
  public static final class Configuration {

    private Dialect dialect = new PostgresDialect();
    private ConnectionSource connections;
    private String schema = "public";
    private final List<Class<?>> migrations = new ArrayList<>();
    private final List<ClassLoader> classLoaders = new ArrayList<>();
    private Duration lockTimeout = Duration.ofSeconds(60);
    private Consumer<String> log = line -> { };
    private Clock clock = Clock.systemDefaultZone();
    private List<String> excludeTables = List.of();

    private Configuration() {}

    /** The database, through an application's {@code DataSource} (a pool, Spring's, ...). */
    public Configuration dataSource(DataSource dataSource) {
      Objects.requireNonNull(dataSource, "dataSource");
      this.connections = new ConnectionSource() {
        @Override
        public Connection open() throws SQLException {
          return dataSource.getConnection();
        }

        @Override
        public String describe() {
          return "the configured DataSource";
        }
      };
      return this;
    }

    /** The database, by URL and credentials; the JDBC driver must be on the class path. */
    public Configuration connection(ConnectionSettings settings) {
      this.connections = new DriverConnections(settings);
      return this;
    }

    /** The schema the chain runs in: its objects, version table and history table. Default {@code public}. */
    public Configuration schema(String schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * Glob patterns ({@code *}, {@code ?}) of tables that autogenerate leaves out of the comparison entirely, on
     * both the model's and the database's side, for example {@code tmp_*} or {@code audit.*}; a pattern matches a
     * table's name or its {@code schema.name}. Default none.
     */
    public Configuration excludeTables(List<String> patterns) {
      this.excludeTables = List.copyOf(patterns);
      return this;
    }

    /** The dialect; default PostgreSQL. */
    public Configuration dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /** Migration classes, each annotated with {@code @Revision}. */
    public Configuration migrations(List<? extends Class<?>> classes) {
      migrations.addAll(classes);
      return this;
    }

    /**
     * Finds the migration classes listed in every {@code META-INF/migrate/revisions} resource that
     * {@code classLoader} sees (written by the model processor), and loads them with it.
     */
    public Configuration classLoader(ClassLoader classLoader) {
      classLoaders.add(Objects.requireNonNull(classLoader, "classLoader"));
      return this;
    }

    /** How long to wait for another run's lock on the same schema; default 60 seconds. */
    public Configuration lockTimeout(Duration lockTimeout) {
      this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
      return this;
    }

    /** Receives one line per revision run ("Running upgrade a -> b, message"). */
    public Configuration log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** The clock that names new migration classes; default the system clock in the default time zone. */
    public Configuration clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads the migrations and checks their graph.
     *
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} if no database was configured,
     *     {@link ErrorCode#REVISION_GRAPH} if the revisions do not form a valid chain or a listed class is missing
     */
    public Migrate load() {
      if (connections == null) {
        throw new MigrateException(ErrorCode.CONFIGURATION, "No database configured: call dataSource(...) or"
            + " connection(...) before load().");
      }
      Set<Class<?>> classes = new LinkedHashSet<>(migrations);
      for (ClassLoader loader : classLoaders) {
        classes.addAll(listedRevisions(loader));
      }
      return new Migrate(this, RevisionGraph.of(classes.stream().map(RevisionInfo::of).toList()));
    }

    private static List<Class<?>> listedRevisions(ClassLoader loader) {
      List<Class<?>> classes = new ArrayList<>();
      try {
        Enumeration<URL> resources = loader.getResources(Snapshot.REVISIONS_RESOURCE);
        while (resources.hasMoreElements()) {
          URL url = resources.nextElement();
          try (BufferedReader reader = new BufferedReader(
              new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
              String name = line.strip();
              if (name.isEmpty()) {
                continue;
              }
              try {
                classes.add(Class.forName(name, false, loader));
              } catch (ClassNotFoundException e) {
                throw new MigrateException(ErrorCode.REVISION_GRAPH, url + " lists the migration class " + name
                    + ", which does not exist. Rebuild with `mvn clean compile`.", e);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new MigrateException(ErrorCode.IO, "Cannot read " + Snapshot.REVISIONS_RESOURCE + ": "
            + e.getMessage(), e);
      }
      return classes;
    }
  }

  /** Connections from a JDBC driver found with {@link ServiceLoader} next to Migrate. */
  private static final class DriverConnections implements ConnectionSource {

    private final ConnectionSettings settings;

    DriverConnections(ConnectionSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Connection open() throws SQLException {
      Properties properties = new Properties();
      if (settings.user() != null) {
        properties.setProperty("user", settings.user());
      }
      if (settings.password() != null) {
        properties.setProperty("password", settings.password());
      }
      for (Driver driver : ServiceLoader.load(Driver.class, Migrate.class.getClassLoader())) {
        if (driver.acceptsURL(settings.url())) {
          try {
            return driver.connect(settings.url(), properties);
          } catch (SQLException e) {
            throw new MigrateException(ErrorCode.CONNECTION, "Cannot connect to " + describe() + ": "
                + e.getMessage() + "\nCheck that the database is running and the URL, user and password are right.",
                e);
          }
        }
      }
      throw new MigrateException(ErrorCode.CONFIGURATION, "No JDBC driver accepts " + describe()
          + ". Add org.postgresql:postgresql to the class path.");
    }

    @Override
    public String describe() {
      return settings.describe();
    }
  }
}
