package dev.migrate;

import dev.migrate.schema.SchemaGroup;
import java.util.Objects;
import java.util.Optional;

/**
 * What one verb of {@link Schemas} did in one schema.
 *
 * @param schema the schema the verb ran in, for example {@code tenant_07} or {@code rfx_user}
 * @param group the schema group, when the project has schema groups; empty for a target schema
 * @param value the verb's result in that schema, for example a {@link dev.migrate.runner.RunResult}
 * @param <T> the verb's result type
 */
public record Outcome<T>(String schema, Optional<SchemaGroup> group, T value) {

  public Outcome {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(group, "group");
  }

  /** {@code Schema group user (rfx_user)} for a group, {@code Schema dev} for a target schema. */
  public String label() {
    return group
        .map(g -> "Schema group " + g.alias() + " (" + g.schema() + ")")
        .orElse("Schema " + schema);
  }
}
