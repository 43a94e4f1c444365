package dev.migrate.lint;

import java.util.Objects;

/**
 * One hazard the lint found in one op or raw SQL statement.
 *
 * @param rule the rule
 * @param object what it hits, as {@code table}, {@code table.column}, {@code index x on table} or
 *     the start of a SQL statement
 * @param safeFormUsed whether the op is written in the rule's safe form, which avoids the hazard
 *     (reported so that a generated class lists it)
 * @param accepted whether the revision accepts the hazard ({@code @AcceptedHazards})
 */
public record Finding(Rule rule, String object, boolean safeFormUsed, boolean accepted) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(object, "object");
  }

  /** A hazard of the plain form, not accepted. */
  public static Finding of(Rule rule, String object) {
    return new Finding(rule, object, false, false);
  }

  /** The rule's safe form in use. */
  public static Finding safe(Rule rule, String object) {
    return new Finding(rule, object, true, false);
  }

  /** This finding, accepted by the revision. */
  public Finding accept() {
    return new Finding(rule, object, safeFormUsed, true);
  }

  /** {@link Severity#INFO} for a safe form or an accepted hazard, else the rule's severity. */
  public Severity severity() {
    return safeFormUsed || accepted ? Severity.INFO : rule.severity();
  }

  /**
   * One line: {@code "adding-foreign-key-constraint on orders (fk orders_customer_fkey): scan under
   * lock, SHARE ROW EXCLUSIVE (blocks writes); safe form: ADD CONSTRAINT ... NOT VALID, ..."}, or
   * for a safe form in use {@code "...: safe form used (...)"}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(rule.id()).append(" on ").append(object).append(": ");
    if (safeFormUsed) {
      return text.append("safe form used (").append(rule.safeForm()).append(')').toString();
    }
    text.append(String.join(", ", rule.hazards().stream().map(Hazard::words).toList()));
    rule.lock().ifPresent(lock -> text.append(", ").append(lock.describe()));
    text.append("; safe form: ").append(rule.safeForm());
    if (accepted) {
      text.append(" (accepted by @AcceptedHazards)");
    }
    return text.toString();
  }
}
