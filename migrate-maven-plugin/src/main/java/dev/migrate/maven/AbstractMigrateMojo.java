package dev.migrate.maven;

import dev.migrate.Caller;
import dev.migrate.Configuration;
import dev.migrate.ConnectionSettings;
import dev.migrate.DurationSetting;
import dev.migrate.ErrorCode;
import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.Outcome;
import dev.migrate.Results;
import dev.migrate.Schemas;
import dev.migrate.model.Database;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.snapshot.ModelSnapshots;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What every {@code migrate:*} goal shares: the database settings, the schema, the migrations
 * package, and the translation of Migrate's errors into Maven's (a problem the user must fix fails
 * the build with {@link MojoFailureException}; a broken environment with {@link
 * MojoExecutionException}).
 *
 * <p>A goal reads its parameters, builds the facade here ({@link #schemas} or {@link #chain}),
 * makes one call and logs the result. Which schemas a call covers (one, the schema groups, or a
 * fan-out) is decided by migrate-core.
 */
abstract class AbstractMigrateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  protected MojoExecution mojoExecution;

  /**
   * The database: a JDBC URL ({@code jdbc:postgresql://localhost:5432/app}) or a libpq URL ({@code
   * postgresql://localhost:5432/app}). {@code -Dmigrate.url}, {@code MIGRATE_URL} and {@code
   * DATABASE_URL} take precedence over this setting, in that order (they are read by the goal, not
   * bound to this parameter, so that {@code mvn -X} does not print a password they carry). With no
   * URL anywhere, the goals that need a database start an embedded PostgreSQL under {@code
   * target/migrate/embedded-postgres}.
   *
   * <p>The password is not a parameter: it comes from {@code -Dmigrate.password}, {@code
   * MIGRATE_PASSWORD}, the URL, or the {@code settings.xml} server named by {@link #serverId}
   * (decrypted as Maven does), never from the POM, and {@code mvn -X} does not print it.
   */
  @Parameter private String url;

  /**
   * The database user. {@code -Dmigrate.user}, {@code MIGRATE_USER} and a user in the URL take
   * precedence; the {@link #serverId} server's user comes after this one.
   */
  @Parameter(property = "migrate.user")
  private String user;

  /**
   * The id of a {@code <server>} in {@code settings.xml} whose {@code <username>} and {@code
   * <password>} (encrypted with {@code mvn --encrypt-password} or not) are the database's
   * credentials, as Flyway's {@code flyway.serverId}: the password then sits in neither the POM nor
   * the environment. {@code -Dmigrate.user}/{@code -Dmigrate.password}, the environment and the URL
   * take precedence.
   */
  @Parameter(property = "migrate.serverId")
  private String serverId;

  /** Decrypts {@code settings.xml} server passwords, as Maven's own wagons do. */
  @Inject private SettingsDecrypter settingsDecrypter;

  /**
   * Which schema(s) a goal works on; {@code -Dmigrate.schema} and {@code MIGRATE_SCHEMA} take
   * precedence. For a model whose entities carry no schema: the target schema the chain runs in
   * (tables, {@code migrate_version} and {@code migrate_history} live there), or a comma list or
   * pattern ({@code tenant_*}, over existing schemas) that {@code upgrade}, {@code downgrade} and
   * {@code current} fan out over. For a model whose entities carry schemas: the schema groups to
   * work on, by alias or schema name ({@code user,message}); all groups when not given.
   */
  @Parameter(property = "migrate.schema")
  private String schema;

  /**
   * Aliases of schema groups, alias to schema: {@code <schemas><user>rfx_user</user></schemas>}.
   * Each group's migrations live in {@code <migrationsPackage>.<alias>}; a schema of the model
   * without an alias is a group named after itself.
   */
  @Parameter private Map<String, String> schemas;

  /**
   * How many schemas a fan-out runs at once ({@code -Dmigrate.threads}); default the smaller of 4
   * and the number of schemas. Each thread holds one pooled connection.
   */
  @Parameter(property = "migrate.threads")
  private Integer threads;

  /**
   * The Java package of the migration classes, for example {@code com.acme.db.migrations}: new
   * classes are written into it, and only the {@code @Revision} classes in it and its sub-packages
   * (the schema groups') run; one elsewhere on the class path is ignored with an info line. A
   * module without it (the entity module of a multi-module build) skips the goal with an info line.
   */
  @Parameter(property = "migrate.migrationsPackage")
  protected String migrationsPackage;

  /** The source root new migration classes are written under. */
  @Parameter(
      property = "migrate.migrationsDirectory",
      defaultValue = "${project.build.sourceDirectory}")
  protected File migrationsDirectory;

  /** The class output directory holding the compiled model snapshot and migrations. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  protected File classesDirectory;

  /**
   * How long a statement of a revision waits for a table lock ({@code lock_timeout}) before the
   * revision gives up, rolls back and is tried again ({@code -Dmigrate.lockRetries}); a whole
   * number and a unit, {@code ms}, {@code s}, {@code min} or {@code h}, for example {@code 500ms}
   * or {@code 5s}. While DDL waits for a lock, every query of the application on that table queues
   * behind it, so keep it short.
   */
  @Parameter(property = "migrate.lockTimeout", defaultValue = "5s")
  private String lockTimeout;

  /**
   * How many times a revision that gave up waiting for a table lock is tried again, after 1 s, 2 s,
   * 4 s ... (at most 10 s) of pause; {@code 0} for one try. The last failure names the blocking
   * sessions.
   */
  @Parameter(property = "migrate.lockRetries", defaultValue = "3")
  private int lockRetries;

  /**
   * How long to wait for another migration run's lock on the same schema (the advisory lock),
   * logging who holds it every 5 s; a duration as {@code lockTimeout}, for example {@code 60s} or
   * {@code 2min}.
   */
  @Parameter(property = "migrate.lockWait", defaultValue = "60s")
  private String lockWait;

  /**
   * The longest any statement of a run may run ({@code statement_timeout}), a duration as {@code
   * lockTimeout}; {@code 0} (the default) for no limit.
   */
  @Parameter(property = "migrate.statementTimeout", defaultValue = "0")
  private String statementTimeout;

  /**
   * Tables autogenerate leaves out of the comparison entirely, as glob patterns ({@code *}, {@code
   * ?}) on the table name or {@code schema.name}, for example {@code
   * <excludeTables><excludeTable>tmp_*</excludeTable> </excludeTables>} or {@code
   * -Dmigrate.excludeTables=tmp_*,audit_log}.
   */
  @Parameter(property = "migrate.excludeTables")
  private List<String> excludeTables;

  /** Skips the goal. */
  @Parameter(property = "migrate.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping (migrate.skip)");
      return;
    }
    if (migrationsPackage == null || migrationsPackage.isBlank()) {
      if (session.getProjects().size() == 1) {
        // a single-module build: the setting is missing, not meant for another module
        throw new MojoFailureException(
            "No <migrationsPackage> configured for "
                + project.getArtifactId()
                + ": add <configuration><migrationsPackage>com.acme.db.migrations"
                + "</migrationsPackage></configuration> to migrate-maven-plugin in pom.xml (the Java"
                + " package of the migration classes), or pass -Dmigrate.migrationsPackage=...");
      }
      // a module of a multi-module build that Migrate is not configured in (the entity module)
      getLog().info("Skipping " + project.getArtifactId() + ": no <migrationsPackage> configured");
      return;
    }
    try {
      requireNoPasswordInPom();
      requireCompiled();
      goal();
    } catch (MigrateException e) {
      if (jsonRequested() && !jsonPrinted) {
        printJson(JsonOutput.error(mojoExecution.getGoal(), e.getMessage()));
      }
      if (e.code().userMustFix()) {
        throw new MojoFailureException(e.getMessage(), e);
      }
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (MojoFailureException e) {
      if (jsonRequested() && !jsonPrinted) {
        printJson(JsonOutput.error(mojoExecution.getGoal(), e.getMessage()));
      }
      throw e;
    } finally {
      if (embedded != null) {
        embedded.close();
        embedded = null;
      }
    }
  }

  /**
   * How a goal makes sure the compiled classes it reads (the model snapshot, the revision classes)
   * are current. The goals that write revisions or change the database fork {@code compile}
   * ({@code @Execute}); those that only read the graph or the database do not, so that they answer
   * without running the plugins bound before {@code compile}.
   */
  protected enum Freshness {
    /** The goal forks the lifecycle up to {@code compile}: the classes are current. */
    COMPILED_FIRST,
    /**
     * The goal reads the classes as they are: it fails when nothing was compiled yet and warns once
     * when a source is newer than the classes or the model snapshot.
     */
    WARN_IF_STALE,
    /**
     * The goal reads the classes as they are and fails when nothing was compiled yet or when a
     * source is newer than the classes or the model snapshot.
     */
    FAIL_IF_STALE
  }

  /** This goal's {@link Freshness}; {@link Freshness#COMPILED_FIRST} unless overridden. */
  protected Freshness freshness() {
    return Freshness.COMPILED_FIRST;
  }

  /**
   * Whether the goal prints its answer as one JSON document on standard output ({@code
   * -Dmigrate.format=json}); then an error is printed as a JSON document too.
   */
  protected boolean json() {
    return false;
  }

  /** {@link #json()}, false when {@code -Dmigrate.format} is invalid (which is the error then). */
  private boolean jsonRequested() {
    try {
      return json();
    } catch (MigrateException e) {
      return false;
    }
  }

  /**
   * Prints one line of the goal's answer: at info level, or on standard output when {@code mvn -q}
   * hides info, so that read-only goals answer under {@code -q} too.
   */
  protected void answer(String line) {
    if (getLog().isInfoEnabled()) {
      getLog().info(line);
    } else {
      PrintStream out = System.out;
      out.println(line);
      out.flush();
    }
  }

  /**
   * Prints {@code document} (see {@link JsonOutput}) as the goal's one JSON document on standard
   * output.
   */
  protected void printJson(Map<String, Object> document) {
    jsonPrinted = true;
    JsonOutput.print(document);
  }

  /** Applies {@link #freshness()}: fails or warns as it says. */
  private void requireCompiled() throws MojoFailureException {
    Freshness freshness = freshness();
    if (freshness == Freshness.COMPILED_FIRST) {
      return;
    }
    String command = "mvn compile migrate:" + mojoExecution.getGoal();
    CompiledClasses compiled = CompiledClasses.scan(classesDirectory.toPath(), sourceRoots());
    if (compiled.neverCompiled()) {
      throw new MojoFailureException(
          "No compiled classes in "
              + classesDirectory
              + ": migrate:"
              + mojoExecution.getGoal()
              + " reads the compiled model and revisions without compiling. Run "
              + command);
    }
    Optional<Path> stale = compiled.staleSource();
    if (stale.isEmpty()) {
      return;
    }
    String changed = project.getBasedir().toPath().relativize(stale.get()).toString();
    if (freshness == Freshness.FAIL_IF_STALE) {
      throw new MojoFailureException(
          "The model is older than the sources ("
              + changed
              + " changed since the last compile): run "
              + command);
    }
    // once per project and build, however many read-only goals the command line names
    if (project.getContextValue(STALE_WARNED) == null) {
      project.setContextValue(STALE_WARNED, Boolean.TRUE);
      getLog()
          .warn(
              "Sources changed since the last compile ("
                  + changed
                  + "): this answer reads the classes compiled before. Run "
                  + command
                  + " for one that includes them");
    }
  }

  /** Whether the goal's JSON document was printed: an error after it adds none. */
  private boolean jsonPrinted;

  private static final String STALE_WARNED = "dev.migrate.staleSourcesWarned";

  /**
   * The compile source roots a user edits: those outside the build directory (generated sources are
   * derived from them, and written during the compile itself).
   */
  private List<Path> sourceRoots() {
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path path = Path.of(root).toAbsolutePath().normalize();
      if (!path.startsWith(build)) {
        roots.add(path);
      }
    }
    return roots;
  }

  /**
   * The goal. By default {@link #run(ClassLoader)} with a class loader over the project's compiled
   * classes; a goal that needs none overrides this instead.
   */
  protected void goal() throws MojoExecutionException, MojoFailureException {
    try (URLClassLoader loader = projectClassLoader()) {
      run(loader);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot close the project class loader: " + e.getMessage(), e);
    }
  }

  /** The goal itself, given a class loader over the project's compiled classes. */
  protected void run(ClassLoader projectClasses)
      throws MojoExecutionException, MojoFailureException {
    throw new IllegalStateException(
        getClass().getSimpleName() + " overrides neither goal() nor run(ClassLoader)");
  }

  /** Whether a goal needs a database, or uses one only when one is configured somewhere. */
  protected enum DatabaseUse {
    /** Needs one: without a URL anywhere, the goal fails saying how to configure one. */
    REQUIRED,
    /**
     * Connects only when a URL is set ({@link #databaseConfigured()}): graph inspection, offline
     * SQL and check.
     */
    IF_CONFIGURED;

    /** {@link #REQUIRED} when {@code needed}, for a goal whose need depends on a parameter. */
    static DatabaseUse requiredWhen(boolean needed) {
      return needed ? REQUIRED : IF_CONFIGURED;
    }
  }

  /**
   * The facade's verbs over what this project selects: its schema groups (from the compiled model's
   * schemas and {@code <schemas>}), else the target schema(s) {@code -Dmigrate.schema} names, else
   * {@code public}.
   */
  protected Schemas schemas(ClassLoader projectClasses, DatabaseUse database) {
    SchemaGroups groups = groups();
    return configuration(database, projectClasses, groups)
        .schemaGroups(groups, migrationsPackage)
        .load()
        .schemas();
  }

  /**
   * The facade of the project's one chain (every migration class, schema groups or not) in the
   * schema {@code -Dmigrate.schema} names, for the goals that inspect or extend the graph.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) from its verbs when {@code
   *     -Dmigrate.schema} names several schemas
   */
  protected Migrate chain(ClassLoader projectClasses, DatabaseUse database) {
    Migrate migrate = configuration(database, projectClasses, SchemaGroups.none()).load();
    migrate.schema(); // these goals work on one schema: a list or a pattern fails here
    return migrate;
  }

  /**
   * The model: the union of this module's compiled snapshot and of every snapshot on its compile
   * class path (the entity modules it depends on), logged once when there is more than one, with
   * its converter checks resolved through the project's classes (a warning for each left out). A
   * missing or unreadable snapshot is waited for briefly (another build may be recompiling the
   * module), then fails: it is never taken for an empty model.
   *
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) naming the file and how to produce it, or
   *     the two snapshots that define one object differently
   */
  protected ModelSnapshots.Merged model() {
    if (model == null) {
      try (URLClassLoader loader = projectClassLoader()) {
        model = ModelSnapshots.read(classesDirectory.toPath(), loader);
      } catch (IOException | MojoExecutionException e) {
        throw new MigrateException(
            ErrorCode.IO, "Cannot read the project class path: " + e.getMessage(), e);
      }
      if (model.locations().size() > 1) {
        getLog().info("Model snapshots: " + String.join(", ", model.locations()));
      }
      model.warnings().forEach(getLog()::warn);
    }
    return model;
  }

  private ModelSnapshots.Merged model;

  /**
   * {@link #model()} for a goal that compares it with a database ({@code autogen}, {@code check}):
   * logs the naming it was captured with and refuses an incomplete or empty model.
   *
   * @param goal the goal, for messages ({@code "migrate:autogen"})
   * @throws MigrateException ({@link ErrorCode#MODEL_INCOMPLETE}) listing each mapping the
   *     processor could not model; ({@link ErrorCode#SNAPSHOT}) for an empty model
   */
  protected Database completeModel(String goal) {
    ModelSnapshots.Merged merged = model();
    merged.describeNaming().lines().forEach(line -> getLog().info("Model captured with " + line));
    return merged.requireComplete(goal);
  }

  /**
   * Logs each outcome of {@code results} with {@code line}, unless the facade fanned out, which
   * logged its summary table instead.
   */
  protected static <T> void logEach(Results<T> results, Consumer<Outcome<T>> line) {
    if (results.reportsEachSchema()) {
      results.outcomes().forEach(line);
    }
  }

  /** The schema groups of the project: from the compiled model's schemas and {@code <schemas>}. */
  private SchemaGroups groups() {
    return SchemaGroups.of(model().database(), schemas == null ? Map.of() : schemas);
  }

  /**
   * The configuration shared by every facade of this goal; with a database when one is needed or
   * configured.
   */
  private Configuration configuration(
      DatabaseUse database, ClassLoader projectClasses, SchemaGroups groups) {
    Map<String, String> properties = new HashMap<>();
    session
        .getUserProperties()
        .forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    Configuration configuration = Migrate.configure().caller(Caller.MAVEN);
    Optional<SchemaSelection> selection =
        SchemaSelection.fromSettings(properties, System.getenv(), schema);
    if (databaseConfigured()) {
      ConnectionSettings settings = connectionSettings(properties);
      announce(settings.describe(), selection, groups);
      configuration.connection(settings);
    } else if (database == DatabaseUse.REQUIRED) {
      if (embedded == null) {
        embedded =
            EmbeddedDatabase.start(
                Path.of(project.getBuild().getDirectory(), "migrate", "embedded-postgres"),
                getLog());
      }
      announce(embedded.describe(), selection, groups);
      configuration.connection(embedded.settings());
    }
    selection.ifPresent(configuration::schemas);
    if (threads != null) {
      configuration.threads(threads);
    }
    return configure(
        configuration
            .classLoader(projectClasses)
            .migrationsRoot(migrationsPackage)
            .lockTimeout(DurationSetting.parse(lockTimeout, "-Dmigrate.lockTimeout"))
            .lockRetries(lockRetries)
            .lockWait(DurationSetting.parse(lockWait, "-Dmigrate.lockWait"))
            .statementTimeout(DurationSetting.parse(statementTimeout, "-Dmigrate.statementTimeout"))
            .excludeTables(excludeTables == null ? List.of() : excludeTables)
            .log(json() ? getLog()::debug : getLog()::info)
            .warnings(getLog()::warn));
  }

  /**
   * The goal's own settings on top of the shared {@code configuration} (for example autogen's
   * {@code safeForms}); by default none.
   */
  protected Configuration configure(Configuration configuration) {
    return configuration;
  }

  /** The embedded server this goal started, stopped when the goal ends; {@code null} if none. */
  private EmbeddedDatabase embedded;

  /** Whether the {@code Database: ...} line was printed in this goal. */
  private boolean announced;

  /**
   * The settings from {@code -D} properties, the environment, the configuration and the {@link
   * #serverId} server, highest first.
   */
  private ConnectionSettings connectionSettings(Map<String, String> properties) {
    String serverUser = null;
    String serverPassword = null;
    String id = first(properties.get("migrate.serverId"), serverId);
    if (id != null) {
      Server server = session.getSettings().getServer(id);
      if (server == null) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "migrate.serverId="
                + id
                + " names no <server> in settings.xml ("
                + session.getRequest().getUserSettingsFile()
                + "): add <servers><server><id>"
                + id
                + "</id><username>...</username><password>...</password></server></servers>"
                + " (encrypt the password with mvn --encrypt-password).");
      }
      SettingsDecryptionResult decrypted =
          settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      if (!decrypted.getProblems().isEmpty()) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "Cannot decrypt the password of <server> "
                + id
                + " in settings.xml: "
                + decrypted.getProblems().get(0).getMessage()
                + ". Check settings-security.xml (mvn --encrypt-master-password).");
      }
      serverUser = decrypted.getServer().getUsername();
      serverPassword = decrypted.getServer().getPassword();
    }
    return ConnectionSettings.resolve(
        properties, System.getenv(), url, first(user, serverUser), serverPassword);
  }

  /**
   * Prints, once per goal, the database the goal talks to: {@code Database: host:5432/app as app,
   * schema public} (never the password).
   */
  private void announce(String database, Optional<SchemaSelection> selection, SchemaGroups groups) {
    if (announced) {
      return;
    }
    announced = true;
    String schemas;
    if (!groups.isEmpty()) {
      schemas = "schema groups " + groups;
    } else {
      String chosen = selection.map(SchemaSelection::toString).orElse("public");
      schemas =
          (chosen.contains(",") || SchemaSelection.isPattern(chosen) ? "schemas " : "schema ")
              + chosen;
    }
    String line = "Database: " + database + ", " + schemas;
    if (json()) {
      getLog().debug(line);
    } else {
      getLog().info(line);
    }
  }

  /**
   * Refuses a {@code <password>} in the plugin's POM configuration: it is no parameter (a password
   * in the POM is committed and printed by {@code mvn -X}), and ignoring it silently would
   * surprise.
   */
  private void requireNoPasswordInPom() throws MojoFailureException {
    Plugin plugin =
        project.getPlugin(
            mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey());
    if (plugin == null) {
      return;
    }
    List<Object> configurations = new ArrayList<>();
    configurations.add(plugin.getConfiguration());
    plugin.getExecutions().forEach(e -> configurations.add(e.getConfiguration()));
    for (Object configuration : configurations) {
      if (configuration instanceof Xpp3Dom dom && dom.getChild("password") != null) {
        throw new MojoFailureException(
            "<password> in the configuration of migrate-maven-plugin is not read (a password in the"
                + " POM is committed, and mvn -X would print it): put the credentials in a"
                + " settings.xml <server> and name it with <serverId>, or set MIGRATE_PASSWORD /"
                + " -Dmigrate.password.");
      }
    }
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /**
   * Whether a database URL is set anywhere ({@code -Dmigrate.url}, the environment, the
   * configuration).
   */
  protected boolean databaseConfigured() {
    for (String value :
        new String[] {
          session.getUserProperties().getProperty("migrate.url"),
          System.getenv("MIGRATE_URL"),
          System.getenv("DATABASE_URL"),
          url
        }) {
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The project's compile class path over this plugin's class loader: parent first, so the
   * migration classes see the plugin's copy of the runtime API and {@code instanceof Migration}
   * holds.
   */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getCompileClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException(
          "Cannot build the class path of " + project.getId() + ": " + e.getMessage(), e);
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }
}
