package dev.migrate.maven;

import dev.migrate.ConnectionSettings;
import dev.migrate.ErrorCode;
import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.model.Database;
import dev.migrate.runner.RunResult;
import dev.migrate.schema.FanOut;
import dev.migrate.schema.FanOutReport;
import dev.migrate.schema.GroupChains;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every {@code migrate:*} goal shares: the database settings, the schema, the migrations package, and the
 * translation of Migrate's errors into Maven's (a problem the user must fix fails the build with
 * {@link MojoFailureException}; a broken environment with {@link MojoExecutionException}).
 */
abstract class AbstractMigrateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /**
   * The database: a JDBC URL ({@code jdbc:postgresql://localhost:5432/app}) or a libpq URL
   * ({@code postgresql://user:password@localhost:5432/app}). {@code -Dmigrate.url}, {@code MIGRATE_URL} and
   * {@code DATABASE_URL} take precedence over this setting, in that order.
   */
  @Parameter(property = "migrate.url")
  private String url;

  /** The database user. {@code -Dmigrate.user} and {@code MIGRATE_USER} take precedence. */
  @Parameter(property = "migrate.user")
  private String user;

  /**
   * The database password. {@code -Dmigrate.password} and {@code MIGRATE_PASSWORD} take precedence. It is never
   * logged; prefer the environment to a password in the POM.
   */
  @Parameter(property = "migrate.password")
  private String password;

  /**
   * Which schema(s) a goal works on; {@code -Dschema} and {@code MIGRATE_SCHEMA} take precedence. For a model whose
   * entities carry no schema: the target schema the chain runs in (tables, {@code migrate_version} and
   * {@code migrate_history} live there), or a comma list or pattern ({@code tenant_*}, over existing schemas) that
   * {@code upgrade}, {@code downgrade} and {@code current} fan out over. For a model whose entities carry schemas:
   * the schema groups to work on, by alias or schema name ({@code user,message}); all groups when not given.
   */
  @Parameter(property = "schema")
  private String schema;

  /**
   * Aliases of schema groups, alias to schema: {@code <schemas><user>rfx_user</user></schemas>}. Each group's
   * migrations live in {@code <migrationsPackage>.<alias>}; a schema of the model without an alias is a group named
   * after itself.
   */
  @Parameter
  private Map<String, String> schemas;

  /**
   * How many schemas a fan-out runs at once ({@code -Dmigrate.threads}); default the smaller of 4 and the number
   * of schemas. Each thread holds one pooled connection.
   */
  @Parameter(property = "migrate.threads")
  private Integer threads;

  /** The Java package of the migration classes, for example {@code com.acme.db.migrations}. */
  @Parameter(property = "migrate.migrationsPackage", required = true)
  protected String migrationsPackage;

  /** The source root new migration classes are written under. */
  @Parameter(property = "migrate.migrationsDirectory", defaultValue = "${project.build.sourceDirectory}")
  protected File migrationsDirectory;

  /** The class output directory holding the compiled model snapshot and migrations. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  protected File classesDirectory;

  /** How long to wait for another run's lock on the same schema, in seconds. */
  @Parameter(property = "migrate.lockTimeout", defaultValue = "60")
  private int lockTimeoutSeconds;

  /**
   * Tables autogenerate leaves out of the comparison entirely, as glob patterns ({@code *}, {@code ?}) on the table
   * name or {@code schema.name}, for example {@code <excludeTables><excludeTable>tmp_*</excludeTable>
   * </excludeTables>} or {@code -Dmigrate.excludeTables=tmp_*,audit_log}.
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
    try (URLClassLoader loader = projectClassLoader()) {
      run(loader);
    } catch (MigrateException e) {
      if (e.code().userMustFix()) {
        throw new MojoFailureException(e.getMessage(), e);
      }
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new MojoExecutionException("Cannot close the project class loader: " + e.getMessage(), e);
    }
  }

  /** The goal itself, given a class loader over the project's compiled classes. */
  protected abstract void run(ClassLoader projectClasses) throws MojoExecutionException, MojoFailureException;

  /**
   * What {@code -Dschema}, {@code MIGRATE_SCHEMA} or {@code <schema>} select, in that order; empty when none is
   * given.
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) if a name in it is not valid
   */
  protected Optional<SchemaSelection> selection() {
    String fromProperty = session.getUserProperties().getProperty("schema");
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(SchemaSelection.parse(fromProperty, "-Dschema"));
    }
    String fromEnvironment = System.getenv("MIGRATE_SCHEMA");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(SchemaSelection.parse(fromEnvironment, "MIGRATE_SCHEMA"));
    }
    if (schema != null && !schema.isBlank()) {
      return Optional.of(SchemaSelection.parse(schema, "<schema>"));
    }
    return Optional.empty();
  }

  /** The single target schema: the selection when it names one schema, {@code public} when there is none. */
  protected String schema() {
    Optional<SchemaSelection> selection = selection();
    if (selection.isEmpty()) {
      return "public";
    }
    if (!selection.get().isSingle()) {
      throw new MigrateException(ErrorCode.CONFIGURATION, "schema selection '" + selection.get() + "' names several"
          + " schemas, but this goal works on one. Name one, for example -Dschema=dev.");
    }
    return selection.get().items().get(0);
  }

  /**
   * Whether the selection fans out over several target schemas (a list or a pattern). Only meaningful without
   * schema groups.
   */
  protected boolean fansOut() {
    return selection().map(s -> !s.isSingle()).orElse(false);
  }

  /**
   * The schema groups of the project: from the compiled model's schemas and {@code <schemas>}. Empty (target-schema
   * mode) when the model's entities carry no schema and no aliases are configured.
   */
  protected SchemaGroups groups() {
    Database model;
    Path snapshot = classesDirectory.toPath().resolve(Snapshot.RESOURCE);
    if (Files.exists(snapshot)) {
      model = SnapshotJson.readFromClassesDirectory(classesDirectory.toPath()).database();
    } else {
      model = Database.empty();
    }
    return SchemaGroups.of(model, schemas == null ? Map.of() : schemas);
  }

  /**
   * The chains of the schema groups, and the groups the selection names (all when it names none).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for an unknown group, listing the known ones
   */
  protected GroupChains groupChains(SchemaGroups groups, ClassLoader projectClasses) {
    return groupChains(groups, projectClasses, true);
  }

  /** As {@link #groupChains(SchemaGroups, ClassLoader)}, without a database when none is needed or configured. */
  protected GroupChains groupChains(SchemaGroups groups, ClassLoader projectClasses, boolean needsDatabase) {
    return new GroupChains(groups, g -> configuration(needsDatabase, projectClasses)
        .schema(g.schema())
        .migrationsPackage(g.packageName(migrationsPackage))
        .load(), getLog()::info);
  }

  /**
   * The offline SQL of each selected schema group, one after the other, each under a comment naming the group
   * (each group's script sets its own search path and version table).
   */
  protected String groupScripts(SchemaGroups groups, ClassLoader projectClasses, Function<Migrate, String> script) {
    GroupChains chains = groupChains(groups, projectClasses, false);
    StringBuilder all = new StringBuilder();
    for (SchemaGroup group : selectedGroups(groups)) {
      all.append("-- schema group ").append(group).append('\n').append(script.apply(chains.chain(group)));
      if (all.charAt(all.length() - 1) != '\n') {
        all.append('\n');
      }
    }
    return all.toString();
  }

  /** The groups the selection names; all of them without a selection. */
  protected List<SchemaGroup> selectedGroups(SchemaGroups groups) {
    return selection().map(groups::select).orElse(groups.all());
  }

  /** A configured facade for this project, in the single target schema ({@link #schema()}). */
  protected Migrate migrate(ClassLoader projectClasses) {
    return migrate(projectClasses, true);
  }

  /**
   * A configured facade for this project, in the single target schema ({@link #schema()}); with
   * {@code needsDatabase} false and no database configured anywhere, one without a database (graph inspection, new
   * revision files, offline SQL with a start, the offline check).
   */
  protected Migrate migrate(ClassLoader projectClasses, boolean needsDatabase) {
    return configuration(needsDatabase, projectClasses).schema(schema()).load();
  }

  /** A configured facade for this project, in its default schema, for fan-outs over {@link #targetSchemas}. */
  protected Migrate migrateForFanOut(ClassLoader projectClasses) {
    return configuration(true, projectClasses).load();
  }

  /** The schemas the selection names, patterns expanded over the database's schemas. */
  protected List<String> targetSchemas(Migrate migrate) {
    return migrate.schemas(selection().orElseThrow());
  }

  /** {@code -Dmigrate.threads}, or min(4, {@code schemas}). */
  protected int threads(int schemas) {
    if (threads == null) {
      return FanOut.defaultThreads(schemas);
    }
    if (threads < 1) {
      throw new MigrateException(ErrorCode.CONFIGURATION, "-Dmigrate.threads=" + threads + " must be at least 1");
    }
    return threads;
  }

  /**
   * Runs a goal over the selected target schemas in parallel, logs the summary table, and fails listing every
   * schema that failed.
   */
  protected FanOutReport fanOut(ClassLoader projectClasses, String goal, Function<Migrate, RunResult> action) {
    Migrate migrate = migrateForFanOut(projectClasses);
    List<String> schemas = targetSchemas(migrate);
    int threads = Math.max(1, Math.min(threads(schemas.size()), schemas.size()));
    getLog().info(goal + ": " + schemas.size() + " schema(s) of " + migrate.database() + " on " + threads
        + " thread(s)");
    FanOutReport report = migrate.forEachSchema(goal, schemas, threads, action);
    report.summary().forEach(getLog()::info);
    report.throwIfFailed();
    return report;
  }

  /** The configuration shared by every facade of this goal; with a database when one is needed or configured. */
  private Migrate.Configuration configuration(boolean needsDatabase, ClassLoader projectClasses) {
    Migrate.Configuration configuration = Migrate.configure();
    if (needsDatabase || databaseConfigured()) {
      Map<String, String> properties = new HashMap<>();
      session.getUserProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
      ConnectionSettings settings = ConnectionSettings.resolve(properties, System.getenv(), url, user, password);
      getLog().debug("Database: " + settings.describe());
      configuration.connection(settings);
    }
    return configuration
        .classLoader(projectClasses)
        .lockTimeout(Duration.ofSeconds(lockTimeoutSeconds))
        .excludeTables(excludeTables == null ? List.of() : excludeTables)
        .log(getLog()::info);
  }

  /** Whether a database URL is set anywhere ({@code -Dmigrate.url}, the environment, the configuration). */
  protected boolean databaseConfigured() {
    for (String value : new String[] {session.getUserProperties().getProperty("migrate.url"),
        System.getenv("MIGRATE_URL"), System.getenv("DATABASE_URL"), url}) {
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The project's compile class path over this plugin's class loader: parent first, so the migration classes see
   * the plugin's copy of the runtime API and {@code instanceof Migration} holds.
   */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getCompileClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("Cannot build the class path of " + project.getId() + ": " + e.getMessage(),
          e);
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  /** Fails with the usage of a required {@code -D} property. */
  protected static MigrateException missing(String property, String example) {
    return new MigrateException(ErrorCode.CONFIGURATION, "-D" + property + " is required, for example: " + example);
  }
}
