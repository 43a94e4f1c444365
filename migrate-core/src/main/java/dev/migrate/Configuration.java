package dev.migrate;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SessionSettings;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.lint.Severity;
import dev.migrate.runner.ConnectionSource;
import dev.migrate.runner.RunSettings;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaNames;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.snapshot.Snapshot;
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
  Duration lockWait = RunSettings.DEFAULTS.lockWait();
  Duration lockTimeout = SessionSettings.DEFAULTS.lockTimeout();
  int lockRetries = RunSettings.DEFAULTS.lockRetries();
  Duration statementTimeout = Duration.ZERO;
  String applicationName = SessionSettings.APPLICATION;
  Consumer<String> log = SYSTEM_LOG;
  Consumer<String> warnings;
  Caller caller = Caller.APPLICATION;

  /** The logger of {@link #log}'s default: {@code System.getLogger("dev.migrate")}. */
  static final System.Logger LOGGER = System.getLogger("dev.migrate");

  private static final Consumer<String> SYSTEM_LOG =
      line -> LOGGER.log(System.Logger.Level.INFO, line);
  Clock clock = Clock.systemDefaultZone();
  List<String> excludeTables = List.of();
  boolean safeForms = true;
  Severity lintFailOn;
  List<Snapshot.Member> modelMembers = List.of();

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
    this.connections = new DriverConnections(settings, () -> applicationName);
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
   * Whether autogenerate writes the safe form of an op on a table that exists before the revision
   * ({@code CREATE INDEX CONCURRENTLY}, {@code NOT VALID} + {@code VALIDATE CONSTRAINT}, {@code SET
   * NOT NULL} through a validated check; see {@link dev.migrate.lint.SafeForms}). Default {@code
   * true}; {@code false} writes the plain forms.
   */
  public Configuration safeForms(boolean safeForms) {
    this.safeForms = safeForms;
    return this;
  }

  /**
   * The Java members behind the model's tables and columns ({@link
   * dev.migrate.snapshot.ModelSnapshots.Merged#members()}), so that autogenerate's rename hints
   * name the entity class or field to annotate with {@code @RenamedFrom}. Default none: the hints
   * name the table or column only.
   */
  public Configuration modelMembers(List<Snapshot.Member> members) {
    this.modelMembers = List.copyOf(members);
    return this;
  }

  /**
   * The severity of safety-lint findings, in the revisions not yet applied, at which {@link
   * Migrate#check} fails; {@code null} (the default) lists them as notes without failing.
   */
  public Configuration lintFailOn(Severity failOn) {
    this.lintFailOn = failOn;
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

  /**
   * How long a statement of a revision waits for a table lock before it gives up (PostgreSQL's
   * {@code lock_timeout}, set with {@code SET LOCAL} in each revision's transaction and for the
   * run's session); default 5 seconds, at least 1 millisecond. While an {@code ALTER TABLE} waits,
   * every query of the application on that table queues behind it, so the wait is kept short and
   * the revision is tried again ({@link #lockRetries}) instead.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) below 1 ms (PostgreSQL reads 0 as
   *     "wait forever")
   */
  public Configuration lockTimeout(Duration lockTimeout) {
    if (lockTimeout.toMillis() < 1) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "The lock timeout (-Dmigrate.lockTimeout) must be at least 1ms, got "
              + lockTimeout.toMillis()
              + "ms: PostgreSQL reads 0 as wait forever, which blocks every query queued behind"
              + " the waiting statement.");
    }
    this.lockTimeout = lockTimeout;
    return this;
  }

  /**
   * How many times a revision that gave up waiting for a table lock ({@link #lockTimeout}) is tried
   * again, after 1 s, 2 s, 4 s, ... (at most 10 s) of pause; default 3, 0 for one try only. Only a
   * revision of which nothing was applied is tried again (a transactional one always; one marked
   * {@code transactional = false} only when its first statement waited).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if negative
   */
  public Configuration lockRetries(int lockRetries) {
    if (lockRetries < 0) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "-Dmigrate.lockRetries=" + lockRetries + " cannot be negative: give 0 for one try only.");
    }
    this.lockRetries = lockRetries;
    return this;
  }

  /**
   * How long a run waits for another run's lock on the same schema (the session advisory lock),
   * logging who holds it every few seconds; default 60 seconds, zero to try once.
   */
  public Configuration lockWait(Duration lockWait) {
    if (Objects.requireNonNull(lockWait, "lockWait").isNegative()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION, "The lock wait (-Dmigrate.lockWait) cannot be negative.");
    }
    this.lockWait = lockWait;
    return this;
  }

  /**
   * The longest any statement of a run may run (PostgreSQL's {@code statement_timeout}, for the
   * run's session); default {@link Duration#ZERO}, no limit. A statement cut short fails its
   * revision, which rolls back.
   */
  public Configuration statementTimeout(Duration statementTimeout) {
    if (Objects.requireNonNull(statementTimeout, "statementTimeout").isNegative()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "The statement timeout (-Dmigrate.statementTimeout) cannot be negative; 0 is no limit.");
    }
    this.statementTimeout = statementTimeout;
    return this;
  }

  /**
   * What Migrate's database sessions call themselves ({@code application_name}, in {@code
   * pg_stat_activity}); default {@code migrate}. A run's session adds its verb and schema: {@code
   * migrate upgrade public}.
   */
  public Configuration applicationName(String applicationName) {
    this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
    return this;
  }

  /** The bounds of a run's waits, from the settings above. */
  RunSettings runSettings() {
    return new RunSettings(
        lockWait,
        lockRetries,
        new SessionSettings(
            applicationName,
            lockTimeout,
            statementTimeout,
            SessionSettings.DEFAULTS.connectionCheckInterval()));
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
