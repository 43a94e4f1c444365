package dev.migrate.runner;

/**
 * An applied revision whose upgrade ops no longer match the checksum recorded when it was applied
 * (or stamped, or last repaired): its class was edited since.
 *
 * @param id the revision id
 * @param className the migration class, for example {@code
 *     com.acme.db.migrations.R20261102_AddPhone}
 * @param sourceFile its source file relative to the source root ({@link RevisionInfo#sourceFile()})
 * @param recordedChecksum the checksum in {@code migrate_history}, in the format it was written in
 * @param checksum the checksum of the revision's upgrade ops now, in the format written now
 * @param change what changed, in words: the first op whose canonical text differs, with both texts
 *     around the first difference, or the ops added or removed at the end; when the applied ops
 *     were not recorded, the number of ops now
 */
public record EditedRevision(
    String id,
    String className,
    String sourceFile,
    String recordedChecksum,
    String checksum,
    String change) {

  /**
   * One line for messages: {@code Revision <id> (<class>, file <file>): <change>; checksum applied
   * <abbreviated>, now <abbreviated>}.
   */
  public String describe() {
    return "Revision "
        + id
        + " ("
        + className
        + ", file "
        + sourceFile
        + "): "
        + change
        + "; checksum applied "
        + abbreviated(recordedChecksum)
        + ", now "
        + abbreviated(checksum);
  }

  private static String abbreviated(String checksum) {
    return checksum.length() > 16 ? checksum.substring(0, 16) + "..." : checksum;
  }
}
