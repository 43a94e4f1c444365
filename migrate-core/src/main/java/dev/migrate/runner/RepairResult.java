package dev.migrate.runner;

import java.util.List;

/**
 * What {@code repair} accepted in one schema.
 *
 * @param schema the schema
 * @param accepted the edited revisions whose new checksum was recorded (a history row with
 *     direction {@code repair} each), parents first; empty when no applied revision differed from
 *     its recorded checksum
 */
public record RepairResult(String schema, List<EditedRevision> accepted) {

  public RepairResult {
    accepted = List.copyOf(accepted);
  }
}
