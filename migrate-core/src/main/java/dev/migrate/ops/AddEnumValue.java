package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS 'v' [BEFORE 'b' | AFTER 'a']}: a new label of an
 * enum type, at the end or next to an existing label.
 *
 * <p>Reversed by {@link DropEnumValue}, which re-creates the type without the label (PostgreSQL
 * cannot remove a label from an enum type in place; ALTER TYPE docs). On PostgreSQL 12 and later it
 * runs inside the revision's transaction, but the new label cannot be used (in a default or a
 * check, say) before that transaction commits: use it in the next revision, or mark this one
 * {@code @Revision(transactional = false)}.
 *
 * @param schema the type's schema, {@code null} for the schema the migration runs in
 * @param type the type name
 * @param value the new label
 * @param before the existing label it goes before, or {@code null}
 * @param after the existing label it goes after, or {@code null}; at most one of {@code before} and
 *     {@code after}
 */
public record AddEnumValue(String schema, String type, String value, String before, String after)
    implements Op {

  public AddEnumValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (before != null && after != null) {
      throw new IllegalArgumentException(
          "addEnumValue " + type + "." + value + ": BEFORE and AFTER together");
    }
  }

  @Override
  public Op reverse() {
    return new DropEnumValue(schema, type, value, before, after);
  }

  @Override
  public <R> R accept(OpVisitor<R> visitor) {
    return visitor.visitAddEnumValue(this);
  }
}
