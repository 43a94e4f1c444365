package dev.migrate.runner;

/**
 * One revision a run applied or reverted.
 *
 * @param id the revision id
 * @param message its message
 * @param direction {@code "upgrade"} or {@code "downgrade"}
 * @param statements how many SQL statements it executed
 * @param durationMillis how long it took, in milliseconds
 */
public record AppliedRevision(
    String id, String message, String direction, int statements, long durationMillis) {}
