package dev.migrate.ops;

import java.util.Objects;

/**
 * Removes label {@code value} from an enum type: the reverse of {@link AddEnumValue}, so that the
 * downgrade of a revision that grew an enum type restores the type exactly.
 *
 * <p>PostgreSQL has no {@code ALTER TYPE ... DROP VALUE} (ALTER TYPE docs: "there is no way to
 * remove an existing value"), so the type is re-created, as alembic-postgresql-enum does: every
 * table column of the type (found in {@code pg_attribute} when the op runs, so columns outside the
 * model are carried along too) is turned into {@code text}, the type is dropped and created again
 * with its other labels in their order, and the columns are turned back, with their defaults. It
 * fails, and the revision's transaction rolls back whole, when a row still holds the label (the
 * error names the table and column), when a view, a check constraint, a function or an array column
 * depends on the type, or when a column's default is the label. Destructive in intent only: no row
 * is changed.
 *
 * @param schema the type's schema, {@code null} for the schema the migration runs in
 * @param type the type name
 * @param value the label to remove
 * @param before the label it stood before, or {@code null}; kept so that {@link #reverse()} puts it
 *     back in place
 * @param after the label it stood after, or {@code null}; at most one of {@code before} and {@code
 *     after}
 */
public record DropEnumValue(String schema, String type, String value, String before, String after)
    implements Op {

  public DropEnumValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (before != null && after != null) {
      throw new IllegalArgumentException(
          "dropEnumValue " + type + "." + value + ": BEFORE and AFTER together");
    }
  }

  @Override
  public Op reverse() {
    return new AddEnumValue(schema, type, value, before, after);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitDropEnumValue(this);
  }
}
