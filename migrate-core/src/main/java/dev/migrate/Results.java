package dev.migrate;

import java.util.List;

/**
 * What one verb of {@link Schemas} did: one {@link Outcome} per schema it ran in, in the order they
 * ran (schema groups a group depends on first) or were selected (a fan-out).
 *
 * <p>A fan-out has logged its progress lines and its {@link #summary()} to the configured log
 * already, and has thrown if any schema failed; a caller that prints results prints each outcome
 * only for the other layouts.
 *
 * @param verb the verb, for example {@code upgrade}
 * @param layout which of the three shapes ran
 * @param outcomes one per schema
 * @param summary a fan-out's summary table and totals line (see {@link
 *     dev.migrate.schema.FanOutReport#summary()}); empty for the other layouts
 * @param <T> the verb's result type
 */
public record Results<T>(
    String verb, Layout layout, List<Outcome<T>> outcomes, List<String> summary) {

  /** The three shapes a verb serves. */
  public enum Layout {
    /** One target schema ({@code -Dmigrate.schema=dev}, or {@code public}). */
    SCHEMA,
    /** Each selected schema group, in its own schema with its own chain. */
    GROUPS,
    /** A list or pattern of target schemas, in parallel. */
    FAN_OUT
  }

  public Results {
    outcomes = List.copyOf(outcomes);
    summary = List.copyOf(summary);
  }

  /** The values, in the order of {@link #outcomes()}. */
  public List<T> values() {
    return outcomes.stream().map(Outcome::value).toList();
  }

  /**
   * Whether each outcome is worth a line of its own: true except for a fan-out, which logged its
   * summary table.
   */
  public boolean reportsEachSchema() {
    return layout != Layout.FAN_OUT;
  }

  /**
   * The value of the one schema.
   *
   * @throws IllegalStateException if there is not exactly one outcome
   */
  public T single() {
    if (outcomes.size() != 1) {
      throw new IllegalStateException(verb + " ran in " + outcomes.size() + " schemas, not one");
    }
    return outcomes.get(0).value();
  }
}
