package dev.migrate.spring;

import dev.migrate.Migrate;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Runs the application's migrations at start-up on its {@code DataSource}, before JPA's {@code
 * EntityManagerFactory}, jOOQ's {@code DSLContext} and the JDBC templates are created, as Spring
 * Boot does with Flyway. Active when the context has one {@code DataSource} and {@code
 * migrate.enabled} is not {@code false}; an application's own {@link MigrateInitializer} bean
 * replaces the default one. Settings: {@link MigrateProperties}.
 *
 * <p>Ordered after the {@code DataSource} auto-configuration by class name: Spring Boot 3 has it in
 * {@code org.springframework.boot.autoconfigure.jdbc}, Spring Boot 4 in {@code
 * org.springframework.boot.jdbc.autoconfigure}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
    })
@ConditionalOnClass(Migrate.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "migrate", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
public class MigrateAutoConfiguration {

  /** Upgrades the database when created. */
  @Bean
  @ConditionalOnMissingBean(MigrateInitializer.class)
  public MigrateInitializer migrateInitializer(
      DataSource dataSource, MigrateProperties properties, ResourceLoader resourceLoader) {
    ClassLoader classLoader = resourceLoader.getClassLoader();
    return new MigrateInitializer(
        dataSource,
        properties,
        classLoader != null ? classLoader : ClassUtils.getDefaultClassLoader());
  }

  /** Places the initializer before every JPA, jOOQ and JDBC template bean. */
  @Bean
  public static MigrateDependsOnPostProcessor migrateDependsOnPostProcessor() {
    return new MigrateDependsOnPostProcessor();
  }
}
