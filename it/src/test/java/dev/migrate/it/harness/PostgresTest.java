package dev.migrate.it.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an acceptance or harness test class that needs a running PostgreSQL ({@link FreshDatabase},
 * the {@code migrate.test.*} properties): it carries the JUnit tag {@code postgres}.
 *
 * <p>The build runs such classes in the {@code integration-test} phase, next to the invoker
 * scenarios; {@code mvn test} runs only the pure harness tests ({@link LineDiffTest}, {@link
 * DumpNormalizerTest}, {@link UpdateScriptTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("postgres")
public @interface PostgresTest {}
