package dev.migrate.model;

import java.util.Objects;

/**
 * A sequence that is not the internal sequence of an identity column.
 *
 * @param schema the schema, or {@code null} for the schema the migration runs in
 * @param name the sequence name
 * @param start the first value ({@code START WITH})
 * @param increment the step ({@code INCREMENT BY}); Hibernate 6's default allocation size is 50
 */
public record Sequence(String schema, String name, long start, long increment) {

  public Sequence {
    Objects.requireNonNull(name, "name");
    if (increment == 0) {
      throw new IllegalArgumentException("sequence " + name + ": increment must not be 0");
    }
  }

  /** A sequence in the migration's schema starting at 1 with the given increment. */
  public static Sequence of(String name, long increment) {
    return new Sequence(null, name, 1, increment);
  }

  /** The same sequence in {@code schema} ({@code null} for the migration's schema). */
  public Sequence inSchema(String schema) {
    return new Sequence(schema, name, start, increment);
  }

  /** Schema-qualified name for messages, for example {@code app.customer_seq} or {@code customer_seq}. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }
}
