package dev.migrate.it.harness;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;

/**
 * Hibernate 6.6 (PostgreSQL dialect) as the judge of a schema, for the entities of a {@link
 * CompiledModel} and one {@link NamingOption}. Every call bootstraps Hibernate the way an
 * application does (a {@link SessionFactory} built from annotated classes), so Bean Validation's
 * DDL rules ({@code @NotNull}, {@code @Size}, {@code @Digits}, applied by Hibernate's {@code
 * BeanValidationIntegrator} when Hibernate Validator is on the class path) shape the schema it
 * expects, exactly as in the application.
 */
public final class HibernateOracle {

  /**
   * Hibernate logs through JBoss Logging to java.util.logging here: its start-up chatter stays out
   * of test output.
   */
  private static final java.util.logging.Logger HIBERNATE_LOG =
      java.util.logging.Logger.getLogger("org.hibernate");

  static {
    HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final CompiledModel model;
  private final NamingOption naming;

  public HibernateOracle(CompiledModel model, NamingOption naming) {
    this.model = model;
    this.naming = naming;
  }

  /**
   * Runs Hibernate's schema validator ({@code hibernate.hbm2ddl.auto=validate}) against {@code
   * database}.
   *
   * @throws org.hibernate.tool.schema.spi.SchemaManagementException naming the first table or
   *     column that does not match
   */
  public void validate(FreshDatabase database) {
    withSessionFactory(
        database, Map.of("hibernate.hbm2ddl.auto", "validate"), (metadata, registry) -> {});
  }

  /**
   * Creates the schema in the (empty) {@code database} with Hibernate's schema export ({@code
   * create-only}).
   *
   * @throws org.hibernate.tool.schema.spi.SchemaManagementException when a statement fails
   *     (Hibernate would only log it; {@code hibernate.hbm2ddl.halt_on_error} makes it stop)
   */
  public void export(FreshDatabase database) {
    withSessionFactory(
        database,
        Map.of("hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"),
        (metadata, registry) -> {});
  }

  /**
   * The statements Hibernate's schema migrator ({@code hibernate.hbm2ddl.auto=update}) would run
   * against {@code database}, collected from a script target instead of being executed; empty when
   * Hibernate sees nothing to do. Unique keys use Hibernate's default strategy ({@code
   * DROP_RECREATE_QUIETLY}), as applications get it.
   */
  public List<String> updateScript(FreshDatabase database) {
    List<String> statements = new ArrayList<>();
    withSessionFactory(
        database,
        Map.of(),
        (metadata, registry) -> {
          Map<String, Object> settings =
              new HashMap<>(
                  registry
                      .getService(org.hibernate.engine.config.spi.ConfigurationService.class)
                      .getSettings());
          ExecutionOptions options =
              SchemaManagementToolCoordinator.buildExecutionOptions(
                  settings, ExceptionHandlerHaltImpl.INSTANCE);
          registry
              .getService(SchemaManagementTool.class)
              .getSchemaMigrator(settings)
              .doMigration(metadata, options, ContributableMatcher.ALL, scriptTarget(statements));
        });
    return List.copyOf(statements);
  }

  private static TargetDescriptor scriptTarget(List<String> statements) {
    ScriptTargetOutput output =
        new ScriptTargetOutput() {
          @Override
          public void prepare() {}

          @Override
          public void accept(String command) {
            statements.add(command.strip().replaceAll(";$", ""));
          }

          @Override
          public void release() {}
        };
    return new TargetDescriptor() {
      @Override
      public EnumSet<TargetType> getTargetTypes() {
        return EnumSet.of(TargetType.SCRIPT);
      }

      @Override
      public ScriptTargetOutput getScriptTargetOutput() {
        return output;
      }
    };
  }

  private interface WithMetadata {
    void accept(Metadata metadata, StandardServiceRegistry registry);
  }

  private void withSessionFactory(
      FreshDatabase database, Map<String, Object> extra, WithMetadata action) {
    Map<String, Object> settings = new HashMap<>(naming.hibernateSettings());
    settings.put("hibernate.connection.url", database.url());
    settings.put("hibernate.connection.username", database.user());
    settings.put("hibernate.connection.password", database.password());
    settings.put("hibernate.connection.pool_size", "2");
    settings.put("hibernate.hbm2ddl.auto", "none");
    settings.putAll(extra);
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(model.loader()).build())
            .applySettings(settings)
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String entity : model.entityClassNames()) {
        sources.addAnnotatedClass(load(entity));
      }
      Metadata metadata = sources.buildMetadata();
      // building the session factory applies Bean Validation to the mapping, then runs hbm2ddl.auto
      SessionFactory factory = metadata.buildSessionFactory();
      try {
        action.accept(metadata, registry);
      } finally {
        factory.close();
      }
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private Class<?> load(String name) {
    try {
      return model.loader().loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
