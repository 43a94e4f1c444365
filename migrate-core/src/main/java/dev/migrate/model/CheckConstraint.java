package dev.migrate.model;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name; PostgreSQL's default for a column check is {@code
 *     <table>_<column>_check}
 * @param expression the boolean SQL expression, without the {@code CHECK} keyword and outer
 *     parentheses, for example {@code status IN ('NEW', 'PAID')}. Compared through the dialect's
 *     normalisation, since PostgreSQL stores a rewritten form.
 */
public record CheckConstraint(String name, String expression) implements TableElement {

  public CheckConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
