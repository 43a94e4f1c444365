package dev.migrate;

/**
 * Who calls the facade, which decides how its error messages name the next step ({@link
 * Configuration#caller}).
 */
public enum Caller {
  /**
   * An application (a {@code main}, a Spring Boot start-up, a test): the next step is a call of the
   * facade, for example {@code Migrate#stamp("3f2a9c1d7b04", StampMode.PURGE)}. The default.
   */
  APPLICATION,
  /**
   * The Maven goals: the next step is a goal with its properties, for example {@code mvn
   * migrate:stamp -Dmigrate.revision=3f2a9c1d7b04 -Dmigrate.purge}. The plugin sets this.
   */
  MAVEN
}
