package dev.migrate.spring;

import dev.migrate.Configuration;
import dev.migrate.ErrorCode;
import dev.migrate.Migrate;
import dev.migrate.MigrateException;
import dev.migrate.Outcome;
import dev.migrate.Results;
import dev.migrate.Schemas;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.model.Database;
import dev.migrate.runner.RunResult;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.snapshot.ConverterChecks;
import dev.migrate.snapshot.ModelSnapshots;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Upgrades the application's {@code DataSource} when the context creates this bean, which {@link
 * MigrateDependsOnPostProcessor} places before JPA, jOOQ and the JDBC templates: one call of the
 * facade ({@code Migrate.configure()...load().schemas().upgrade(target)}), then, with {@code
 * migrate.check-on-start}, the live check.
 *
 * <p>Lines go to the application's logging, through commons-logging (Spring's own logging bridge,
 * in Spring Boot 3 and 4) under the logger {@value #LOGGER}. A problem fails start-up with the
 * facade's {@link MigrateException}: a failed revision names the revision, the statement and the
 * database's error, and that revision is rolled back.
 */
public class MigrateInitializer implements InitializingBean {

  /** The logger name of every line Migrate writes in an application. */
  public static final String LOGGER = "dev.migrate";

  private static final Log LOG = LogFactory.getLog(LOGGER);

  private final DataSource dataSource;
  private final MigrateProperties properties;
  private final ClassLoader classLoader;
  private Results<RunResult> upgrade;

  /**
   * @param dataSource the application's database
   * @param properties the {@code migrate.*} settings
   * @param classLoader the loader that sees the application's migration classes and its {@value
   *     Snapshot#RESOURCE}
   */
  public MigrateInitializer(
      DataSource dataSource, MigrateProperties properties, ClassLoader classLoader) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.classLoader = classLoader;
  }

  /**
   * Runs the upgrade (and the check, when asked).
   *
   * @throws MigrateException as {@link Schemas#upgrade}; ({@link ErrorCode#NOT_AT_HEAD}) with the
   *     check's report when {@code migrate.check-on-start} finds that the model and the database
   *     disagree; ({@link ErrorCode#SNAPSHOT}) when the check has no model snapshot to read
   */
  @Override
  public void afterPropertiesSet() {
    long started = System.nanoTime();
    Optional<Database> model = model();
    Configuration configuration =
        Migrate.configure()
            .dataSource(dataSource)
            .classLoader(classLoader)
            .lockTimeout(properties.getLockTimeout())
            .lockWait(properties.getLockWait())
            .log(LOG::info)
            .warnings(LOG::warn);
    String migrationsPackage = properties.getMigrationsPackage();
    SchemaGroups groups = model.map(m -> SchemaGroups.of(m, Map.of())).orElse(SchemaGroups.none());
    if (migrationsPackage != null && !migrationsPackage.isBlank()) {
      configuration.migrationsRoot(migrationsPackage).schemaGroups(groups, migrationsPackage);
    } else if (!groups.isEmpty()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "The entity model places tables in schemas ("
              + groups
              + "), so each schema group has its own chain under the migrations package: set"
              + " migrate.migrations-package, for example migrate.migrations-package="
              + "com.acme.db.migrations (the plugin's <migrationsPackage>).");
    }
    String schemas = properties.getSchemas();
    if (schemas != null && !schemas.isBlank()) {
      configuration.schemas(SchemaSelection.parse(schemas, "migrate.schemas"));
    }
    Schemas verbs = configuration.load().schemas();
    upgrade = verbs.upgrade(properties.getTarget());
    if (upgrade.reportsEachSchema()) {
      upgrade.outcomes().forEach(MigrateInitializer::logRun);
    }
    if (properties.isCheckOnStart()) {
      check(verbs, model);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Start-up work took "
              + (System.nanoTime() - started) / 1_000_000
              + " ms (model, upgrade"
              + (properties.isCheckOnStart() ? ", check)." : ")."));
    }
  }

  /** What the upgrade did, one outcome per schema; {@code null} before the bean was initialized. */
  public Results<RunResult> upgrade() {
    return upgrade;
  }

  private static void logRun(Outcome<RunResult> outcome) {
    RunResult run = outcome.value();
    LOG.info(
        run.revisions().isEmpty()
            ? outcome.label() + " is up to date at " + revision(run.to()) + "."
            : outcome.label()
                + ": upgraded from "
                + revision(run.from())
                + " to "
                + revision(run.to())
                + " ("
                + run.revisions().size()
                + " revision"
                + (run.revisions().size() == 1 ? "" : "s")
                + ", "
                + run.durationMillis()
                + " ms).");
  }

  private static String revision(String id) {
    return id == null ? "base" : id;
  }

  private void check(Schemas verbs, Optional<Database> model) {
    Database database =
        model.orElseThrow(
            () ->
                new MigrateException(
                    ErrorCode.SNAPSHOT,
                    "migrate.check-on-start=true compares the database with the entity model, and"
                        + " the class path has no "
                        + Snapshot.RESOURCE
                        + ": compile the entities with dev.migrate:model-processor on the"
                        + " annotation processor path, or set migrate.check-on-start=false."));
    List<String> problems = new ArrayList<>();
    for (Outcome<CheckResult> outcome : verbs.check(CheckMode.LIVE, database).outcomes()) {
      if (!outcome.value().passed()) {
        problems.add(outcome.label() + ": " + outcome.value().report());
      }
    }
    if (!problems.isEmpty()) {
      throw new MigrateException(
          ErrorCode.NOT_AT_HEAD,
          String.join("\n", problems)
              + "\n(migrate.check-on-start=true; set it to false to start anyway.)");
    }
    LOG.info("The database and the entity model agree (migrate.check-on-start).");
  }

  /**
   * The union of every {@value Snapshot#RESOURCE} the class loader sees (the application's and its
   * entity modules'), or empty when there is none.
   */
  private Optional<Database> model() {
    List<URL> urls;
    try {
      urls = Collections.list(classLoader.getResources(Snapshot.RESOURCE));
    } catch (IOException e) {
      throw new MigrateException(
          ErrorCode.IO,
          "Cannot list the "
              + Snapshot.RESOURCE
              + " resources of the class path: "
              + e.getMessage(),
          e);
    }
    if (urls.isEmpty()) {
      return Optional.empty();
    }
    List<ModelSnapshots.Source> sources = new ArrayList<>();
    for (URL url : urls) {
      try (InputStream in = url.openStream()) {
        // the converter checks Hibernate derives by running the application's converters
        ConverterChecks.Resolved resolved =
            ConverterChecks.resolve(SnapshotJson.read(in, url.toString()), classLoader);
        resolved.warnings().forEach(LOG::warn);
        sources.add(new ModelSnapshots.Source(url.toString(), resolved.database()));
      } catch (IOException e) {
        throw new MigrateException(ErrorCode.IO, "Cannot read " + url + ": " + e.getMessage(), e);
      }
    }
    return Optional.of(ModelSnapshots.merge(sources));
  }
}
