package dev.migrate;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.runner.ConnectionSource;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaNames;
import dev.migrate.schema.SchemaSelection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Settings of a {@link Migrate}, from {@link Migrate#configure()}; every setter returns this
 * configuration.
 *
 * <p>What a verb of {@link Migrate#schemas()} covers is decided here, the same for Maven, an
 * application and a test: schema groups when {@link #schemaGroups} names any, else a fan-out when
 * {@link #schemas} names several schemas or a pattern, else one schema ({@link #schema}, default
 * {@code public}).
 */
public final class Configuration {

  Dialect dialect = new PostgresDialect();
  ConnectionSource connections;
  ConnectionSettings settings;
  String schema;
  SchemaSelection selection;
  SchemaGroups groups = SchemaGroups.none();
  String groupsPackage;
  Integer threads;
  String migrationsPackage;
  String migrationsRoot;
  final List<Class<?>> migrations = new ArrayList<>();
  final List<ClassLoader> classLoaders = new ArrayList<>();
  Duration lockTimeout = Duration.ofSeconds(60);
  Consumer<String> log = SYSTEM_LOG;
  Consumer<String> warnings;
  Caller caller = Caller.APPLICATION;

  /** The logger of {@link #log}'s default: {@code System.getLogger("dev.migrate")}. */
  static final System.Logger LOGGER = System.getLogger("dev.migrate");

  private static final Consumer<String> SYSTEM_LOG =
      line -> LOGGER.log(System.Logger.Level.INFO, line);
  Clock clock = Clock.systemDefaultZone();
  List<String> excludeTables = List.of();

  Configuration() {}

  /** The database, through an application's {@code DataSource} (a pool, Spring's, ...). */
  public Configuration dataSource(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    this.connections = ConnectionSource.of(dataSource, () -> "the configured DataSource");
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
   * The schema the chain runs in: its objects, version table and history table. Default {@code
   * public}. Checked by {@link #load()} against {@link SchemaNames}; names that need quoting
   * ({@code tenant-1}, {@code Prod}, {@code user}) are fine.
   */
  public Configuration schema(String schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.selection = null;
    return this;
  }

  /**
   * The schemas to work on, as the user selected them ({@code -Dmigrate.schema}): one name (as
   * {@link #schema}), or a list or pattern ({@code tenant_*}) that {@link Migrate#schemas()} fans
   * out over; with {@link #schemaGroups}, the groups to work on, by alias or schema name (all
   * groups when never called).
   */
  public Configuration schemas(SchemaSelection selection) {
    this.selection = Objects.requireNonNull(selection, "selection");
    this.schema = null;
    return this;
  }

  /**
   * The schema groups of the model ({@link SchemaGroups#of}); when there are any, each is its own
   * chain, running in its schema with the migrations of {@code <migrationsPackage>.<alias>}. Empty
   * groups (a model without schemas) change nothing.
   *
   * @param migrationsPackage the root package of the groups' migrations, for example {@code
   *     com.acme.db.migrations}
   */
  public Configuration schemaGroups(SchemaGroups groups, String migrationsPackage) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.groupsPackage = Objects.requireNonNull(migrationsPackage, "migrationsPackage");
    return this;
  }

  /**
   * How many schemas a fan-out runs at once, each on one pooled connection; default the smaller of
   * 4 and the number of schemas.
   *
   * <p>Checked when a fan-out starts: below 1 it throws {@link ErrorCode#CONFIGURATION}.
   */
  public Configuration threads(int threads) {
    this.threads = threads;
    return this;
  }

  /**
   * Glob patterns ({@code *}, {@code ?}) of tables that autogenerate leaves out of the comparison
   * entirely, on both the model's and the database's side, for example {@code tmp_*} or {@code
   * audit.*}; a pattern matches a table's name or its {@code schema.name}. Default none.
   */
  public Configuration excludeTables(List<String> patterns) {
    this.excludeTables = List.copyOf(patterns);
    return this;
  }

  /**
   * Limits the chain to the migration classes declared in exactly this package (not its
   * sub-packages), for example {@code com.acme.db.migrations.user} for the schema group {@code
   * user}. Default: every class found.
   */
  public Configuration migrationsPackage(String migrationsPackage) {
    this.migrationsPackage = Objects.requireNonNull(migrationsPackage, "migrationsPackage");
    return this;
  }

  /**
   * Where migration classes come from: only those declared in {@code rootPackage} or one of its
   * sub-packages (the schema groups' {@code <rootPackage>.<alias>}) are loaded. A {@code @Revision}
   * class elsewhere (in a dependency's jar, or a stray one in the project) is ignored with one line
   * to {@link #log} naming it; when {@code rootPackage} holds none while other packages do, a line
   * to {@link #warnings} names both (a misspelt package). The Maven plugin sets this to {@code
   * <migrationsPackage>}.
   *
   * <p>Default: none, and every class found is loaded (an application that lists its migration
   * classes or scans its own class loader keeps working unchanged).
   *
   * @param rootPackage the migrations package, for example {@code com.acme.db.migrations}
   */
  public Configuration migrationsRoot(String rootPackage) {
    this.migrationsRoot = Objects.requireNonNull(rootPackage, "rootPackage");
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

  /**
   * Receives one line per revision run ("Running upgrade a -> b, message"), and a fan-out's
   * progress lines and summary table. Default: the {@code System.Logger} named {@code dev.migrate}
   * at {@code INFO} (java.util.logging unless the application routes it elsewhere).
   */
  public Configuration log(Consumer<String> log) {
    this.log = Objects.requireNonNull(log, "log");
    return this;
  }

  /**
   * Receives warnings about the configuration (a migrations root that holds no revision). Default:
   * {@link #log}, each line prefixed with {@code "Warning: "}; with the default log, the {@code
   * System.Logger} {@code dev.migrate} at {@code WARNING}.
   */
  public Configuration warnings(Consumer<String> warnings) {
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    return this;
  }

  /**
   * Who calls the facade: its error messages name the next step as a facade call for {@link
   * Caller#APPLICATION} (the default), as a Maven goal for {@link Caller#MAVEN} (set by the
   * plugin).
   */
  public Configuration caller(Caller caller) {
    this.caller = Objects.requireNonNull(caller, "caller");
    return this;
  }

  /**
   * The clock that names new migration classes; default the system clock in the default time zone.
   */
  public Configuration clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Loads the migrations and checks their graph.
   *
   * <p>Without a database ({@link #dataSource} or {@link #connection}) only graph inspection,
   * offline SQL with a start revision, new revision files and the offline check work; the other
   * verbs throw {@link ErrorCode#CONFIGURATION}.
   *
   * @throws MigrateException {@link ErrorCode#CONFIGURATION} if the schema name is not valid,
   *     {@link ErrorCode#REVISION_GRAPH} if the revisions do not form a valid graph or a listed
   *     class is missing
   */
  public Migrate load() {
    String chainSchema =
        schema != null
            ? schema
            : selection != null && selection.isSingle() ? selection.items().get(0) : "public";
    try {
      SchemaNames.requireValid(chainSchema, "schema");
      RevisionClasses classes = RevisionClasses.scan(migrations, classLoaders);
      if (migrationsRoot != null) {
        classes = classes.within(migrationsRoot, log, warnings());
      }
      SchemaSelection several =
          schema == null && selection != null && !selection.isSingle() ? selection : null;
      return new Migrate(
          this, classes, chainSchema, several, connections, classes.graph(migrationsPackage), log);
    } catch (MigrateException e) {
      throw advised(e);
    }
  }

  /** Where warnings go: {@link #warnings}, else as its Javadoc says. */
  private Consumer<String> warnings() {
    if (warnings != null) {
      return warnings;
    }
    if (log == SYSTEM_LOG) {
      return line -> LOGGER.log(System.Logger.Level.WARNING, line);
    }
    return line -> log.accept("Warning: " + line);
  }

  /** {@code e} with its next step in the caller's words ({@link #caller}). */
  MigrateException advised(MigrateException e) {
    return caller == Caller.APPLICATION ? ApplicationAdvice.rewrite(e) : e;
  }
}
