package dev.migrate.maven;

import dev.migrate.ConnectionSettings;
import dev.migrate.ErrorCode;
import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * The schema the chain runs in: its tables, {@code migrate_version} and {@code migrate_history} live there.
   * {@code -Dschema} and {@code MIGRATE_SCHEMA} take precedence.
   */
  @Parameter(property = "schema", defaultValue = "public")
  private String schema;

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

  /** The schema after {@code -Dschema} and {@code MIGRATE_SCHEMA}. */
  protected String schema() {
    String fromProperty = session.getUserProperties().getProperty("schema");
    String fromEnvironment = System.getenv("MIGRATE_SCHEMA");
    if (fromProperty != null && !fromProperty.isBlank()) {
      return fromProperty;
    }
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return schema;
  }

  /** A configured facade for this project. */
  protected Migrate migrate(ClassLoader projectClasses) {
    return migrate(projectClasses, true);
  }

  /**
   * A configured facade for this project; with {@code needsDatabase} false and no database configured anywhere, one
   * without a database (graph inspection, new revision files, offline SQL with a start, the offline check).
   */
  protected Migrate migrate(ClassLoader projectClasses, boolean needsDatabase) {
    Migrate.Configuration configuration = Migrate.configure();
    if (needsDatabase || databaseConfigured()) {
      Map<String, String> properties = new HashMap<>();
      session.getUserProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
      ConnectionSettings settings = ConnectionSettings.resolve(properties, System.getenv(), url, user, password);
      getLog().debug("Database: " + settings.describe() + ", schema " + schema());
      configuration.connection(settings);
    }
    return configuration
        .schema(schema())
        .classLoader(projectClasses)
        .lockTimeout(Duration.ofSeconds(lockTimeoutSeconds))
        .excludeTables(excludeTables == null ? List.of() : excludeTables)
        .log(getLog()::info)
        .load();
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
