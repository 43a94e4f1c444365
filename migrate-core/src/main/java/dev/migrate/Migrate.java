package dev.migrate;

import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.codegen.OpDescriptions;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.runner.ConnectionSource;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.RunResult;
import dev.migrate.runner.Runner;
import dev.migrate.schema.FanOut;
import dev.migrate.schema.FanOutReport;
import dev.migrate.schema.PooledConnections;
import dev.migrate.schema.SchemaNames;
import dev.migrate.schema.SchemaSelection;
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
import java.util.function.Function;
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
  private final String schema;
  private final ConnectionSource connections;
  private final RevisionGraph graph;
  private final Runner runner;

  private Migrate(Configuration config, String schema, ConnectionSource connections, RevisionGraph graph,
      Consumer<String> log) {
    this.config = config;
    this.schema = schema;
    this.connections = connections;
    this.graph = graph;
    this.runner = new Runner(config.dialect, connections, schema, graph, config.lockTimeout, log);
  }

  /** A new configuration with the defaults: PostgreSQL, schema {@code public}, lock timeout 60 s, no log. */
  public static Configuration configure() {
    return new Configuration();
  }

  /** The revision graph of the configured migrations. */
  public RevisionGraph graph() {
    return graph;
  }

  /** The schema this facade runs the chain in. */
  public String schema() {
    return schema;
  }

  /** The database, for messages ({@link ConnectionSource#describe()}); never a password. */
  public String database() {
    return connections.describe();
  }

  /**
   * The same chain and database, run in {@code schema} instead (a target schema: {@code dev}, {@code tenant-1}).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if the name is not valid ({@link SchemaNames})
   */
  public Migrate inSchema(String schema) {
    return new Migrate(config, SchemaNames.requireValid(schema, "schema"), connections, graph, config.log);
  }

  /**
   * The schemas {@code selection} names: names as given, patterns ({@code tenant_*}) expanded over the schemas
   * that exist (see {@link SchemaSelection#resolve}).
   *
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} if a pattern matches nothing,
   *     {@link ErrorCode#CONNECTION} if the catalog cannot be read
   */
  public List<String> schemas(SchemaSelection selection) {
    if (!selection.hasPattern()) {
      return selection.resolve(List.of(), connections.describe());
    }
    try (Connection c = connections.open()) {
      return selection.resolve(config.dialect.versionStore().schemas(c), connections.describe());
    } catch (SQLException e) {
      throw new MigrateException(ErrorCode.CONNECTION, "Cannot list the schemas of " + connections.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code action} once per schema of {@code schemas}, on {@code threads} threads in this JVM, each schema
   * through {@link #inSchema} over one pool of at most {@code threads} connections (HikariCP when the facade was
   * configured with {@link Configuration#connection}; an application's {@code DataSource} is used as it is). One
   * schema failing does not stop the others; every outcome is in the report, and
   * {@link FanOutReport#throwIfFailed()} turns failures into one error that lists them all. A progress line (done /
   * total, failures, schemas per second) goes to the configured log at most once a second and at the end; the
   * per-revision lines of each schema are not logged.
   *
   * @param goal the goal's name for the report, for example {@code "upgrade"}
   * @param threads how many schemas run at once, at least 1
   * @param action the work for one schema, for example {@code m -> m.upgrade("head")}
   * @throws MigrateException ({@link ErrorCode#CONNECTION}) if the pool cannot be started
   */
  public FanOutReport forEachSchema(String goal, List<String> schemas, int threads,
      Function<Migrate, RunResult> action) {
    schemas.forEach(s -> SchemaNames.requireValid(s, "schema"));
    int size = Math.max(1, Math.min(threads, schemas.size()));
    try (PooledConnections pool = PooledConnections.over(connections, config.settings, size)) {
      return new FanOut(size, config.log).run(goal, schemas,
          s -> action.apply(new Migrate(config, s, pool, graph, line -> { })),
          s -> new Migrate(config, s, pool, graph, line -> { }).current());
    }
  }

  /**
   * Drops this facade's schema with everything in it, creates it again and upgrades it to head (the seed workflow's
   * {@code migrate.py reset}), holding the schema's lock while it drops and creates.
   *
   * @param force drop even when the schema's tables hold rows
   * @throws MigrateException {@link ErrorCode#SCHEMA_NOT_EMPTY} naming the row count per table when the schema holds
   *     rows and {@code force} is false (nothing is dropped); otherwise as {@link #upgrade}
   */
  public RunResult reset(boolean force) {
    return runner.reset(force);
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
    return autogenerate(compare(model), message, sourceRoot, packageName, List.of(), List.of());
  }

  /**
   * The ops that take this facade's schema, which must be at head, to {@code model} (Alembic's
   * {@code compare_metadata}); objects of {@code model} placed in this schema count as schema-less, see
   * {@link Database#relativeTo}.
   *
   * @throws MigrateException as {@link #autogenerate(Database, String, Path, String)}, without the {@code IO} case
   */
  public List<Op> compare(Database model) {
    Database current;
    try (Connection c = connections.open()) {
      VersionStore store = config.dialect.versionStore();
      boolean exists = store.schemaExists(c, schema);
      List<String> heads = List.of();
      if (exists) {
        store.useSchema(c, schema, false);
        heads = store.heads(c);
      }
      List<String> head = graph.head().map(r -> List.of(r.id())).orElse(List.of());
      if (!heads.equals(head)) {
        throw new MigrateException(ErrorCode.NOT_AT_HEAD, "Target database is not up to date: schema "
            + schema + " of " + connections.describe() + " is at "
            + (heads.isEmpty() ? "base" : String.join(", ", heads)) + ", but the head of the migrations is "
            + (head.isEmpty() ? "base (there are no migrations)" : head.get(0))
            + ".\nRun `mvn migrate:upgrade` first, then `mvn migrate:autogen` again.");
      }
      current = exists ? config.dialect.introspect(c, schema, OWN_TABLES) : Database.empty();
    } catch (SQLException e) {
      throw new MigrateException(ErrorCode.CONNECTION, "Cannot read schema " + schema + " of "
          + connections.describe() + ": " + e.getMessage(), e);
    }
    return new SchemaDiff(config.dialect).diff(current, model.relativeTo(schema));
  }

  /**
   * Writes a migration class with {@code ops} on top of the head, as {@link #autogenerate(Database, String, Path,
   * String)} does after comparing, or nothing when {@code ops} is empty.
   *
   * @param ops the upgrade ops, normally from {@link #compare}
   * @param dependsOn revisions of other chains it needs first ({@code @Revision(dependsOn)}); usually empty
   * @param branchLabels labels of the branch it starts ({@code @Revision(branchLabels)}); usually empty
   * @throws MigrateException ({@link ErrorCode#IO}) if the file cannot be written
   */
  public AutogenResult autogenerate(List<Op> ops, String message, Path sourceRoot, String packageName,
      List<String> dependsOn, List<String> branchLabels) {
    List<String> detected = ops.stream().map(OpDescriptions::describe).toList();
    List<String> warnings = ops.stream().map(OpDescriptions::destructiveWarning).flatMap(Optional::stream).toList();
    if (ops.isEmpty()) {
      return new AutogenResult(Optional.empty(), null, ops, detected, warnings);
    }
    String id = RevisionNames.newRevisionId();
    MigrationSpec spec = MigrationSpec.autogen(packageName, RevisionNames.className(message, now()), id,
        revises(), message, ops, List.of()).withLinks(dependsOn, branchLabels);
    return new AutogenResult(Optional.of(write(spec, sourceRoot)), id, ops, detected, warnings);
  }

  /**
   * Writes an empty migration class on top of the head, for hand-written changes (Alembic's {@code revision}).
   * Needs no database.
   *
   * @return the file written
   * @throws MigrateException ({@link ErrorCode#IO}) if the file cannot be written
   */
  public Path revision(String message, Path sourceRoot, String packageName) {
    return revision(message, sourceRoot, packageName, List.of());
  }

  /**
   * As {@link #revision(String, Path, String)}, with {@code branchLabels} on the new revision (a schema group's
   * alias on the first revision of its chain).
   */
  public Path revision(String message, Path sourceRoot, String packageName, List<String> branchLabels) {
    MigrationSpec spec = MigrationSpec.empty(packageName, RevisionNames.className(message, now()),
        RevisionNames.newRevisionId(), revises(), message).withLinks(List.of(), branchLabels);
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
    private ConnectionSettings settings;
    private String schema = "public";
    private String migrationsPackage;
    private final List<Class<?>> migrations = new ArrayList<>();
    private final List<ClassLoader> classLoaders = new ArrayList<>();
    private Duration lockTimeout = Duration.ofSeconds(60);
    private Consumer<String> log = line -> { };
    private Clock clock = Clock.systemDefaultZone();

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
      this.settings = null;
      return this;
    }

    /** The database, by URL and credentials; the JDBC driver must be on the class path. */
    public Configuration connection(ConnectionSettings settings) {
      this.connections = new DriverConnections(settings);
      this.settings = settings;
      return this;
    }

    /**
     * The schema the chain runs in: its objects, version table and history table. Default {@code public}. Checked
     * by {@link #load()} against {@link SchemaNames}; names that need quoting ({@code tenant-1}, {@code Prod},
     * {@code user}) are fine.
     */
    public Configuration schema(String schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * Limits the chain to the migration classes declared in exactly this package (not its sub-packages), for
     * example {@code com.acme.db.migrations.user} for the schema group {@code user}. Default: every class found.
     */
    public Configuration migrationsPackage(String migrationsPackage) {
      this.migrationsPackage = Objects.requireNonNull(migrationsPackage, "migrationsPackage");
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
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} if no database was configured or the schema name is
     *     not valid,
     *     {@link ErrorCode#REVISION_GRAPH} if the revisions do not form a valid chain or a listed class is missing
     */
    public Migrate load() {
      if (connections == null) {
        throw new MigrateException(ErrorCode.CONFIGURATION, "No database configured: call dataSource(...) or"
            + " connection(...) before load().");
      }
      SchemaNames.requireValid(schema, "schema");
      Set<Class<?>> classes = new LinkedHashSet<>(migrations);
      for (ClassLoader loader : classLoaders) {
        classes.addAll(listedRevisions(loader));
      }
      if (migrationsPackage != null) {
        classes.removeIf(c -> !c.getPackageName().equals(migrationsPackage));
      }
      return new Migrate(this, schema, connections,
          RevisionGraph.of(classes.stream().map(RevisionInfo::of).toList()), log);
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
