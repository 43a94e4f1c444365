package dev.migrate.spring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Makes every bean that uses the database through JPA, jOOQ or Spring's JDBC templates depend on
 * the {@link MigrateInitializer} beans of the context (the auto-configured one, or the
 * application's own), so that the schema is upgraded before the first of them is created: a JPA
 * {@code EntityManagerFactory} with {@code spring.jpa.hibernate.ddl-auto=validate} then sees the
 * migrated tables.
 *
 * <p>Spring Boot orders Flyway the same way (its {@code EntityManagerFactoryDependsOnPostProcessor}
 * and siblings), but those classes moved between Spring Boot 3 and 4; this post-processor names the
 * types by class name instead, so it works with both and with applications that lack some of them.
 * The types: {@value #ENTITY_MANAGER_FACTORY}, {@value #ENTITY_MANAGER_FACTORY_BEAN} (the factory
 * bean Spring Boot's JPA auto-configuration declares), {@value #JDBC_TEMPLATE}, {@value
 * #NAMED_PARAMETER_JDBC_TEMPLATE} and {@value #DSL_CONTEXT}.
 */
public class MigrateDependsOnPostProcessor implements BeanFactoryPostProcessor, Ordered {

  static final String ENTITY_MANAGER_FACTORY = "jakarta.persistence.EntityManagerFactory";
  static final String ENTITY_MANAGER_FACTORY_BEAN =
      "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean";
  static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcOperations";
  static final String NAMED_PARAMETER_JDBC_TEMPLATE =
      "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations";
  static final String DSL_CONTEXT = "org.jooq.DSLContext";

  private static final List<String> TYPES =
      List.of(
          ENTITY_MANAGER_FACTORY,
          ENTITY_MANAGER_FACTORY_BEAN,
          JDBC_TEMPLATE,
          NAMED_PARAMETER_JDBC_TEMPLATE,
          DSL_CONTEXT);

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    String[] initializers = beanFactory.getBeanNamesForType(MigrateInitializer.class, true, false);
    if (initializers.length == 0) {
      return;
    }
    for (String name : users(beanFactory, Set.of(initializers))) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      Set<String> dependsOn = new LinkedHashSet<>();
      if (definition.getDependsOn() != null) {
        dependsOn.addAll(List.of(definition.getDependsOn()));
      }
      if (dependsOn.addAll(List.of(initializers))) {
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    }
  }

  /**
   * The names of the bean definitions of the types above that this factory defines, the
   * initializers excepted.
   */
  private static List<String> users(
      ConfigurableListableBeanFactory beanFactory, Set<String> initializers) {
    ClassLoader loader = beanFactory.getBeanClassLoader();
    Set<String> names = new LinkedHashSet<>();
    for (String type : TYPES) {
      if (!ClassUtils.isPresent(type, loader)) {
        continue;
      }
      Class<?> cls = ClassUtils.resolveClassName(type, loader);
      for (String name : beanFactory.getBeanNamesForType(cls, true, false)) {
        names.add(BeanFactoryUtils.transformedBeanName(name));
      }
    }
    List<String> own = new ArrayList<>();
    for (String name : names) {
      if (!initializers.contains(name) && beanFactory.containsBeanDefinition(name)) {
        own.add(name);
      }
    }
    return own;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
