package dev.migrate.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The safety lint's rules whose findings a revision accepts on purpose (strong_migrations' {@code
 * safety_assured}, squawk's {@code squawk-ignore}): {@code mvn migrate:lint} and {@code
 * migrate:check} still list them, marked accepted, and never fail on them.
 *
 * <pre>{@code
 * @AcceptedHazards({"changing-column-type", "ban-drop-column"})  // the table is small; reviewed
 * @Revision(id = "3f2a9c1d7b04", revises = "9b1e4c2a7d10", message = "longer code")
 * public class R20261121_153012_LongerCode implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AcceptedHazards {

  /** Rule ids, for example {@code "changing-column-type"}; see the README's rule table. */
  String[] value();
}
