package dev.migrate.diff;

import dev.migrate.ops.Op;
import java.util.List;

/**
 * What {@link SchemaDiff#compare} found.
 *
 * @param ops the ops that take the database to the model, in execution order
 * @param warnings what the user should review before committing, one sentence each, for the log and
 *     the generated class's header; for example a drop and an add of the same type that look like a
 *     rename
 * @param infos what the diff left alone on purpose, one line each, for the log: objects in the
 *     database that the model lacks and this chain did not create, enum values PostgreSQL cannot
 *     remove
 */
public record DiffResult(List<Op> ops, List<String> warnings, List<String> infos) {

  public DiffResult {
    ops = List.copyOf(ops);
    warnings = List.copyOf(warnings);
    infos = List.copyOf(infos);
  }
}
